import pytest
import time_machine
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from home.models import HomePage
from home.translations import pages_with_stale_translations

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated_page(site):
    page = HomePage(title="作品紹介", slug="about", hero_title="作品紹介")
    site["ja"].add_child(instance=page)
    page.save_revision().publish()
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    translation.save_target(publish=True)
    return page, source


def test_translation_in_step_with_its_source_is_not_listed(translated_page, admin_client):
    assert pages_with_stale_translations() == []
    assert 'id="stale-translations-section"' not in admin_client.get("/admin/").content.decode()


def test_republished_source_is_listed_until_synced(translated_page, admin_client):
    page, source = translated_page
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=5)):
        page.hero_title = "作品紹介（更新）"
        page.save_revision().publish()
    assert [p.pk for p in pages_with_stale_translations()] == [page.pk]
    dashboard = admin_client.get("/admin/").content.decode()
    assert 'id="stale-translations-section"' in dashboard
    assert f"/admin/pages/{page.pk}/edit/" in dashboard
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=10)):
        source.update_from_db()
    assert pages_with_stale_translations() == []
    assert 'id="stale-translations-section"' not in admin_client.get("/admin/").content.decode()


def test_the_panel_names_the_menu_item_as_the_page_shows_it(translated_page, admin_client):
    """The panel tells editors to choose 「翻訳済みページを同期」: that is what the page's actions
    menu says (wagtail-localize's catalogue lacks it; ours supplies it)."""
    page, source = translated_page
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=5)):
        page.hero_title = "作品紹介（更新）"
        page.save_revision().publish()
    dashboard = admin_client.get("/admin/").content.decode()
    editor = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "「翻訳済みページを同期」" in dashboard
    assert "翻訳済みページを同期" in editor
    assert "Sync translated pages" not in editor
