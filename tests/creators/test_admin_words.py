"""The officer reads creators and entries in words: checkboxes, not JSON; consents in force."""

import re

import pytest

from creators.choices import POLICY, PUBLISH_ACHIEVEMENTS, PUBLISH_NAME
from creators.models import Creator, Entry

from .conftest import give

pytestmark = pytest.mark.django_db

RAW = re.compile(r">\s*(True|False|None|\{\}|\[\])\s*<|\[&#x27;|\[&quot;|\{&quot;")


def test_expertise_and_ai_tools_are_edited_as_checkboxes_and_saved_as_lists(
    client, officer, make_profile
):
    creator, _page = make_profile(name="確認 一子")
    client.force_login(officer)
    edit = client.get(f"/admin/creators_creator/edit/{creator.pk}/").content.decode()
    assert 'type="checkbox" name="expertise" value="direction"' in edit
    assert 'name="expertise" value="direction"' in edit and "checked" in edit
    assert '["direction", "vfx"]' not in edit and "[&quot;direction" not in edit


def test_a_creators_record_shows_the_consents_in_force_in_words(client, officer, make_profile):
    creator, _page = make_profile(name="同意 表示")
    give(creator, POLICY, PUBLISH_NAME)
    give(creator, PUBLISH_NAME, given=False)  # withdrawn later: the latest record counts
    client.force_login(officer)
    html = client.get(f"/admin/creators_creator/inspect/{creator.pk}/").content.decode()
    assert "有効な同意" in html and "Consents in force" not in html  # the officer's Japanese admin
    section = html[html.index("有効な同意") :]
    assert "氏名または活動名の掲載: 撤回" in section
    assert "プライバシーポリシーへの同意: 同意" in section
    assert PUBLISH_ACHIEVEMENTS not in html
    assert not RAW.search(html), RAW.search(html)
    assert "+00:00" not in html and "UTC" not in html
    assert Creator.objects.get(pk=creator.pk).expertise == ["direction", "vfx"]


def test_labels_keep_their_capitals_in_the_answer_and_the_edit_form(client, officer, make_profile):
    """ "URL" and "AI" stay capitals: the person's answer and the officer's form are in words."""
    from django.utils import translation

    from creators.personal_data import describe_for_email

    creator, _page = make_profile(name="表記 確認", email="label.check@example.com")
    for language, portfolio, tools in (
        ("ja", "ポートフォリオURL", "使用できるAIツール"),
        ("en", "Portfolio URL", "Available AI tools"),
    ):
        with translation.override(language):
            sections = describe_for_email(creator.email)
        labels = {
            label for section in sections for record in section.records for _k, label, _v in record
        }
        assert {portfolio, tools} <= labels, labels
    client.force_login(officer)
    edit = client.get(f"/admin/creators_creator/edit/{creator.pk}/").content.decode()
    assert "使用できるAIツール" in edit and "使用できるaiツール" not in edit


def test_the_officers_spreadsheet_export_is_in_words_and_japan_time(
    client, officer, entry_page_ja, policy_version_ja
):
    """The entries export: headings as labels, moments in Japan time, codes and Yes/No in words."""
    import csv
    import datetime
    import io

    import openpyxl

    from tests.creators.test_entry_form import entry_data

    moment = datetime.datetime(2026, 12, 1, 15, 30, tzinfo=datetime.UTC)  # 2 Dec 00:30 in Tokyo
    client.post("/ja/entry/", entry_data(policy_version_ja))
    assert Entry.objects.update(submitted_at=moment) == 1
    client.force_login(officer)

    export = client.get("/admin/creators_entry/", {"export": "csv"})
    heading, row = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    cells = dict(zip(heading, row, strict=True))
    assert "submitted_at" not in heading and "portfolio_url" not in heading, heading
    assert "ポートフォリオURL" in heading
    assert "2026年12月2日0:30 JST" in row, row
    assert not any("+00:00" in cell or "15:30" in cell for cell in row), row
    assert cells["専門分野"] == "監督・演出, AIによる画像・映像生成"
    assert cells["言語"] == "日本語"
    assert not {"True", "False", "None", "ja", "direction"} & set(row), row

    xlsx = client.get("/admin/creators_entry/", {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    heading, row = list(sheet.iter_rows(values_only=True))
    cells = dict(zip(heading, row, strict=True))
    assert "submitted_at" not in heading
    column, submitted = next(
        (column, value) for column, value in cells.items() if isinstance(value, datetime.datetime)
    )
    assert submitted.replace(microsecond=0) == datetime.datetime(2026, 12, 2, 0, 30)
    assert column.endswith("（日本時間）"), column  # a spreadsheet's time has no zone of its own
    assert not any(isinstance(value, bool) for value in row), row
    assert not {"True", "False", "ja"} & set(row), row
    assert cells["言語"] == "日本語"


def test_the_officers_lists_of_creators_and_entries_are_in_words(
    client, officer, make_profile, entry_page_ja, policy_version_ja
):
    from tests.creators.test_entry_form import entry_data

    make_profile(name="一覧 確認")
    client.post("/ja/entry/", entry_data(policy_version_ja))
    client.force_login(officer)
    for url in ("/admin/creators_creator/", "/admin/creators_entry/"):
        html = client.get(url).content.decode()
        listing = html[html.index("<table") :]
        assert not RAW.search(listing), (url, RAW.search(listing))
        assert "+00:00" not in listing and "UTC" not in listing
        assert not re.search(r">\s*(ja|en)\s*<", listing), url
