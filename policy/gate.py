"""The one gate every policy revision passes on its way live (Article 8).

Wagtail and wagtail-localize have many doors that publish a page: the editor's Publish button,
bulk publish, the workflow's approval, `publish_scheduled`, revert, copy with "publish copies",
wagtail-localize's "Sync translated pages → Publish immediately" and its editor's "Publish in
<language>". All of them end in `PolicyPage.publish` or in saving a page row as live, so the rule
lives there rather than in each view:

- a revision goes live only when a Legal approver (or the workflow's approval, which publishes
  as the approving Legal approver) publishes it, or when it was scheduled by such a publish;
- a translated revision goes live only when every segment of its text is translated.

wagtail-localize publishes in an `on_commit` callback without the user, so its two doors are
refused here: the translation is saved as a draft and goes through Legal approval like any other.
"""

import contextlib
import contextvars

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from policy.permissions import PolicyPublishRefused, is_legal_approver

# Revisions being published through the gate in this context (thread or task).
_authorised = contextvars.ContextVar("policy_publish_authorised", default=frozenset())


def refusal(page, revision, user):
    """Why `revision` of `page` may not go live now, or None when it may."""
    if user is not None and not is_legal_approver(user):
        return _(
            "Only a Legal approver can put a privacy policy revision in force. Submit it for "
            "Legal approval instead."
        )
    if user is None and revision.approved_go_live_at is None:
        return _(
            "This privacy policy revision has not been approved by Legal, so it was not "
            "published. Save it as a draft and submit it for Legal approval."
        )
    missing = untranslated_segments(page)
    if missing:
        return _(
            "The %(language)s privacy policy is not fully translated, so it was not published. "
            "Translate these segments first: %(segments)s"
        ) % {"language": page.locale.get_display_name(), "segments": "; ".join(missing)}
    return None


def check_publish(page, revision, user):
    message = refusal(page, revision, user)
    if message:
        raise PolicyPublishRefused(page, message)


@contextlib.contextmanager
def authorised(revision):
    """Let the page row be saved live with `revision` (inside PolicyPage.publish only)."""
    token = _authorised.set(_authorised.get() | {revision.pk})
    try:
        yield
    finally:
        _authorised.reset(token)


def check_going_live(page, update_fields=None):
    """Refuse saving `page` as live unless its live revision passed the gate.

    Every publish saves the page row live, so this is where a door that does not call
    `PolicyPage.publish` is caught: Wagtail's edit view running its publish action directly
    (our `before_publish_page` hook sends it through the gate first), copying with "publish
    copies", aliases, wagtail-localize keeping a new translation's live status.
    """
    if not page.live:
        return
    if update_fields is not None and not {"live", "live_revision"} & set(update_fields):
        return
    if page.pk is not None:
        stored = type(page).objects.filter(pk=page.pk).values("live", "live_revision_id").first()
        if stored and stored["live"] and stored["live_revision_id"] == page.live_revision_id:
            return  # already live with this revision: an ordinary save
    if page.live_revision_id is not None and page.live_revision_id in _authorised.get():
        return
    raise PolicyPublishRefused(
        page,
        _(
            "A privacy policy page goes live only by publishing a revision approved by Legal; "
            "copies and translations are created as drafts."
        ),
    )


def untranslated_segments(page):
    """Segments of the source text that wagtail-localize has no translation for in `page`'s
    language, named by field and source text; empty when the page is not a synced translation."""
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .exclude(source__locale_id=page.locale_id)
        .first()
    )
    if translation is None:
        return []
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=page.locale_id,
        has_error=False,
    )
    missing = (
        StringSegment.objects.filter(source_id=translation.source_id)
        .annotate(is_translated=Exists(translated))
        .filter(is_translated=False)
        .select_related("string", "context")
        .order_by("order")
    )
    return [segment_label(segment) for segment in missing]


def segment_label(segment):
    text = segment.string.data
    if len(text) > 40:
        text = text[:39] + "…"
    return f"{segment.context.path.split('.')[0]} “{text}”"
