"""What editors see of credits in the admin: the creator chooser (people by the name staff
know, with their consent state, never their contact details, never the page tree) and, on the
work, which credits visitors do not see and why."""

import pytest

from creators.choices import PUBLISH_EXPERTISE, PUBLISH_NAME
from tests.creators.conftest import user_in
from tests.works.factories import WorkCreditFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    return user_in(django_user_model, "editor", "Editors")


@pytest.fixture
def people(make_creator_page):
    shown = make_creator_page(
        PUBLISH_NAME, name="森下 遥", email="haruka@example.com", phone="090-1111-2222"
    )
    silent = make_creator_page(
        PUBLISH_EXPERTISE, name="田中 一郎", email="ichiro@example.com", phone="090-3333-4444"
    )
    return shown, silent


def test_the_chooser_lists_people_by_name_with_their_consent_and_no_contact_details(
    client, editor, people
):
    shown, silent = people
    client.force_login(editor)
    response = client.get("/admin/creator_chooser/")
    assert response.status_code == 200
    html = json_html(response)
    assert "森下 遥" in html and "田中 一郎" in html
    assert "クレジットに名前を表示" in html  # shown's state
    assert "名前の公開に同意していません" in html  # silent's state
    for secret in ("haruka@example.com", "ichiro@example.com", "090-1111-2222", "090-3333"):
        assert secret not in html
    assert shown.title not in html and silent.title not in html  # internal labels
    assert "Root" not in html and "ルート" not in html


def test_the_chooser_searches_names_never_addresses(client, editor, people):
    client.force_login(editor)
    found = json_html(client.get("/admin/creator_chooser/results/", {"q": "森下"}))
    assert "森下 遥" in found and "田中 一郎" not in found
    by_email = json_html(client.get("/admin/creator_chooser/results/", {"q": "haruka@"}))
    assert "森下 遥" not in by_email


def json_html(response):
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


def test_the_work_editor_uses_the_creator_chooser_and_names_hidden_credits(
    client, editor, people, make_work
):
    shown, silent = people
    work = make_work(slug="credited")
    WorkCreditFactory(work=work, role="director", creator_page=shown)
    WorkCreditFactory(work=work, role="cinematography", creator_page=silent)
    work.save_revision().publish()
    client.force_login(editor)
    html = client.get(f"/admin/pages/{work.pk}/edit/").content.decode()
    assert "/admin/creator_chooser/" in html  # not Wagtail's page chooser at Root
    assert "訪問者に表示されていないクレジット" in html
    hidden = html.split("訪問者に表示されていないクレジット")[1][:3000]
    assert "撮影" in hidden and "田中 一郎" in hidden
    assert "名前の公開に同意していません" in hidden
    assert "森下 遥" not in hidden
    assert "ichiro@example.com" not in html
