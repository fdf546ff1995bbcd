"""Japanese titles give readable ASCII slugs, in the editor's form and when a page is saved in
code; a translation keeps its source's slug."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.slugs import romanised_slug
from tests.works.factories import WorkPageFactory
from works.models import WorkPage


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("渋谷、午前零時", "shibuya-gozen-reiji"),
        ("AIと映画の手ざわり", "ai-to-eiga-no-te-zawari"),  # not just "ai"
        ("ＡＩ短編「夜明け」", "ai-tanpen-yoake"),  # full-width letters and brackets
        ("Neon Lullaby", "neon-lullaby"),
        ("！？", ""),
    ],
)
def test_a_title_becomes_a_readable_ascii_slug(title, slug):
    assert romanised_slug(title) == slug


def test_a_long_title_is_cut_at_a_word(db):
    slug = romanised_slug("東京の夜の街を歩く人々の物語" * 5)
    assert len(slug) <= 80 and not slug.endswith("-")


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", "editor@example.com", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def new_work(title, slug=""):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "夜の渋谷を歩く短編。",
            "release_date": "2026-04-01",
            "body": streamfield([]),
            "credits": inline_formset([]),
        }
    )


def test_the_editor_saves_a_japanese_only_title_without_typing_a_slug(client, editor, works_index):
    client.force_login(editor)
    add = reverse("wagtailadmin_pages:add", args=["works", "workpage", works_index.pk])

    first = client.post(add, new_work("渋谷、午前零時"))
    second = client.post(add, new_work("渋谷、午前零時"))

    assert first.status_code == 302, first.context["form"].errors
    assert second.status_code == 302, second.context["form"].errors
    slugs = sorted(WorkPage.objects.filter(title="渋谷、午前零時").values_list("slug", flat=True))
    assert slugs == ["shibuya-gozen-reiji", "shibuya-gozen-reiji-2"]


def test_a_slug_the_editor_typed_is_kept(client, editor, works_index):
    client.force_login(editor)
    add = reverse("wagtailadmin_pages:add", args=["works", "workpage", works_index.pk])
    assert client.post(add, new_work("渋谷、午前零時", "midnight")).status_code == 302
    assert WorkPage.objects.get(title="渋谷、午前零時").slug == "midnight"


def test_a_title_with_nothing_to_romanise_asks_for_a_slug(client, editor, works_index):
    client.force_login(editor)
    add = reverse("wagtailadmin_pages:add", args=["works", "workpage", works_index.pk])
    response = client.post(add, new_work("！？"))
    assert response.status_code == 200
    assert response.context["form"].errors["slug"]


def test_a_page_saved_in_code_gets_the_romanised_slug(works_index):
    page = WorkPageFactory.build(title="光の街の記憶", slug="", locale=works_index.locale)
    works_index.add_child(instance=page)
    assert page.slug == "hikari-no-machi-no-kioku"


def test_the_romanising_endpoint_serves_the_editor(client, editor):
    client.force_login(editor)
    response = client.get(reverse("romanised_slug"), {"title": "紙飛行機の約束"})
    assert response.json() == {"slug": "kamihikouki-no-yakusoku"}
    client.logout()
    assert client.get(reverse("romanised_slug"), {"title": "紙飛行機"}).status_code == 302
