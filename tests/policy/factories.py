import json

import factory
import wagtail_factories

from policy.models import PolicyPage
from policy.seed import with_ids


def policy_body(*articles, preamble="当社は、利用者の情報を以下のとおり取り扱います。"):
    """Stream data for a body: `articles` are (title, [paragraph, ...] or items list) pairs."""
    blocks = [{"type": "preamble", "value": preamble}] if preamble else []
    for title, content in articles:
        children = []
        for part in content:
            if isinstance(part, list):
                items = [{"text": text, "sub_items": []} for text in part]
                children.append({"type": "items", "value": items})
            else:
                children.append({"type": "paragraph", "value": part})
        blocks.append({"type": "article", "value": {"title": title, "content": children}})
    return json.dumps(with_ids(blocks), ensure_ascii=False)


DEFAULT_ARTICLES = (
    ("プライバシー情報", ["個人情報とは、生存する個人に関する情報をいいます。"]),
    ("お問い合わせ窓口", ["本ポリシーに関するお問い合わせは、下記の窓口までお願いいたします。"]),
)


class PolicyPageFactory(wagtail_factories.PageFactory):
    """A policy page saved as a draft (not live): publish it to post a version."""

    class Meta:
        model = PolicyPage

    title = "プライバシーポリシー"
    slug = "privacy-policy"
    live = False
    summary_of_changes = "初版"
    body = factory.LazyFunction(lambda: policy_body(*DEFAULT_ARTICLES))


def draft(page, **fields):
    """Save a draft revision of the policy page with `fields` changed; return the revision."""
    page = PolicyPage.objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    return page.save_revision()


def legal_approver():
    """A member of Legal approvers: the only kind of user who puts a policy revision in force."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from policy.permissions import LEGAL_APPROVERS

    user, created = get_user_model().objects.get_or_create(username="legal-approver")
    if created:
        user.groups.add(Group.objects.get_or_create(name=LEGAL_APPROVERS)[0])
    return user


def publish(page, user=None, **fields):
    """Save a revision with `fields` changed and publish it as `user` (default: a Legal
    approver); return the revision."""
    revision = draft(page, **fields)
    revision.publish(user=user or legal_approver())
    return revision


def translate_with_localize(page, locale, leave_out=0):
    """Translate policy `page` into `locale` with wagtail-localize, as a translator would: every
    segment but the last `leave_out` gets an English string; the translation is saved as a draft
    (it goes live only through Legal). Returns (translation, translated page)."""
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = list(StringSegment.objects.filter(source=source).order_by("order"))
    for segment in segments[: len(segments) - leave_out]:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": translated(segment)},
        )
    translation.save_target(publish=False)
    return translation, PolicyPage.objects.get(translation_key=page.translation_key, locale=locale)


def translated(segment):
    if segment.context.path == "slug":
        return segment.string.data  # the policy lives at the same address in every language
    return f"EN {segment.string.data}"
