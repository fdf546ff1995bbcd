"""Recording a PolicyVersion at the moment a policy revision goes live.

`record_version` listens to Wagtail's `page_published` signal, which Wagtail sends from inside
`PublishPageRevisionAction` after the page row is saved; `PolicyPage.publish` wraps that whole
action in one transaction, so the page going live and its version are committed together or not
at all.
"""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from policy.blocks import article_lines, numbered_sections
from policy.versions import PolicyVersion


def record_version(sender, instance, revision, **kwargs):
    """Create the next PolicyVersion for the locale of `instance`, if it just went live."""
    page = instance
    if not (page.live and page.live_revision_id == revision.pk):
        return None  # scheduled for later: nothing a visitor sees has changed
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("A policy version must be recorded inside the publish transaction.")
    # One writer per locale at a time: the locale row is the lock, the unique constraint the
    # backstop, so two concurrent publishes cannot both take the same number.
    locale = Locale.objects.select_for_update().get(pk=page.locale_id)
    latest = PolicyVersion.objects.filter(locale=locale).order_by("-number").first()
    if latest and latest.revision_id == revision.pk:
        return latest  # the same revision published twice (scheduler and a request racing)
    return PolicyVersion.objects.create(
        page=page,
        locale=locale,
        number=latest.number + 1 if latest else 1,
        revision=revision,
        effective_at=page.last_published_at,
        title=page.title,
        summary_of_changes=page.summary_of_changes,
        body_json=page.body.get_prep_value(),
        body_html=render_body(page.body, locale.language_code),
        body_text=plain_text(page.body),
        translates=translated_version(page),
    )


def render_body(body, language_code):
    with translation.override(language_code):
        return render_to_string(
            "policy/includes/policy-text.html", {"sections": numbered_sections(body)}
        ).strip()


def plain_text(body):
    lines = []
    for number, block in numbered_sections(body):
        if number is None:
            lines.append(str(block.value))
        else:
            lines.append(f"{number}. {block.value['title']}")
            lines.extend(article_lines(block.value))
        lines.append("")
    return "\n".join(lines).strip()


def source_language_code():
    return settings.LANGUAGE_CODE


def translated_version(page):
    """The authoritative version a translation was made from, or None for the source itself.

    When wagtail-localize holds a translation source for the Japanese page, the translation
    reflects the Japanese text as it stood at the source's last sync; otherwise it is taken to
    translate the Japanese version in force when the translation is published.
    """
    if page.locale.language_code == source_language_code():
        return None
    versions = PolicyVersion.objects.for_language(source_language_code())
    synced_at = last_synced_at(page)
    if synced_at is not None:
        versions = versions.filter(effective_at__lte=synced_at)
    return versions.order_by("-number").first()


def last_synced_at(page):
    source = (
        TranslationSource.objects.filter(
            object_id=page.translation_key, locale__language_code=source_language_code()
        )
        .order_by("-last_updated_at")
        .first()
    )
    return source.last_updated_at if source else None
