"""Who sees what in the admin: contact details for Privacy officers only; conversion for editors."""

import csv
import io
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from creators.models import Consent, Creator, CreatorPage, Entry
from tests.creators.factories import CreatorFactory
from tests.creators.test_entry_form import entry_data

pytestmark = pytest.mark.django_db

OFFICER_ONLY_URLS = [
    "/admin/creators_entry/",
    "/admin/creators_entry/?export=csv",
    "/admin/creators_creator/",
    "/admin/creators_creator/?export=csv",
]


@pytest.fixture
def entry(client, entry_page_ja, policy_version_ja):
    client.post(
        "/ja/entry/",
        entry_data(
            policy_version_ja, name="連絡 先子", phone="03-1111-2222", publish_expertise="on"
        ),
    )
    client.logout()
    return Entry.objects.get()


def test_anonymous_visitors_are_sent_to_the_login(client, entry):
    for url in OFFICER_ONLY_URLS + ["/admin/creators/entries-to-convert/"]:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url


@pytest.mark.parametrize("role", ["editor", "translator"])
def test_editors_and_translators_cannot_see_contact_details_or_export(client, entry, role, request):
    client.force_login(request.getfixturevalue(role))
    for url in OFFICER_ONLY_URLS + [
        f"/admin/creators_entry/edit/{entry.pk}/",
        f"/admin/creators_entry/inspect/{entry.pk}/",
    ]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"hanako@example.com" not in response.content
    dashboard = client.get("/admin/").content.decode()
    assert "/admin/creators_entry/" not in dashboard


