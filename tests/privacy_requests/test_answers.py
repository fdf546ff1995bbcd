"""The answer reaches the person: delivery choice, the single-use expiring link, the written
answer, the letter's contents, the fee and the clock, and the actions each kind offers."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.models import ModelLogEntry

from home.models import SiteSettings
from home.outbox import OutboxEmail
from home.personal_data import PersonalDataHandler, RetentionRule
from privacy_requests import actions
from privacy_requests.models import Answer, PrivacyRequest

from .conftest import answer_link
from .scan import tables_containing

pytestmark = pytest.mark.django_db

Kind = PrivacyRequest.Kind


def act(client, privacy_request, follow=False, **data):
    response = client.post(
        reverse("privacy_requests:action", args=[privacy_request.pk]), data, follow=follow
    )
    privacy_request.refresh_from_db()
    return response


def logged(privacy_request):
    return list(
        ModelLogEntry.objects.for_instance(privacy_request)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


@pytest.fixture
def paid_disclosure(officer_client, confirmed_request, person):
    def make(**kwargs):
        privacy_request = confirmed_request(person.email, kind="disclosure", **kwargs)
        act(officer_client, privacy_request, action="fee", fee_status="paid")
        return privacy_request

    return make


def test_the_link_goes_to_the_confirmed_address_works_once_and_the_file_is_then_deleted(
    client, officer_client, paid_disclosure, person, mailoutbox, fetch_answer
):
    privacy_request = paid_disclosure()
    act(officer_client, privacy_request, action="release")
    answer_mail = mailoutbox[-2]  # then the "done" status email
    assert answer_mail.to == [person.email]
    link = answer_link(mailoutbox)
    token = link.rstrip("/").rsplit("/", 1)[1]
    # Only its hash is kept: the token was made as the email left, so the stored copy of the
    # email (an officer can read it) holds a dead placeholder, not the working link.
    assert tables_containing(token) == []
    stored = OutboxEmail.objects.get(template="privacy_requests/email/answer")
    assert "/answer/token-made-when-sent/" in stored.body and token not in stored.body
    released = Answer.objects.get(privacy_request=privacy_request)
    assert released.expires_at == released.released_at + timedelta(days=7)

    fetch_answer()
    released.refresh_from_db()
    assert released.downloaded_at and released.file_deleted_at and bytes(released.content) == b""
    again = client.post(link)
    assert again.status_code == 410 and "already been used" in again.content.decode()
    assert client.get(link).status_code == 410
    assert client.get(link[:-3] + "xx/").status_code == 404
    assert logged(privacy_request).count("privacy_requests.download") == 1
    assert "privacy_requests.download_refused" in logged(privacy_request)


def test_an_expired_link_is_refused_and_the_timer_deletes_its_file(
    client, officer_client, paid_disclosure, mailoutbox
):
    privacy_request = paid_disclosure()
    act(officer_client, privacy_request, action="release")
    link = answer_link(mailoutbox)
    released = Answer.objects.get(privacy_request=privacy_request)
    with time_machine.travel(released.expires_at - timedelta(minutes=1)):
        call_command("expire_privacy_answers")
        assert client.get(link).status_code == 200
    with time_machine.travel(released.expires_at + timedelta(minutes=1)):
        assert client.post(link).status_code == 410
        call_command("expire_privacy_answers")
    released.refresh_from_db()
    assert released.file_deleted_at and bytes(released.content) == b""
    assert released.downloaded_at is None
    assert "privacy_requests.answer_expired" in logged(privacy_request)


def test_the_letter_is_written_for_the_person_in_their_language_without_internal_values(
    officer_client, confirmed_request, person, fetch_answer, request_pages
):
    privacy_request = confirmed_request(person.email, kind="disclosure", language="ja")
    act(officer_client, privacy_request, action="fee", fee_status="waived")
    act(officer_client, privacy_request, action="release")
    archive = fetch_answer()
    letter = archive.read("answer.html").decode()
    assert '<html lang="ja">' in letter
    assert f"個人情報に関するご請求 #{privacy_request.pk} へのご回答" in letter
    settings = SiteSettings.load()
    assert settings.company_ja in letter and settings.address_ja in letter  # who answers
    assert "JST" in letter  # Japan time
    assert "+00:00" not in letter and "UTC" not in letter
    assert request_pages["ja"].full_url in letter  # how to ask for correction or deletion
    assert person.phone in letter
    raw = letter + archive.read("answer.json").decode()
    for internal in ("email_digest", "nonce", "token", "True", "False", "None", "disclosure"):
        assert internal not in raw, internal


def test_a_person_with_no_data_gets_a_letter_saying_so(
    officer_client, confirmed_request, fetch_answer
):
    privacy_request = confirmed_request("nobody@example.com", name="Nobody", kind="disclosure")
    act(officer_client, privacy_request, action="fee", fee_status="paid")
    act(officer_client, privacy_request, action="release")
    archive = fetch_answer()
    assert "We hold no personal data about you" in archive.read("answer.html").decode()
    assert json.loads(archive.read("answer.json"))["records"] == []


def test_a_written_answer_is_printed_by_the_officer_and_recorded_as_posted(
    officer_client, paid_disclosure, person, mailoutbox
):
    privacy_request = paid_disclosure(delivery="post")
    assert privacy_request.delivery == PrivacyRequest.Delivery.POST
    assert actions.available(privacy_request) == {"preview", "posted", "refuse"}
    inspect = officer_client.get(reverse("privacy_requests:inspect", args=[privacy_request.pk]))
    assert "印刷用の書面回答を開く" in inspect.content.decode()  # the admin is used in Japanese
    printable = officer_client.get(reverse("privacy_requests:answer", args=[privacy_request.pk]))
    html = printable.content.decode()
    assert printable.status_code == 200 and "@media print" in html and person.phone in html
    assert "no-store" in printable["Cache-Control"]
    assert "privacy_requests.export" in logged(privacy_request)
    act(officer_client, privacy_request, action="posted")
    assert privacy_request.status == PrivacyRequest.Status.DONE
    assert "posted our written answer" in mailoutbox[-1].body
    assert not privacy_request.answers.exists()


def test_the_fee_email_says_how_to_pay_and_the_clock_starts_when_the_fee_arrives(
    officer_client, confirmed_request, person, mailoutbox
):
    settings = SiteSettings.load()
    settings.fee_payment_en = "Shibuya Bank, Ebisu branch, ordinary 1234567, ALL IN CO.,LTD."
    settings.save()
    privacy_request = confirmed_request(person.email, kind="disclosure")
    fee_mail = next(m for m in mailoutbox if "Waiting for fee" in m.subject)
    assert "Shibuya Bank, Ebisu branch" in fee_mail.body
    assert f"PR{privacy_request.pk}" in fee_mail.body and "1,000 yen" in fee_mail.body
    assert privacy_request.due_at is None and not privacy_request.is_overdue()
    # Confirmed ten days ago; the payment arrived three days ago: 14 days count from the payment.
    PrivacyRequest.objects.filter(pk=privacy_request.pk).update(
        confirmed_at=timezone.now() - timedelta(days=10)
    )
    three_days_ago = timezone.localdate() - timedelta(days=3)
    response = act(
        officer_client,
        privacy_request,
        follow=True,
        action="fee",
        fee_status="paid",
        settled_on=three_days_ago.isoformat(),
    )
    arrived = timezone.make_aware(
        timezone.datetime.combine(three_days_ago, timezone.datetime.min.time())
    )
    assert privacy_request.fee_settled_at == arrived
    assert privacy_request.due_at == arrived + timedelta(days=14)
    text = response.content.decode()
    assert "手数料の入金を記録しました" in text and "完了" not in text
    future = act(officer_client, privacy_request, action="fee", fee_status="paid")
    assert future.status_code == 302  # a second recording is refused: the fee is settled


def test_a_fee_day_in_the_future_is_refused_with_a_message(
    officer_client, confirmed_request, person
):
    privacy_request = confirmed_request(person.email, kind="disclosure")
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = act(
        officer_client,
        privacy_request,
        follow=True,
        action="fee",
        fee_status="paid",
        settled_on=tomorrow,
    )
    assert "未来の日付は指定できません" in response.content.decode()
    assert privacy_request.fee_status == PrivacyRequest.Fee.PENDING


EXPECTED = {
    Kind.DISCLOSURE: {"preview", "release", "refuse"},
    Kind.PROVISION_RECORDS: {"preview", "release", "refuse"},
    Kind.CORRECTION: {"start", "correct", "done", "refuse"},
    Kind.DELETION: {"start", "correct", "delete", "refuse"},
    Kind.SUSPENSION: {"start", "suspend", "delete", "refuse"},
    Kind.PURPOSE_NOTICE: {"start", "notify_purpose", "refuse"},
    Kind.STOP_PROVISION: {"start", "stop_provision", "refuse"},
    Kind.OTHER: {"start", "done", "refuse"},
}


@pytest.mark.parametrize("kind", list(Kind))
def test_each_kind_offers_only_its_fitting_actions_and_a_closed_one_none(
    officer_client, confirmed_request, person, kind
):
    privacy_request = confirmed_request(person.email, kind=kind.value)
    if privacy_request.needs_fee:
        assert actions.available(privacy_request) == {"fee", "refuse"}
        act(officer_client, privacy_request, action="fee", fee_status="waived")
    assert actions.available(privacy_request) == EXPECTED[kind]
    act(officer_client, privacy_request, action="refuse", ground="business", reason="Because.")
    assert privacy_request.status == PrivacyRequest.Status.REFUSED
    assert actions.available(privacy_request) == set()
    response = act(officer_client, privacy_request, follow=True, action="correct", note="x")
    assert "この請求の種類・状態では行えません" in response.content.decode()


def test_a_purpose_notice_tells_the_person_how_each_of_their_records_is_used(
    officer_client, confirmed_request, person, mailoutbox
):
    privacy_request = confirmed_request(person.email, kind="purpose_notice")
    act(officer_client, privacy_request, action="notify_purpose")
    assert privacy_request.status == PrivacyRequest.Status.DONE
    body = mailoutbox[-1].body
    assert "purposes for which we use your personal data" in body
    assert "Article 3 of our privacy policy" in body


def test_stopping_provision_asks_every_holder_that_provides_data(
    officer_client, confirmed_request, person, mailoutbox
):
    stopped = []

    def provider():
        handler = PersonalDataHandler(
            name="provider",
            models=[PrivacyRequest],
            description="records given to clients",
            purpose="introductions",
            export=lambda email: {},
            erase=lambda email: 0,
            suspend=lambda email: 0,
            retention=[
                RetentionRule(
                    name="privacy_requests_closed",
                    description="kept while the introduction stands",
                    due=lambda cutoff: PrivacyRequest.objects.none(),
                    apply=lambda records: 0,
                )
            ],
        )
        object.__setattr__(handler, "stop_provision", lambda email: stopped.append(email) or 2)
        return handler

    privacy_request = confirmed_request(person.email, kind="stop_provision")
    with hooks.register_temporarily("register_personal_data", provider):
        act(officer_client, privacy_request, action="stop_provision")
    assert stopped == [person.email]
    assert privacy_request.outcome == {"provision_stopped": {"provider": 2}}
    assert "stopped providing your personal data" in mailoutbox[-1].body
    inspect = officer_client.get(reverse("privacy_requests:inspect", args=[privacy_request.pk]))
    assert "第三者への提供を停止: provider（2件）" in inspect.content.decode()


def test_a_refusal_explains_the_article_5_ground_to_the_person(
    officer_client, paid_disclosure, mailoutbox
):
    privacy_request = paid_disclosure()
    act(officer_client, privacy_request, action="refuse", ground="harm", reason="A third party.")
    body = mailoutbox[-1].body
    assert "Article 5 (1): it could harm the life, body, property" in body
    assert "A third party." in body


def test_erasing_the_person_deletes_a_released_answer_too(
    officer_client, paid_disclosure, confirmed_request, person
):
    disclosure = paid_disclosure()
    act(officer_client, disclosure, action="release")
    deletion = confirmed_request(person.email, kind="deletion")
    act(officer_client, deletion, action="delete", confirm="yes")
    assert not Answer.objects.exists()


def test_the_letter_names_the_policy_version_in_force_with_its_link(
    officer_client, confirmed_request, person, fetch_answer, site, client
):
    from tests.policy.factories import PolicyPageFactory, publish

    publish(PolicyPageFactory(parent=site["ja"], locale=site["ja"].locale))
    privacy_request = confirmed_request(person.email, kind="disclosure", language="ja")
    act(officer_client, privacy_request, action="fee", fee_status="paid")
    act(officer_client, privacy_request, action="release")
    archive = fetch_answer()
    letter = archive.read("answer.html").decode()
    url = "http://testserver/ja/privacy-policy/versions/1/"
    assert "プライバシーポリシー第1版" in letter and f'<a href="{url}">' in letter
    policy = json.loads(archive.read("answer.json"))["privacy_policy"]
    assert (
        policy["number"] == 1 and policy["url"] == url and policy["in_force_since"].endswith(" JST")
    )
    assert client.get(url).status_code == 200
