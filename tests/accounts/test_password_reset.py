"""Password reset through Wagtail's own admin view (/admin/password_reset/), throttled as sign-ins
are: per account from any number of addresses, per address for any number of accounts; the
answer never tells whether an account exists; the log names no address and holds no reset link.
(The per-address limit's 429 and its Japanese message: test_lockout.py.)"""

import io
import logging
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from tests.database_outage import PRODUCTION_TASKS

pytestmark = pytest.mark.django_db
RESET = "/admin/password_reset/"
DONE = "/admin/password_reset/done/"
NOBODY = "nobody-here@staff.example.com"


def request_reset(email, address):
    return Client().post(RESET, {"email": email}, REMOTE_ADDR=address)


def addresses(count, start=1):
    return [f"198.51.100.{n}" for n in range(start, start + count)]


def test_one_account_from_many_addresses_gets_at_most_its_share_of_emails(staff, mailoutbox):
    editor = staff("editor")
    responses = [request_reset(editor.email, address) for address in addresses(10)]
    assert len(mailoutbox) == 3
    assert {message.to[0] for message in mailoutbox} == {editor.email}
    # Every request got the same answer: the reset form accepted it.
    assert {(r.status_code, r["Location"]) for r in responses} == {(302, DONE)}


def test_the_account_limit_does_not_touch_other_accounts(staff, mailoutbox):
    editor, translator = staff("editor"), staff("translator")
    for address in addresses(5):
        request_reset(editor.email, address)
    request_reset(translator.email, "198.51.100.99")
    assert [message.to[0] for message in mailoutbox].count(translator.email) == 1


def test_the_account_limit_holds_whatever_the_spelling_of_the_address(staff, mailoutbox):
    editor = staff("editor")
    spellings = [editor.email, editor.email.upper(), editor.email.title(), editor.email] * 2
    for spelling, address in zip(spellings, addresses(len(spellings)), strict=True):
        request_reset(spelling, address)
    assert len(mailoutbox) == 3


def test_one_address_asking_for_many_accounts_is_refused_past_the_limit(staff, mailoutbox):
    users = [staff(role) for role in ("editor", "translator", "approver", "officer")]
    client = Client()
    statuses = [
        client.post(RESET, {"email": user.email}, REMOTE_ADDR="203.0.113.70").status_code
        for user in users
    ]
    assert statuses == [302, 302, 302, 429]
    assert len(mailoutbox) == 3


def without_csrf_tokens(body):
    """A page less its CSRF tokens (new for every visitor) and CSP nonces."""
    body = re.sub(r'(name="csrfmiddlewaretoken" value=|nonce=)"[^"]+"', "", body)
    return re.sub(r'"CSRF_TOKEN": "[^"]+"', "", body)


def comparable(response, email):
    body = without_csrf_tokens(response.content.decode().replace(email, "EMAIL"))
    return response.status_code, response.get("Location"), response.get("Retry-After"), body


def test_the_answer_is_the_same_whether_or_not_the_account_exists(staff, mailoutbox):
    editor = staff("editor")
    # Within every limit: both are sent to the same "done" page.
    sent = request_reset(editor.email, "198.51.100.1")
    nothing = request_reset(NOBODY, "198.51.100.2")
    assert comparable(sent, editor.email) == comparable(nothing, NOBODY)
    assert len(mailoutbox) == 1
    # Past the account's limit (its emails withheld): still the same answer.
    for address in addresses(3, start=10):
        request_reset(editor.email, address)
    withheld = request_reset(editor.email, "198.51.100.20")
    assert len(mailoutbox) == 3
    assert comparable(withheld, editor.email) == comparable(
        request_reset(NOBODY, "198.51.100.21"), NOBODY
    )
    # Past the address's limit: the same refusal for both.
    crowded, quiet = Client(), Client()
    for _ in range(3):
        crowded.post(RESET, {"email": editor.email}, REMOTE_ADDR="203.0.113.80")
        quiet.post(RESET, {"email": NOBODY}, REMOTE_ADDR="203.0.113.81")
    refused = crowded.post(RESET, {"email": editor.email}, REMOTE_ADDR="203.0.113.80")
    refused_too = quiet.post(RESET, {"email": NOBODY}, REMOTE_ADDR="203.0.113.81")
    assert refused.status_code == 429
    assert comparable(refused, editor.email) == comparable(refused_too, NOBODY)


def test_the_done_page_says_the_same_to_everyone(staff):
    editor = staff("editor")
    first, second = Client(), Client()
    first.post(RESET, {"email": editor.email}, REMOTE_ADDR="198.51.100.1")
    second.post(RESET, {"email": NOBODY}, REMOTE_ADDR="198.51.100.2")
    assert without_csrf_tokens(first.get(DONE).content.decode()) == without_csrf_tokens(
        second.get(DONE).content.decode()
    )


def test_refusals_are_logged_without_the_address_or_the_link(staff, mailoutbox, caplog):
    editor = staff("editor")
    with caplog.at_level(logging.DEBUG):
        for address in addresses(5):
            request_reset(editor.email, address)
        client = Client()
        for _ in range(4):
            client.post(RESET, {"email": NOBODY}, REMOTE_ADDR="203.0.113.90")
    text = caplog.text
    assert f"too many requests for user #{editor.pk}" in text
    assert text.count("Password reset email withheld") == 2
    assert "too many requests from one address" in text
    links = re.findall(r"/admin/password_reset/confirm/[^\s]+", mailoutbox[0].body)
    assert links, mailoutbox[0].body
    for secret in [editor.email, NOBODY, *links, *(link.split("/")[-2] for link in links)]:
        assert secret not in text, secret


# Committed for real: the production worker claims its tasks in transactions of its own.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_request_does_the_same_work_whether_or_not_the_account_exists(
    staff, mailoutbox, settings, django_assert_num_queries
):
    """Its timing must not tell who has an account: no email is sent inside the request (a mail
    server's delay showed only for a real account); each request enqueues one task, which holds
    account numbers, never the address typed or a link. The worker sends the email."""
    settings.TASKS = PRODUCTION_TASKS
    editor = staff("editor")
    Client().post(RESET, {"email": NOBODY}, REMOTE_ADDR="198.51.100.9")  # warm-up
    counts = []
    for email, address in [(editor.email, "198.51.100.1"), (NOBODY, "198.51.100.2")]:
        with CaptureQueriesContext(connection) as queries:
            response = request_reset(email, address)
        assert response.status_code == 302 and response["Location"] == DONE
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert mailoutbox == []
    tasks = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert len(tasks) == 3
    stored = repr([(task.args_kwargs) for task in tasks])
    assert editor.email not in stored and NOBODY not in stored
    assert tasks[1].args_kwargs["args"] == [[editor.pk]]
    assert tasks[2].args_kwargs["args"] == [[]]
    call_command("run_worker", "--batch", "--no-startup-delay", stdout=io.StringIO())
    assert [message.to for message in mailoutbox] == [[editor.email]]
    link = re.search(r"https?://\S+(/admin/password_reset/confirm/\S+)", mailoutbox[0].body)
    confirm = Client().get(link.group(1), follow=True)
    assert confirm.status_code == 200
    assert 'name="new_password1"' in confirm.content.decode()  # the link works
