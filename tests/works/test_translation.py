"""A work goes to English with wagtail-localize whatever its body holds, optional parts left empty
included (wagtail-localize 1.14 cannot extract an empty optional ImageBlock)."""

import importlib

import pytest
from wagtail_localize.models import Translation, TranslationSource

from tests.works.factories import ImageFactory, image_value, stream
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
