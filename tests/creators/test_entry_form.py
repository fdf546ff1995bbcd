"""The entry form: stored exactly or refused with a message, never a 500, never half-stored."""

import pytest
from django.test import Client

from creators.choices import POLICY, PUBLISH_EXPERTISE, PUBLISH_NAME
from creators.consent import consent_wording, wording_hash
from creators.models import Consent, Creator, Entry
from tests.committing_client import CommittingClient
from tests.creators.factories import CreatorFactory
from works.models import AITool

pytestmark = pytest.mark.django_db


def entry_data(version=None, **overrides):
    data = {
        "name": "山田 花子",
        "stage_name": "",
        "email": "hanako@example.com",
        "phone": "090-1234-5678",
        "expertise": ["direction", "ai_generation"],
        "expertise_other": "",
        "portfolio_url": "https://example.com/hanako",
        "ai_tools_other": "",
        "achievements": "短編映画の監督",
        "message": "よろしくお願いします。",
        "agree_policy": "on",
        "publish_name": "on",
        "policy_version_shown": str(version.number) if version else "",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_a_valid_entry_is_stored_with_its_consents_and_redirects_to_the_receipt(
    client, entry_page_ja, policy_version_ja, mailoutbox
):
    response = client.post("/ja/entry/", entry_data(policy_version_ja))
    assert response.status_code == 302
    assert response["Location"] == "/ja/entry/thanks/"
    entry = Entry.objects.get()
    assert (entry.name, entry.email, entry.language) == ("山田 花子", "hanako@example.com", "ja")
    assert entry.expertise == ["direction", "ai_generation"]
    consents = {c.what: c for c in Consent.objects.filter(entry=entry)}
    assert {what: c.given for what, c in consents.items()} == {
        "policy": True,
        "publish_name": True,
        "publish_expertise": False,
        "publish_achievements": False,
    }
    policy = consents[POLICY]
    assert policy.policy_version == policy_version_ja
    assert policy.how == "entry_form" and policy.language == "ja"
    assert policy.wording_sha256 == wording_hash(consent_wording(POLICY, "ja", policy_version_ja))
    assert consents[PUBLISH_NAME].wording_sha256 == wording_hash(
        consent_wording(PUBLISH_NAME, "ja")
    )
    thanks = client.get("/ja/entry/thanks/")
    assert thanks.status_code == 200
    html = thanks.content.decode()
    assert "エントリー番号" in html and f">{entry.pk}<" in html
    assert f"/ja/privacy-policy/versions/{policy_version_ja.number}/" in html


def test_the_form_links_the_policy_version_in_force_and_lists_ai_tools_of_the_language(
    client, entry_page_ja, entry_page_en, policy_version_ja, locale_en
):
    AITool.objects.create(name="Runway", locale=entry_page_ja.locale)
    AITool.objects.create(name="English only tool", locale=locale_en)
    html = client.get("/ja/entry/").content.decode()
    assert f'href="/ja/privacy-policy/versions/{policy_version_ja.number}/"' in html
    assert "Runway" in html and "English only tool" not in html
    assert "csrfmiddlewaretoken" in html
    english = client.get("/en/entry/").content.decode()
    assert "English only tool" in english and "I have read the privacy policy" in english


def test_ai_tools_are_stored_by_name(client, entry_page_ja, policy_version_ja):
    tool = AITool.objects.create(name="Sora", locale=entry_page_ja.locale)
    client.post("/ja/entry/", entry_data(policy_version_ja, ai_tools=[tool.pk]))
    assert Entry.objects.get().ai_tools == ["Sora"]


HOSTILE_BUT_STORED = [
    ("name", "👩🏻‍🎤 アーティスト"),
    ("name", "ＡＬＬＩＮ　太郎"),
    ("stage_name", "ｶﾀｶﾅ ｽﾃｰｼﾞ"),
    ("achievements", '<script>alert("x")</script> & <b>bold</b>'),
    ("message", "Line one\nLine two\twith tab — “quotes” ' \" 🎬"),
    ("achievements", "{{ 7*7 }} {% now 'Y' %}"),
    ("expertise_other", "VFX & 合成 <i>"),
]


@pytest.mark.parametrize(("field", "value"), HOSTILE_BUT_STORED)
def test_hostile_text_is_stored_exactly_and_rendered_escaped(
    client, entry_page_ja, policy_version_ja, field, value
):
    response = client.post("/ja/entry/", entry_data(policy_version_ja, **{field: value}))
    assert response.status_code == 302, response.context["form"].errors
    entry = Entry.objects.get()
    assert getattr(entry, field) == value
    # The receipt page shows no raw markup from the visitor.
    html = client.get("/ja/entry/thanks/").content.decode()
    assert "<script>alert" not in html and "<b>bold</b>" not in html


BAD_INPUTS = [
    ("missing name", {"name": ""}, "name"),
    ("blank name", {"name": "   "}, "name"),
    ("name too long", {"name": "a" * 101}, "name"),
    ("name 10,000 chars", {"name": "名" * 10_000}, "name"),
    ("name with markup", {"name": "<script>alert(1)</script>"}, "name"),
    ("name with angle bracket", {"name": "Taro >"}, "name"),
    ("name with NUL", {"name": "Ta\x00ro"}, "name"),
    ("name with bell", {"name": "Ta\x07ro"}, "name"),
    ("name with escape seq", {"name": "\x1b[31mred"}, "name"),
    ("name with newline", {"name": "Taro\nHanako"}, "name"),
    ("name with RTL override", {"name": "abc\u202edcba"}, "name"),
    ("stage name with DEL", {"stage_name": "Stage\x7f"}, "stage_name"),
    ("stage name with markup", {"stage_name": "<img src=x onerror=alert(1)>"}, "stage_name"),
    ("missing email", {"email": ""}, "email"),
    ("email without at", {"email": "hanako.example.com"}, "email"),
    ("email with spaces", {"email": "hana ko@example.com"}, "email"),
    ("email header injection", {"email": "a@example.com\nBcc: x@example.com"}, "email"),
    ("email too long", {"email": "a" * 250 + "@example.com"}, "email"),
    ("phone letters", {"phone": "call me maybe"}, "phone"),
    ("phone too long", {"phone": "0" * 31}, "phone"),
    ("phone with markup", {"phone": "<090>"}, "phone"),
    ("missing portfolio", {"portfolio_url": ""}, "portfolio_url"),
    ("javascript url", {"portfolio_url": "javascript:alert(1)"}, "portfolio_url"),
    ("data url", {"portfolio_url": "data:text/html,<script>alert(1)</script>"}, "portfolio_url"),
    ("ftp url", {"portfolio_url": "ftp://example.com/file"}, "portfolio_url"),
    ("not a url", {"portfolio_url": "http://"}, "portfolio_url"),
    ("url too long", {"portfolio_url": "https://example.com/" + "a" * 500}, "portfolio_url"),
    ("unknown expertise", {"expertise": ["hacking"]}, "expertise"),
    ("expertise other too long", {"expertise_other": "x" * 201}, "expertise_other"),
    ("expertise other with control", {"expertise_other": "VF\x0bX"}, "expertise_other"),
    ("unknown ai tool", {"ai_tools": ["999999"]}, "ai_tools"),
    ("ai tool not a number", {"ai_tools": ["runway"]}, "ai_tools"),
    ("ai tools other too long", {"ai_tools_other": "x" * 201}, "ai_tools_other"),
    ("achievements 10,000 chars", {"achievements": "実" * 10_000}, "achievements"),
    ("achievements with NUL", {"achievements": "ok\x00"}, "achievements"),
    ("achievements with form feed", {"achievements": "page\x0cbreak"}, "achievements"),
    ("message 10,000 chars", {"message": "m" * 10_000}, "message"),
    ("message with backspace", {"message": "oops\x08"}, "message"),
    ("policy not agreed", {"agree_policy": None}, "agree_policy"),
]


@pytest.mark.parametrize(
    ("overrides", "field"), [case[1:] for case in BAD_INPUTS], ids=[case[0] for case in BAD_INPUTS]
)
def test_bad_input_gives_an_error_beside_the_field_keeps_values_and_stores_nothing(
    client, entry_page_ja, policy_version_ja, overrides, field, mailoutbox
):
    data = entry_data(policy_version_ja, **overrides)
    response = client.post("/ja/entry/", data)
    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors, form.errors
    html = response.content.decode()
    assert 'class="errorlist"' in html
    assert "送信されていません" in html  # the summary, in the visitor's language
    assert 'value="hanako@example.com"' in html or field == "email"
    assert 'value="https://example.com/hanako"' in html or field == "portfolio_url"
    assert Entry.objects.count() == 0
    assert Consent.objects.count() == 0
    assert mailoutbox == []


def test_errors_are_in_english_on_the_english_form(client, entry_page_en, policy_version_ja):
    response = client.post("/en/entry/", entry_data(None, name="", agree_policy=None))
    assert response.status_code == 400
    html = response.content.decode()
    assert "This field is required." in html
    assert "Please agree to the privacy policy" in html
    assert 'value="hanako@example.com"' in html


def test_errors_are_in_japanese_on_the_japanese_form(client, entry_page_ja, policy_version_ja):
    response = client.post("/ja/entry/", entry_data(policy_version_ja, name="", agree_policy=None))
    html = response.content.decode()
    assert "この項目は必須です" in html
    assert "プライバシーポリシーに同意" in html


def test_markup_in_a_refused_value_is_shown_escaped(client, entry_page_ja, policy_version_ja):
    response = client.post(
        "/ja/entry/", entry_data(policy_version_ja, name="<script>alert(1)</script>")
    )
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_policy_posted_while_filling_in_the_form_must_be_agreed_again(
    client, entry_page_ja, policy_version_ja
):
    stale = entry_data(policy_version_ja, policy_version_shown=str(policy_version_ja.number - 1))
    response = client.post("/ja/entry/", stale)
    assert response.status_code == 400
    assert "agree_policy" in response.context["form"].errors
    assert Entry.objects.count() == 0


def test_without_a_policy_version_the_entry_is_recorded_without_one(client, entry_page_ja):
    response = client.post("/ja/entry/", entry_data(None))
    assert response.status_code == 302
    assert Consent.objects.get(what=POLICY).policy_version is None


def test_honeypot_stores_nothing_and_sends_nothing(
    client, entry_page_ja, policy_version_ja, mailoutbox
):
    response = client.post("/ja/entry/", entry_data(policy_version_ja, website="http://spam"))
    assert response.status_code == 302
    assert Entry.objects.count() == 0 and Consent.objects.count() == 0
    assert mailoutbox == []
    thanks = client.get(response["Location"]).content.decode()
    assert "エントリー番号" not in thanks  # no receipt for a bot


def test_rate_limit_answers_429_in_the_visitors_language_with_retry_after(
    client, entry_page_ja, entry_page_en, policy_version_ja, settings
):
    settings.CREATORS_ENTRY_RATE_LIMIT = (2, 600)
    for i in range(2):
        ok = client.post("/ja/entry/", entry_data(policy_version_ja, email=f"a{i}@example.com"))
        assert ok.status_code == 302
    blocked = client.post("/ja/entry/", entry_data(policy_version_ja, email="c@example.com"))
    assert blocked.status_code == 429
    assert 0 < int(blocked["Retry-After"]) <= 600
    html = blocked.content.decode()
    assert "分後" in html  # "try again in about N minutes", in Japanese
    assert Entry.objects.count() == 2
    english = client.post("/en/entry/", entry_data(None, email="d@example.com"))
    assert english.status_code == 429
    assert "(in about 10 minutes)" in english.content.decode()
    other_address = client.post(
        "/ja/entry/", entry_data(policy_version_ja, email="e@example.com"), REMOTE_ADDR="10.0.0.9"
    )
    assert other_address.status_code == 302


def test_csrf_is_enforced(entry_page_ja, policy_version_ja):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/ja/entry/", entry_data(policy_version_ja))
    assert response.status_code == 403
    assert Entry.objects.count() == 0


def answer(client, data):
    """What a visitor sees of a submission: the redirect, then the receipt page, minus the
    entry's own number and the CSRF token."""
    import re

    first = client.post("/ja/entry/", data)
    thanks = client.get(first["Location"]) if first.status_code == 302 else first
    text = re.sub(r"\d+", "N", thanks.content.decode())
    return first.status_code, first.get("Location"), thanks.status_code, text


def test_a_suspended_address_gets_the_same_answer_and_the_officer_sees_the_flag(
    entry_page_ja, policy_version_ja, mailoutbox
):
    CreatorFactory(email="hanako@example.com", suspended=True)
    data = entry_data(policy_version_ja)
    suspended = answer(CommittingClient(), {**data, "email": "HANAKO@example.com"})
    other = answer(CommittingClient(), {**data, "email": "HANAKO@example.org"})
    assert suspended == other, "the answer must not tell whether an address is suspended"
    flagged, plain = Entry.objects.order_by("pk")
    assert (flagged.email, flagged.suspended) == ("HANAKO@example.com", True)
    assert plain.suspended is False
    # Nobody writes to the suspended address; the other entry gets its emails.
    assert all("HANAKO@example.com" not in m.to for m in mailoutbox)
    assert any("HANAKO@example.org" in m.to for m in mailoutbox)


def test_a_suspension_made_through_the_contact_form_covers_entries_too(
    entry_page_ja, policy_version_ja
):
    from django.utils import timezone

    from contact.models import Inquiry

    Inquiry.objects.create(
        company="株式会社例",
        name="山田 花子",
        email="hanako@example.com",
        project_kind="commercial",
        budget="undecided",
        message="…",
        language="ja",
        consent_at=timezone.now(),
        consent_wording_sha256="0" * 64,
        suspended=True,
    )
    Client().post("/ja/entry/", entry_data(policy_version_ja))
    assert Entry.objects.get().suspended is True


def test_the_officer_sees_do_not_contact_on_the_entries_list(
    client, entry_page_ja, policy_version_ja, officer
):
    CreatorFactory(email="hanako@example.com", suspended=True)
    Client().post("/ja/entry/", entry_data(policy_version_ja))
    client.force_login(officer)
    html = client.get("/admin/creators_entry/").content.decode()
    assert "連絡停止" in html


def test_only_publishing_boxes_ticked_become_consents_given(
    client, entry_page_ja, policy_version_ja
):
    data = entry_data(policy_version_ja, publish_name=None, publish_expertise="on")
    client.post("/ja/entry/", data)
    given = set(Consent.objects.filter(given=True).values_list("what", flat=True))
    assert given == {POLICY, PUBLISH_EXPERTISE}
    assert Creator.objects.count() == 0  # a creator is made by an editor, not by the form
