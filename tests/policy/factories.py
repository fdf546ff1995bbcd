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


def publish(page, user=None, **fields):
    """Save a revision with `fields` changed and publish it; return the revision."""
    revision = draft(page, **fields)
    revision.publish(user=user)
    return revision
