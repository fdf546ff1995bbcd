"""The personal-data audit trail (exports, erasures, consents, conversions) is seen by Privacy
officers and superusers only: Editors, who hold a permission on entries (convert), and
Translators see none of it in Reports → Site history, its filters or its export."""

import pytest
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from creators.models import Entry

pytestmark = pytest.mark.django_db
SITE_HISTORY = "/admin/reports/site-history/"


@pytest.fixture
def trail(staff):
    officer = staff("officer")
    entry = Entry.objects.create(
        name="監査 記録子", email="audit@example.com", portfolio_url="https://example.com/a"
    )
    log(entry, "creators.exported", user=officer)
    log(entry, "creators.declined", user=officer)
    return officer, entry


def label_of(entry):
    return ModelLogEntry.objects.filter(object_id=str(entry.pk)).first().label


@pytest.mark.parametrize("role", ["editor", "translator", "approver"])
def test_other_roles_see_no_personal_data_in_site_history(client, staff, trail, role):
    officer, creator = trail
    client.force_login(staff(role))
    for url in [SITE_HISTORY, f"{SITE_HISTORY}results/", f"{SITE_HISTORY}?export=csv"]:
        response = client.get(url)
        if response.status_code != 200:
            assert response.status_code in (302, 403), url
            continue
        body = (
            b"".join(response.streaming_content) if response.streaming else response.content
        ).decode()
        assert label_of(trail[1]) not in body, url
        assert "officer" not in body, url  # nor who handled personal data


@pytest.mark.parametrize("role", ["officer", "superuser"])
def test_the_privacy_role_sees_the_trail(client, staff, trail, role):
    client.force_login(staff(role) if role == "superuser" else trail[0])
    body = client.get(SITE_HISTORY).content.decode()
    assert label_of(trail[1]) in body


def test_the_rule_holds_where_every_admin_view_asks(staff, trail):
    """`viewable_by_user` is what the site history, its filters and exports all ask."""
    editor = staff("editor")
    assert editor.has_perm("creators.convert_entry")
    assert (
        not ModelLogEntry.objects.viewable_by_user(editor)
        .filter(object_id=str(trail[1].pk))
        .exists()
    )
    assert (
        ModelLogEntry.objects.viewable_by_user(trail[0]).filter(object_id=str(trail[1].pk)).count()
        == 2
    )
