"""Demo content: the policy as posted (version 1) in each language, and a small amendment to
the Japanese text submitted for Legal approval, not posted: a second version posted in the same
second as the first would read "in force from 02:07:21 until 02:07:21".

Japanese is published first (it is the authoritative text); the English translation follows it,
so the English history records which Japanese version it translates.
"""

import json
import uuid

from policy.models import PolicyPage
from policy.permissions import assign_legal_workflow
from policy.seed import parse_policy, read_policy
from policy.versions import POLICY_SLUG

from .policy_translation import translate

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


def amended_stream(blocks, language_code):
    """Version 2: one paragraph added at the end of Article 8 (other block ids kept)."""
    blocks = json.loads(json.dumps(blocks))
    articles = [block for block in blocks if block["type"] == "article"]
    articles[CHANGES_ARTICLE - 1]["value"]["content"].append(
        {"type": "paragraph", "value": AMENDMENT_PARAGRAPH[language_code], "id": str(uuid.uuid4())}
    )
    return blocks


def post(page, summary, body, publisher):
    page = PolicyPage.objects.get(pk=page.pk)
    page.summary_of_changes = summary
    page.body = json.dumps(body, ensure_ascii=False)
    page.save_revision(user=publisher).publish(user=publisher)
    return PolicyPage.objects.get(pk=page.pk)


def japanese_policy(home, publisher):
    """The Japanese policy with versions 1 and 2 (created once)."""
    page = PolicyPage.objects.child_of(home).first()
    title, body = parse_policy(read_policy("ja"))
    if page is None:
        page = PolicyPage(
            title=title, slug=POLICY_SLUG, summary_of_changes=FIRST_SUMMARY["ja"], live=False
        )
        page.body = json.dumps(body, ensure_ascii=False)
        home.add_child(instance=page)
        page = post(page, FIRST_SUMMARY["ja"], body, publisher)
    return page


def english_policy(home, japanese, summary, amended, publisher):
    """Translate the Japanese version now in force, with wagtail-localize."""
    title, body = parse_policy(read_policy("en"))
    if amended:
        body = amended_stream(body, "en")
    fields = {"title": title, "summary_of_changes": summary, "body": body}
    return translate(japanese, "en", fields, publisher)


def submit_amendment(page, submitter):
    """The Japanese amendment as a draft in the Legal approval workflow (once)."""
    page = PolicyPage.objects.get(pk=page.pk)
    if page.workflow_in_progress or page.versions.count() > 1:
        return
    page.summary_of_changes = AMENDMENT_SUMMARY["ja"]
    page.body = json.dumps(amended_stream(page.body.get_prep_value(), "ja"), ensure_ascii=False)
    page.save_revision(user=submitter)
    page.get_workflow().start(page, submitter)


def post_amendment(japanese, english, publisher):
    """Legal approves the amendment and the English translation follows (`--post-amendment`:
    `make audit` needs a version to compare with)."""
    state = PolicyPage.objects.get(pk=japanese.pk).current_workflow_state
    if state is not None:
        state.current_task_state.approve(user=publisher)
    if english.versions.count() < 2:
        japanese = PolicyPage.objects.get(pk=japanese.pk)
        english_policy(english.get_parent(), japanese, AMENDMENT_SUMMARY["en"], True, publisher)


def load(homes, stdout, publisher, amend=False):
    """`publisher`: the demo's superuser, who posts version 1 as a Legal approver would."""
    japanese = japanese_policy(homes["ja"], publisher)
    english = PolicyPage.objects.child_of(homes["en"]).first()
    if english is None:
        english = english_policy(
            homes["en"], japanese, FIRST_SUMMARY["en"], amended=False, publisher=publisher
        )
    for page in (japanese, english):
        assign_legal_workflow(page)
    submit_amendment(japanese, publisher)
    if amend:
        post_amendment(japanese, english, publisher)
    stdout.write("Privacy policy ready: version 1 (ja, en); an amendment awaits Legal approval.")
