"""The business inquiry form: stored before any email with the consent evidence, refused
with translated errors and the values kept, private to caches, limited, and reachable by
privacy requests."""

import pytest
from django.core import mail
from django.test import Client

from contact.forms import consent_wording, wording_hash
from contact.models import Inquiry
from contact.personal_data import purge_past_retention
from home.personal_data import personal_data_handlers
from tests.committing_client import CommittingClient

pytestmark = pytest.mark.django_db


def inquiry_data(version=None, **overrides):
    data = {
        "company": "株式会社サンプル広告",
        "name": "佐藤 一郎",
        "email": "sato@example.co.jp",
        "phone": "03-1234-5678",
        "project_kind": "commercial",
        "budget": "3m_10m",
        "message": "15秒のテレビCMを春に制作したいです。",
        "agree_policy": "on",
        "policy_version_shown": str(version.number) if version else "",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_an_inquiry_is_stored_with_its_consent_then_emailed_and_receipted(
    client, contact_ja, policy_version_ja, mailoutbox
):
    response = client.post("/ja/contact/", inquiry_data(policy_version_ja))
    assert response.status_code == 302
    assert response["Location"] == "/ja/contact/thanks/"
    inquiry = Inquiry.objects.get()
    assert (inquiry.company, inquiry.email, inquiry.language) == (
        "株式会社サンプル広告",
        "sato@example.co.jp",
        "ja",
    )
    assert inquiry.policy_version == policy_version_ja
    assert inquiry.consent_wording_sha256 == wording_hash(consent_wording("ja", policy_version_ja))
    assert inquiry.notified
    assert len(mailoutbox) == 2
    receipt = next(m for m in mailoutbox if m.to == ["sato@example.co.jp"])
    assert f"#{inquiry.pk}" in receipt.subject
    assert "http://testserver/ja/privacy-policy/versions/1/" in receipt.body
    # The studio's email carries no contact details.
    studio = next(m for m in mailoutbox if m.to != ["sato@example.co.jp"])
    assert "sato@example.co.jp" not in studio.body and "佐藤" not in studio.body
    thanks = client.get("/ja/contact/thanks/")
    html = thanks.content.decode()
    assert thanks.status_code == 200 and f">{inquiry.pk}<" in html
    assert "/ja/privacy-policy/versions/1/" in html
    assert "no-store" in thanks["Cache-Control"] and "private" in thanks["Cache-Control"]


def test_the_form_page_is_never_stored_by_a_cache(client, contact_ja, policy_version_ja):
    response = client.get("/ja/contact/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_the_notice_states_the_period_the_retention_job_enforces(
    client, contact_ja, contact_en, policy_version_ja, settings
):
    assert "最長1095日間保管し" in client.get("/ja/contact/").content.decode()
    settings.PERSONAL_DATA_RETENTION = {"business_inquiries": 400}
    assert "最長400日間保管し" in client.get("/ja/contact/").content.decode()
    assert "for 400 days at most" in client.get("/en/contact/").content.decode()


def test_a_failed_email_keeps_the_inquiry_and_says_why(
    client, contact_ja, policy_version_ja, settings
):
    settings.EMAIL_BACKEND = "tests.contact.test_inquiry_form.BrokenBackend"
    response = client.post("/ja/contact/", inquiry_data(policy_version_ja))
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert not inquiry.notified
    assert {e.last_error for e in inquiry.emails.all()} == {"OSError: SMTP down"}


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("SMTP down")


def test_bad_input_gets_translated_errors_beside_the_fields_and_keeps_values(
    client, contact_ja, policy_version_ja, mailoutbox
):
    data = inquiry_data(policy_version_ja, email="not-an-email", budget="", agree_policy=None)
    response = client.post("/ja/contact/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "お問い合わせは送信されていません" in html
    assert "有効なメールアドレスを入力してください。" in html
    assert "プライバシーポリシーに同意してください" in html
    assert 'value="株式会社サンプル広告"' in html and "15秒のテレビCMを春に制作したいです。" in html
    # Each field's aria-describedby names its own error list, which exists once.
    assert 'aria-describedby="id_email_error"' in html
    assert html.count('id="id_email_error"') == 1
    assert html.count("有効なメールアドレスを入力してください。") == 1
    assert not Inquiry.objects.exists() and mailoutbox == []


def test_english_errors_in_english(client, contact_en, policy_version_ja):
    response = client.post("/en/contact/", inquiry_data(None, email="nope", agree_policy=None))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter a valid email address." in html
    assert "Please agree to the privacy policy to send your inquiry." in html


def test_a_policy_posted_while_filling_in_must_be_agreed_again(
    client, contact_ja, policy_version_ja
):
    response = client.post("/ja/contact/", inquiry_data(None))  # saw "no version"
    assert response.status_code == 400
    assert not Inquiry.objects.exists()


def test_the_honeypot_stores_nothing_and_sends_nothing(
    client, contact_ja, policy_version_ja, mailoutbox
):
    response = client.post("/ja/contact/", inquiry_data(policy_version_ja, website="spam.example"))
    assert response.status_code == 302
    assert not Inquiry.objects.exists() and mailoutbox == []


def test_the_rate_limit_answers_429_in_the_visitor_language(
    contact_ja, policy_version_ja, settings
):
    settings.CONTACT_RATE_LIMIT = (2, 3600)
    client = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(2):
        assert client.post("/ja/contact/", inquiry_data(policy_version_ja)).status_code == 302
    response = client.post("/ja/contact/", inquiry_data(policy_version_ja))
    assert response.status_code == 429
    assert "Retry-After" in response
    assert "送信が多すぎます" in response.content.decode()
    assert Inquiry.objects.count() == 2


def test_privacy_requests_reach_inquiries(client, contact_ja, policy_version_ja, mailoutbox):
    client.post("/ja/contact/", inquiry_data(policy_version_ja))
    handler = next(h for h in personal_data_handlers() if h.name == "contact")
    exported = handler.export("SATO@example.co.jp")
    assert exported["business_inquiries"][0]["company"] == "株式会社サンプル広告"
    assert exported["business_inquiries"][0]["policy_version"] == 1
    assert handler.suspend("sato@example.co.jp") == 1
    assert Inquiry.objects.get().suspended
    assert handler.erase("sato@example.co.jp") == 1
    assert not Inquiry.objects.exists()


def test_inquiries_past_retention_are_deleted(contact_ja, policy_version_ja, settings):
    from datetime import timedelta

    from django.utils import timezone

    settings.PERSONAL_DATA_RETENTION = {"business_inquiries": 30}
    client = Client()
    client.post("/ja/contact/", inquiry_data(policy_version_ja))
    client.post("/ja/contact/", inquiry_data(policy_version_ja, email="new@example.com"))
    old = Inquiry.objects.get(email="sato@example.co.jp")
    Inquiry.objects.filter(pk=old.pk).update(submitted_at=timezone.now() - timedelta(days=31))
    assert purge_past_retention() == 1
    assert list(Inquiry.objects.values_list("email", flat=True)) == ["new@example.com"]


def test_only_privacy_officers_see_inquiries_in_the_admin(client, django_user_model):
    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user("editor", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    officer = django_user_model.objects.create_user("officer", password="x")
    officer.groups.add(Group.objects.get(name="Privacy officers"))
    client.force_login(editor)
    assert client.get("/admin/business_inquiries/").status_code in (302, 403)
    client.force_login(officer)
    assert client.get("/admin/business_inquiries/").status_code == 200
    assert mail.outbox == []


def visible_answer(client, data):
    import re

    first = client.post("/ja/contact/", data)
    thanks = client.get(first["Location"]) if first.status_code == 302 else first
    return first.status_code, first.get("Location"), re.sub(r"\d+", "N", thanks.text)


def test_a_suspended_address_gets_the_same_answer_and_is_flagged_for_the_officer(
    contact_ja, policy_version_ja, mailoutbox
):
    from tests.creators.factories import CreatorFactory

    CreatorFactory(email="sato@example.co.jp", suspended=True)  # a suspension request, earlier
    suspended = visible_answer(CommittingClient(), inquiry_data(policy_version_ja))
    other = visible_answer(
        CommittingClient(), inquiry_data(policy_version_ja, email="kato@example.co.jp")
    )
    assert suspended == other
    flagged = Inquiry.objects.get(email="sato@example.co.jp")
    assert flagged.suspended is True
    assert Inquiry.objects.get(email="kato@example.co.jp").suspended is False
    assert all("sato@example.co.jp" not in m.to for m in mailoutbox)


def test_the_officers_list_of_inquiries_is_in_words(
    client, contact_ja, policy_version_ja, django_user_model
):
    import re

    from django.contrib.auth.models import Group

    client.post("/ja/contact/", inquiry_data(policy_version_ja))
    officer = django_user_model.objects.create_user("officer", password="x")
    officer.groups.add(Group.objects.get(name="Privacy officers"))
    client.force_login(officer)
    html = client.get("/admin/business_inquiries/").content.decode()
    listing = html[html.index("<tbody") :]
    raw = re.search(r">\s*(True|False|None|commercial|3m_10m)\s*<", listing)
    assert not raw, raw
    assert "+00:00" not in listing and "UTC" not in listing


def test_an_inquiry_reads_in_words_and_japan_time(
    client, contact_ja, policy_version_ja, django_user_model
):
    import re
    from datetime import UTC, datetime

    from django.contrib.auth.models import Group

    client.post("/ja/contact/", inquiry_data(policy_version_ja))
    inquiry = Inquiry.objects.get()
    moment = datetime(2026, 12, 1, 15, 30, tzinfo=UTC)  # 2 Dec 00:30 in Tokyo
    Inquiry.objects.filter(pk=inquiry.pk).update(submitted_at=moment)
    officer = django_user_model.objects.create_user("officer", password="x")
    officer.groups.add(Group.objects.get(name="Privacy officers"))
    client.force_login(officer)
    html = client.get(f"/admin/business_inquiries/inspect/{inquiry.pk}/").content.decode()
    page = html[html.index("<main") :]
    assert "2026年12月2日0:30 JST" in page and "15:30" not in page
    raw = re.search(r">\s*(True|False|None)\s*<|\+00:00|UTC", page)
    assert not raw, raw
