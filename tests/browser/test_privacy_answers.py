"""The answer reaches the person. In Japanese and English: a disclosure asked for on the form,
confirmed from the email, the fee recorded and the answer released by the officer, and the person's
own download opened in the browser (a letter with their records, or a letter saying there are
none); a written disclosure printed by the officer; each newer kind of request answered with its
own action; and the officer's screens read for raw values and UTC."""

import json
import re
import zipfile

import pytest
from django.core import mail

from tests.browser.checks import assert_usable
from tests.browser.conftest import log_in
from tests.browser.test_privacy_requests import OFFICER, confirm_from_the_email, staff_user

pytestmark = pytest.mark.browser

TEXT = {
    "ja": {
        "disclosure": "保有個人データの開示（第5条）",
        "electronic": "電磁的方法（メールでダウンロード用リンク）",
        "post": "書面（郵送）",
        "name": "お名前",
        "email": "メールアドレス",
        "details": "詳細",
        "send": "請求を送信する",
        "download": "回答をダウンロード（ZIP）",
        "letter": "個人情報に関するご請求 #{number} へのご回答",
        "no_data": "あなたに関する個人データを保有していません",
        "used": "このリンクはすでに使用されています",
        "purpose_notice": "利用目的の通知",
        "stop_provision": "第三者への提供の停止",
        "provision_records": "第三者提供記録の開示",
    },
    "en": {
        "disclosure": "Disclosure of my personal data (Article 5)",
        "electronic": "Electronically (a download link by email)",
        "post": "In writing (by post)",
        "name": "Name",
        "email": "Email",
        "details": "Details",
        "send": "Send request",
        "download": "Download my answer (ZIP)",
        "letter": "Answer to your privacy request #{number}",
        "no_data": "We hold no personal data about you",
        "used": "This link has already been used",
        "purpose_notice": "Notice of the purposes of use",
        "stop_provision": "Stop providing my data to third parties",
        "provision_records": "Disclosure of the records of provision to third parties",
    },
}
RAW = re.compile(r">\s*(True|False|None|\{\}|\[\])\s*<|\{'|\{&#x27;|\+00:00|\bUTC\b")


def ask(page, language, kind_label, name, address, delivery=None):
    text = TEXT[language]
    page.goto(f"/{language}/privacy-requests/")
    page.get_by_label(kind_label, exact=True).check()
    if delivery:
        page.get_by_label(text[delivery], exact=True).check()
    page.get_by_role("textbox", name=re.compile("^" + text["name"])).fill(name)
    page.get_by_role("textbox", name=re.compile("^" + text["email"])).fill(address)
    page.get_by_role("textbox", name=re.compile("^" + text["details"])).fill("Please answer.")
    page.get_by_role("button", name=text["send"]).click()
    page.wait_for_url(f"**/{language}/privacy-requests/sent/")


def officer_desk(open_page, privacy_request):
    staff_user(OFFICER, "Privacy officers")
    desk = open_page("en")
    log_in(desk, *OFFICER)
    desk.goto(f"/admin/privacy-requests/inspect/{privacy_request.pk}/")
    return desk


def assert_reads_well(page):
    html = page.locator("main").inner_html()
    found = RAW.search(html)
    assert not found, html[max(found.start() - 200, 0) : found.end() + 200]


def press(desk, name):
    desk.get_by_role("button", name=name).click()
    desk.wait_for_load_state()
    assert_reads_well(desk)


def answer_link(address):
    links = [
        link
        for message in mail.outbox
        if address in message.to
        for link in re.findall(r"https?://\S+/answer/[A-Za-z0-9_-]+/", message.body)
    ]
    assert links, f"no answer link emailed to {address}"
    return links[-1]


@pytest.mark.parametrize(
    "language,address,has_data",
    [("ja", "kenji.demo@example.com", True), ("en", "browser-nodata@example.com", False)],
)
def test_a_disclosure_by_download_from_the_request_to_the_persons_opened_file(
    open_page, tmp_path, language, address, has_data
):
    from privacy_requests.models import PrivacyRequest

    text = TEXT[language]
    person = open_page(language)
    ask(person, language, text["disclosure"], "佐藤 健司", address, delivery="electronic")
    confirm_from_the_email(person, language, address)
    privacy_request = PrivacyRequest.objects.for_email(address).first()
    assert privacy_request.delivery == "electronic"

    desk = officer_desk(open_page, privacy_request)
    assert "Electronically (a download link by email)" in desk.content()
    assert "On hold until the fee is settled" in desk.content()
    assert_reads_well(desk)
    press(desk, "Record fee as paid")
    assert "Fee recorded as paid; the answer is due by" in desk.content()
    assert "Status: Waiting for fee → In progress" in desk.content()
    press(desk, "Release the answer: email the download link")

    link = answer_link(address)
    person.goto(link)
    assert_usable(person)
    with person.expect_download() as info:
        person.get_by_role("button", name=text["download"]).click()
    archive_path = tmp_path / "answer.zip"
    info.value.save_as(archive_path)
    with zipfile.ZipFile(archive_path) as archive:
        archive.extractall(tmp_path)
    person.goto((tmp_path / "answer.html").as_uri())
    letter = person.locator("body").inner_text()
    assert person.locator("html").get_attribute("lang") == language
    assert text["letter"].format(number=privacy_request.pk) in letter
    assert "JST" in letter and "UTC" not in letter
    data = json.loads((tmp_path / "answer.json").read_text())
    if has_data:
        assert "kenji.demo@example.com" in letter and "090-0000-0000" in letter
        from creators.models import Consent

        consent = Consent.objects.filter(entry__email=address).order_by("pk").first()
        assert consent.wording and consent.wording in letter  # the exact sentence they saw
        assert any(section["key"] == "consents" for section in data["records"])
    else:
        assert text["no_data"] in letter
        assert data["records"] == []
    for raw in ("True", "False", "None", "publish_name", "email_digest"):
        assert raw not in letter

    person.goto(link)
    assert person.get_by_role("heading", level=1).inner_text().strip() == text["used"]


