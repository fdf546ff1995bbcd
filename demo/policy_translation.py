"""Translating the policy with wagtail-localize from code (the demo loader), as an editor would.

Editors translate in wagtail-localize's editor; the demo needs the same result without a person:
the English text is given string by string to the Japanese page's translation source, and the
English page is then built by wagtail-localize itself, so "Sync translated pages" later works on it.
"""

import copy
import json

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from policy.models import PolicyPage


def align_ids(target, source):
    """Copy block ids from `source` stream data to `target`, position by position, so that the
    two texts (same structure, two languages) address the same segments."""
    if isinstance(target, list) and isinstance(source, list):
        for target_child, source_child in zip(target, source, strict=False):
            align_ids(target_child, source_child)
    elif isinstance(target, dict) and isinstance(source, dict):
        if "id" in source and "type" in target:
            target["id"] = source["id"]
        for key, value in target.items():
            if key != "id" and key in source:
                align_ids(value, source[key])
    return target


def english_strings(japanese, fields):
    """{segment path: English string data} for the Japanese page with `fields` in English."""
    english = copy.deepcopy(japanese)
    for name, value in fields.items():
        setattr(english, name, value)
    body = align_ids(english.body.get_prep_value(), japanese.body.get_prep_value())
    english.body = json.dumps(body, ensure_ascii=False)
    return {
        segment.path: segment.string.data
        for segment in extract_segments(english)
        if isinstance(segment, StringSegmentValue)
    }


def translate(japanese, language_code, fields, publisher):
    """Publish the `language_code` translation of `japanese` with `fields` translated.

    `fields`: title, summary_of_changes and body (stream data with the same structure as the
    Japanese body). `publisher`: a Legal approver. Returns the published translated page.
    """
    locale = Locale.objects.get(language_code=language_code)
    source, created = TranslationSource.get_or_create_from_instance(japanese)
    if not created:
        source.update_from_db()
    strings = english_strings(japanese, fields)
    for segment in source.stringsegment_set.select_related("string", "context"):
        data = strings.get(segment.context.path)
        if data is not None:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": data},
            )
    Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    page, _ = source.create_or_update_translation(locale, publish=False, fallback=True)
    # Published here rather than on commit, so versions are numbered in the order posted.
    page = PolicyPage.objects.get(pk=page.pk)
    page.get_latest_revision().publish(user=publisher)
    return page