def test_the_editors_conversion_screen_shows_no_contact_details(client, entry, editor):
    client.force_login(editor)
    response = client.get("/admin/creators/entries-to-convert/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"#{entry.pk}" in html and "監督・演出" in html
    for secret in ("連絡 先子", "hanako@example.com", "03-1111-2222", "https://example.com/hanako"):
        assert secret not in html


def test_an_editor_turns_an_entry_into_a_creator_and_a_draft_profile(
    client, entry, editor, creators_index_ja
):
    client.force_login(editor)
    response = client.post(f"/admin/creators/convert/{entry.pk}/")
    page = CreatorPage.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{page.pk}/edit/"
    creator = Creator.objects.get()
    assert (creator.name, creator.email, creator.phone) == (
        "連絡 先子",
        entry.email,
        "03-1111-2222",
    )
    assert page.creator == creator and not page.live
    assert page.get_parent().pk == creators_index_ja.pk
    assert page.slug.startswith("creator-") and "連絡" not in page.title
    assert "連絡" not in str(page.latest_revision.content)
    # The page editor shows the link, not the person.
    edit = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "連絡 先子" not in edit and entry.email not in edit
    # The entry's consents now count for the creator.
    from creators.consent import consent_states

    assert consent_states([creator.pk])[creator.pk]["publish_expertise"] is True
    # Converting again does not make a second page.
    client.post(f"/admin/creators/convert/{entry.pk}/")
    assert CreatorPage.objects.count() == 1 and Creator.objects.count() == 1


def test_an_editor_declines_an_entry_and_it_is_erased_after_the_short_period(client, entry, editor):
    client.force_login(editor)
    url = f"/admin/creators/decline/{entry.pk}/"
    assert f'action="{url}"' in client.get("/admin/creators/entries-to-convert/").content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == "/admin/creators/entries-to-convert/"
    entry.refresh_from_db()
    declined = entry.declined_at
    assert declined is not None
    assert ModelLogEntry.objects.filter(action="creators.declined", user=editor).count() == 1
    client.post(url)  # declining again does not restart the clock
    entry.refresh_from_db()
    assert entry.declined_at == declined
    with time_machine.travel(declined + timedelta(days=29), tick=False):
        call_command("enforce_retention", stdout=io.StringIO())
        assert Entry.objects.filter(pk=entry.pk).exists()
    with time_machine.travel(declined + timedelta(days=31), tick=False):
        call_command("enforce_retention", stdout=io.StringIO())
    assert not Entry.objects.filter(pk=entry.pk).exists()
    assert not Consent.objects.filter(entry_id=entry.pk).exists()
    assert Consent.objects.filter(anonymised_at__isnull=False).exists()  # the evidence stays


def test_officers_list_search_filter_and_export_entries(client, entry, officer):
    client.force_login(officer)
    listing = client.get("/admin/creators_entry/", {"q": "先子"})
    assert listing.status_code == 200 and "hanako@example.com" in listing.content.decode()
    assert (
        "hanako@example.com"
        not in client.get("/admin/creators_entry/", {"q": "nobody"}).content.decode()
    )
    export = client.get("/admin/creators_entry/", {"export": "csv"})
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert len(rows) == 2
    assert "hanako@example.com" in rows[1] and "03-1111-2222" in rows[1]
    assert ModelLogEntry.objects.filter(action="creators.exported", user=officer).count() == 1
    inspect = client.get(f"/admin/creators_entry/inspect/{entry.pk}/")
    assert inspect.status_code == 200 and "03-1111-2222" in inspect.content.decode()


def test_exported_formulas_are_neutralised(client, officer, entry_page_ja, policy_version_ja):
    client.post("/ja/entry/", entry_data(policy_version_ja, achievements="=HYPERLINK(1)"))
    client.force_login(officer)
    export = client.get("/admin/creators_entry/", {"export": "csv"})
    text = b"".join(export.streaming_content).decode()
    assert "'=HYPERLINK(1)" in text


def test_an_officer_records_a_withdrawal_on_written_request(client, officer, make_profile):
    from creators.choices import PUBLISH_NAME

    creator, page = make_profile(PUBLISH_NAME, name="書面 撤回子")
    assert "書面 撤回子" in client.get(page.url).content.decode()
    client.force_login(officer)
    form = client.get(f"/admin/creators/record-consent/{creator.pk}/")
    assert form.status_code == 200
    response = client.post(
        f"/admin/creators/record-consent/{creator.pk}/",
        {"what": "publish_name", "given": "0", "language": "ja", "note": "書簡 2026-11-25 受付"},
    )
    assert response.status_code == 302
    record = Consent.objects.filter(creator=creator).latest("at", "pk")
    assert (record.how, record.given, record.recorded_by) == ("admin", False, officer)
    assert len(record.wording_sha256) == 64
    client.logout()
    assert "書面 撤回子" not in client.get(page.url).content.decode()


def test_editors_cannot_record_consents(client, editor):
    creator = CreatorFactory()
    client.force_login(editor)
    response = client.post(
        f"/admin/creators/record-consent/{creator.pk}/",
        {"what": "publish_name", "given": "1", "language": "ja"},
    )
    assert response.status_code in (302, 403)
    assert Consent.objects.count() == 0


def test_a_page_title_with_the_creators_published_name_or_contact_details_is_refused(
    make_profile,
):
    from django.core.exceptions import ValidationError

    from creators.choices import PUBLISH_NAME

    creator, page = make_profile(PUBLISH_NAME, name="表題 禁止子", phone="03-1111-2222")
    page = CreatorPage.objects.get(pk=page.pk)
    published = page.published.name
    assert published
    for field, value in [
        ("title", f"{published}の紹介"),
        ("seo_title", published),
        ("search_description", f"連絡先 {creator.email}"),
        ("search_description", "お電話は 03-1111-2222 まで"),
    ]:
        setattr(page, field, value)
        with pytest.raises(ValidationError):
            page.full_clean()
        page = CreatorPage.objects.get(pk=page.pk)


def answer_to(page, field, value):
    from django.core.exceptions import ValidationError

    page = CreatorPage.objects.get(pk=page.pk)
    setattr(page, field, value)
    try:
        page.full_clean()
    except ValidationError as error:
        return sorted(error.message_dict.get(field, []))
    return []


def test_an_editor_cannot_probe_a_creators_private_details_through_the_form(make_profile):
    """The form answers a right guess at a private name, email or phone exactly as a wrong one:
    contact details are refused by their shape, whoever's they are; a name only as published."""
    creator, page = make_profile(name="秘密 探子", email="hidden@example.com", phone="03-9999-0001")
    for right, wrong in [
        ("秘密 探子の紹介", "公開 別人の紹介"),
        ("hidden@example.com", "nobody@example.org"),
        ("03-9999-0001", "03-1234-5678"),
        ("探子", "花子"),
    ]:
        for field in ("title", "seo_title", "search_description"):
            assert answer_to(page, field, right) == answer_to(page, field, wrong), (field, right)


def test_officers_see_and_correct_creators(client, officer, make_profile):
    creator, _page = make_profile(name="訂正 前子", phone="03-5555-0000")
    client.force_login(officer)
    listing = client.get("/admin/creators_creator/").content.decode()
    assert "訂正 前子" in listing and f"/admin/creators/record-consent/{creator.pk}/" in listing
    assert (
        "03-5555-0000"
        in client.get(f"/admin/creators_creator/inspect/{creator.pk}/").content.decode()
    )
    edit = client.get(f"/admin/creators_creator/edit/{creator.pk}/")
    assert edit.status_code == 200
    export = client.get("/admin/creators_creator/", {"export": "csv"})
    assert "訂正 前子" in b"".join(export.streaming_content).decode()
    entries = client.get("/admin/creators_entry/").content.decode()
    assert "/admin/creators_entry/retry/" in entries


@pytest.mark.parametrize(
    "next_url, expected",
    [
        ("https://evil.example/phish", "/admin/creators_entry/"),
        ("//evil.example/phish", "/admin/creators_entry/"),
        ("/\\evil.example/phish", "/admin/creators_entry/"),
        ("javascript:alert(1)", "/admin/creators_entry/"),
        ("/admin/creators_entry/?q=1", "/admin/creators_entry/?q=1"),
    ],
)
def test_retry_emails_returns_only_to_a_path_on_this_site(client, officer, next_url, expected):
    client.force_login(officer)
    response = client.post("/admin/creators_entry/retry/", {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == expected
