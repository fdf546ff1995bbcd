"""English is translated from Japanese with wagtail-localize and records which version it follows."""

from wagtail.models import WorkflowPage

from policy.models import PolicyPage
from policy.versions import PolicyVersion
from tests.policy.factories import legal_approver, publish, translate_with_localize


def sync(page, locale, capture):
    """Sync the translation (a draft: its own "publish" is refused, see test_doors), translate
    it, and have Legal post it."""
    with capture(execute=True):
        translation, english = translate_with_localize(page, locale)
    english.get_latest_revision().publish(user=legal_approver())
    return translation.source, translation


def english_page():
    return PolicyPage.objects.get(locale__language_code="en")


def test_a_localize_translation_records_the_synced_japanese_version(
    policy_ja, home_en, client, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    source, translation = sync(policy_ja, home_en.locale, capture)
    english = english_page()
    assert WorkflowPage.objects.get(page=english).workflow.name == "法務承認"
    first = PolicyVersion.objects.get(locale__language_code="en")
    assert first.translates.number == 1
    assert "policy-notice--behind" not in client.get("/en/privacy-policy/").content.decode()

    # Japanese moves on; until someone syncs, the English page says it is behind.
    publish(policy_ja, summary_of_changes="第2版")
    assert "policy-notice--behind" in client.get("/en/privacy-policy/").content.decode()
    # Publishing the English page again without syncing does not claim the new Japanese text.
    publish(english, summary_of_changes="Typo fixed")
    assert PolicyVersion.objects.get(locale__language_code="en", number=2).translates.number == 1

    sync(policy_ja, home_en.locale, capture)
    latest = PolicyVersion.objects.for_language("en").order_by("-number").first()
    assert (latest.number, latest.translates.number) == (3, 2)
    assert "policy-notice--behind" not in client.get("/en/privacy-policy/").content.decode()
