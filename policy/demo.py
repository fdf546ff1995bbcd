"""Demo content: the policy as posted (version 1) and a small amendment (version 2) per language.

Japanese is published first (it is the authoritative text); the English translation follows each
Japanese version, so the English history records which Japanese version it translates.
"""

import json

from policy.models import POLICY_SLUG, PolicyPage
from policy.permissions import assign_legal_workflow
from policy.seed import policy_stream

FIRST_SUMMARY = {
    "ja": "本ポリシーを制定しました。",
    "en": "The policy as first posted on this website.",
}
AMENDMENT_SUMMARY = {
    "ja": "第8条に、各版が効力を生じた日時と過去の版を本ウェブサイトで公開する旨を追加しました。",
    "en": "Article 8: added that the moment each version took effect, and every earlier version, "
    "are published on this website.",
}
AMENDMENT_PARAGRAPH = {
    "ja": "本ポリシーの各版が効力を生じた日時および過去の各版は、本ウェブサイトにおいて公開します。",
    "en": "The date and time at which each version of this Policy took effect, and every earlier "
    "version, are published on this website.",
}
CHANGES_ARTICLE = 8


def amended_stream(stream_json, language_code):
    """Version 2: one paragraph added at the end of Article 8."""
    blocks = json.loads(stream_json)
    articles = [block for block in blocks if block["type"] == "article"]
    articles[CHANGES_ARTICLE - 1]["value"]["content"].append(
        {"type": "paragraph", "value": AMENDMENT_PARAGRAPH[language_code]}
    )
    return json.dumps(blocks, ensure_ascii=False)


def post(page, summary, body):
    page.summary_of_changes = summary
    page.body = body
    page.save_revision().publish()


def policy_page(home, source=None):
    """The policy page under `home`: created from `source` (a translation) or as a new page."""
    existing = PolicyPage.objects.child_of(home).first()
    if existing:
        return existing, False
    language_code = home.locale.language_code
    title, body = policy_stream(language_code)
    if source is None:
        page = PolicyPage(
            title=title, slug=POLICY_SLUG, summary_of_changes=FIRST_SUMMARY[language_code]
        )
        page.body = body
        home.add_child(instance=page)
    else:
        page = source.copy_for_translation(home.locale, copy_parents=False, alias=False)
        page.title = title
    post(page, FIRST_SUMMARY[language_code], body)
    return page, True


def amend(page):
    if page.versions.count() >= 2:
        return
    language_code = page.locale.language_code
    page = PolicyPage.objects.get(pk=page.pk)
    post(
        page,
        AMENDMENT_SUMMARY[language_code],
        amended_stream(policy_stream(language_code)[1], language_code),
    )


def load(homes, stdout, **options):
    japanese, _ = policy_page(homes["ja"])
    english, _ = policy_page(homes["en"], source=japanese)
    amend(japanese)
    amend(english)
    for page in (japanese, english):
        assign_legal_workflow(page)
    stdout.write("Privacy policy ready (ja, en: two versions each).")
