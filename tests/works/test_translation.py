"""A work goes to English with wagtail-localize whatever its body holds, optional parts left empty
included (wagtail-localize 1.14 cannot extract an empty optional ImageBlock)."""

import importlib

import pytest
from django.core.exceptions import ValidationError
from wagtail_localize.models import Translation, TranslationSource

from tests.works.factories import (
    AIToolFactory,
    ImageFactory,
    WorkCategoryFactory,
    image_value,
    stream,
)
from works.models import WorkPage

pytestmark = pytest.mark.django_db

YOUTUBE_URL = "https://www.youtube.com/watch?v=M7lc1UVf-VE"


def every_block(poster):
    still = ImageFactory()
    return stream(
        ("text", "<p>絵コンテから本編まで。</p>"),
        ("image", {"image": image_value(still, "撮影現場"), "caption": ""}),
        ("gallery", {"heading": "", "images": [image_value(still, "場面写真")]}),
        ("video", {"video": YOUTUBE_URL, "title": "", "poster": poster and poster.pk}),
        ("quote", {"quote": "AIは道具、物語は人。", "attribution": ""}),
    )


@pytest.mark.parametrize("with_poster", [False, True], ids=["no video poster", "video poster"])
def test_a_work_with_every_block_translates_to_english(
    make_work, works_index_en, django_capture_on_commit_callbacks, client, with_poster
):
    poster = ImageFactory() if with_poster else None
    work = make_work(title="渋谷、午前零時", slug="shibuya-midnight", body=every_block(poster))

    source, _ = TranslationSource.get_or_create_from_instance(work)
    translation = Translation.objects.create(
        source=source, target_locale=works_index_en.locale, enabled=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    english = WorkPage.objects.get(
        locale=works_index_en.locale, translation_key=work.translation_key
    )
    video = next(block.value for block in english.body if block.block_type == "video")
    assert video["poster"] == poster
    assert client.get(english.url).status_code == 200


def test_the_migration_turns_old_poster_values_into_image_ids():
    migration = importlib.import_module("works.migrations.0003_video_poster_chooser")
    to_image_id = migration.PosterToImageId()
    assert to_image_id.apply({"image": 7, "alt_text": "", "decorative": False}) == 7
    assert to_image_id.apply(None) is None
    assert to_image_id.apply(7) == 7


@pytest.fixture
def short_film(locale_ja, locale_en):
    japanese = WorkCategoryFactory(slug="short-film", name="ショートフィルム", locale=locale_ja)
    english = japanese.copy_for_translation(locale_en)
    english.name = "Short film"
    english.save()
    return japanese, english


@pytest.fixture
def runway(locale_ja, locale_en):
    japanese = AIToolFactory(name="Runway（日本語版）", locale=locale_ja)
    english = japanese.copy_for_translation(locale_en)
    english.name = "Runway"
    english.save()
    return japanese, english


def translate(work, locale, capture):
    source, _ = TranslationSource.get_or_create_from_instance(work)
    translation = Translation.objects.create(source=source, target_locale=locale, enabled=True)
    with capture(execute=True):
        translation.save_target(publish=True)
    return WorkPage.objects.get(locale=locale, translation_key=work.translation_key)


def test_a_translated_work_shows_its_categories_and_tools_in_english(
    make_work,
    works_index_en,
    short_film,
    runway,
    client,
    django_capture_on_commit_callbacks,
):
    work = make_work(slug="night", categories=[short_film[0]], ai_tools=[runway[0]])
    english = translate(work, works_index_en.locale, django_capture_on_commit_callbacks)

    assert list(english.categories.all()) == [short_film[1]]
    assert list(english.ai_tools.all()) == [runway[1]]
    html = client.get(english.url).text
    assert "Short film" in html and "ショートフィルム" not in html
    assert "Runway" in html and "日本語版" not in html


def test_a_category_not_yet_translated_stays_rather_than_vanishing(
    make_work, works_index_en, locale_ja, django_capture_on_commit_callbacks
):
    only_japanese = WorkCategoryFactory(slug="mv", name="ミュージックビデオ", locale=locale_ja)
    work = make_work(slug="mv-work", categories=[only_japanese])
    english = translate(work, works_index_en.locale, django_capture_on_commit_callbacks)
    assert list(english.categories.all()) == [only_japanese]


def test_the_editor_is_offered_only_the_works_language(
    make_work, works_index_en, short_film, runway, admin_client
):
    english_work = make_work(parent=works_index_en, slug="night-en", title="Night")
    form = admin_client.get(f"/admin/pages/{english_work.pk}/edit/").context["form"]
    assert list(form.fields["categories"].queryset) == [short_film[1]]
    assert list(form.fields["ai_tools"].queryset) == [runway[1]]

    japanese_work = make_work(slug="night-ja")
    form = admin_client.get(f"/admin/pages/{japanese_work.pk}/edit/").context["form"]
    assert list(form.fields["categories"].queryset) == [short_film[0]]


def test_a_japanese_category_sent_for_an_english_work_is_refused(
    make_work, works_index_en, short_film, admin_client
):
    english_work = make_work(parent=works_index_en, slug="night-en", title="Night")
    categories = (
        admin_client.get(f"/admin/pages/{english_work.pk}/edit/")
        .context["form"]
        .fields["categories"]
    )
    assert list(categories.clean([short_film[1].pk])) == [short_film[1]]
    with pytest.raises(ValidationError):
        categories.clean([short_film[0].pk])


def test_the_editor_is_told_where_a_missing_translation_is_made(
    make_work, works_index_en, admin_client
):
    english_work = make_work(parent=works_index_en, slug="night-en", title="Night")
    html = admin_client.get(f"/admin/pages/{english_work.pk}/edit/").content.decode()
    # The admin speaks Japanese to this user (the site's default language).
    assert "先に「作品の分類とツール」で翻訳してください" in html
