"""The officer reads creators and entries in words: checkboxes, not JSON; consents in force."""

import re

import pytest

from creators.choices import POLICY, PUBLISH_ACHIEVEMENTS, PUBLISH_NAME
from creators.models import Creator

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
    assert "Consents in force" in html or "有効な同意" in html
    section = html[html.index("Consents in force") :] if "Consents in force" in html else html
    assert re.search(r"Publish name or stage name: withdrawn|氏名または活動名の掲載: 撤回", section)
    assert re.search(
        r"Agreement to the privacy policy: given|プライバシーポリシーへの同意: 同意", section
    )
    assert PUBLISH_ACHIEVEMENTS not in html
    assert not RAW.search(html), RAW.search(html)
    assert "+00:00" not in html and "UTC" not in html
    assert Creator.objects.get(pk=creator.pk).expertise == ["direction", "vfx"]