def test_a_written_disclosure_is_printed_and_recorded_as_posted(open_page):
    from privacy_requests.models import PrivacyRequest

    address = "browser-written@example.com"
    person = open_page("ja")
    ask(person, "ja", TEXT["ja"]["disclosure"], "書面 太郎", address, delivery="post")
    confirm_from_the_email(person, "ja", address)
    privacy_request = PrivacyRequest.objects.for_email(address).first()

    desk = officer_desk(open_page, privacy_request)
    assert "In writing (by post)" in desk.content()
    press(desk, "Waive the fee")
    assert (
        desk.get_by_role("button", name="Release the answer: email the download link").count() == 0
    )
    with desk.context.expect_page() as popup:
        desk.get_by_role("link", name="Open the written answer to print").click()
    printable = popup.value
    printable.wait_for_load_state()
    assert "書面 太郎" in printable.content()
    printable.emulate_media(media="print")
    assert not printable.get_by_role("button", name="この回答を印刷").is_visible()
    printable.emulate_media(media="screen")
    assert printable.get_by_role("button", name="この回答を印刷").is_visible()
    press(desk, "Record the written answer as posted")
    privacy_request.refresh_from_db()
    assert privacy_request.status == PrivacyRequest.Status.DONE
    assert any("書面のご回答を郵送しました" in m.body for m in mail.outbox if address in m.to)


KINDS = [
    ("purpose_notice", "ja", "Email the purposes of use to the requester", "利用目的"),
    ("stop_provision", "en", "Stop providing this person's data to third parties", "stopped"),
    ("provision_records", "ja", "Release the answer: email the download link", "ダウンロード"),
]


@pytest.mark.parametrize("kind,language,button,told", KINDS, ids=[k[0] for k in KINDS])
def test_each_newer_kind_is_answered_with_its_own_action(open_page, kind, language, button, told):
    from privacy_requests.models import PrivacyRequest

    address = f"browser-{kind}@example.com"
    person = open_page(language)
    ask(person, language, TEXT[language][kind], "Kind Person", address)
    confirm_from_the_email(person, language, address)
    privacy_request = PrivacyRequest.objects.for_email(address).first()
    assert privacy_request.kind == kind

    desk = officer_desk(open_page, privacy_request)
    assert desk.get_by_role("button", name="Delete this person's data").count() == 0
    if privacy_request.needs_fee:
        press(desk, "Record fee as paid")
    press(desk, button)
    privacy_request.refresh_from_db()
    assert privacy_request.status == PrivacyRequest.Status.DONE
    assert any(told in m.body for m in mail.outbox if address in m.to)
    # A closed request offers nothing.
    assert desk.locator(".privacy-request-actions").count() == 0


def test_the_officers_screens_show_no_raw_values_and_no_utc(open_page):
    from creators.models import Creator

    staff_user(OFFICER, "Privacy officers")
    desk = open_page("en")
    log_in(desk, *OFFICER)
    desk.goto("/admin/privacy-requests/")
    assert_reads_well(desk)
    desk.goto("/admin/privacy-requests/?overdue=yes")
    assert_reads_well(desk)
    for listing in ("/admin/creators_creator/", "/admin/creators_entry/"):
        desk.goto(listing)
        assert_reads_well(desk)
    creator = Creator.objects.order_by("pk").first()
    desk.goto(f"/admin/creators_creator/inspect/{creator.pk}/")
    assert "Consents in force" in desk.content()
    assert_reads_well(desk)
    desk.goto(f"/admin/creators_creator/edit/{creator.pk}/")
    assert desk.locator('input[type="checkbox"][name="expertise"]').count() >= 5
    assert desk.locator('textarea[name="expertise"]').count() == 0
