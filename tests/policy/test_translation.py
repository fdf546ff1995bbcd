"""English is translated from Japanese with wagtail-localize and records which version it follows."""

from wagtail.models import WorkflowPage
from wagtail_localize.models import Translation, TranslationSource

from policy.models import PolicyPage, PolicyVersion
from tests.policy.factories import publish


def translate_with_localize(page, locale, capture):
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    sync(translation, capture)
    return source, translation


def sync(translation, capture):
    # wagtail-localize publishes the translated page once its transaction commits.
    with capture(execute=True):
        translation.save_target(publish=True)


def english_page():
    return PolicyPage.objects.get(locale__language_code="en")


def test_a_localize_translation_records_the_synced_japanese_version(
    policy_ja, home_en, client, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    source, translation = translate_with_localize(policy_ja, home_en.locale, capture)
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

    source.update_from_db()
    sync(translation, capture)
    latest = PolicyVersion.objects.for_language("en").order_by("-number").first()
    assert (latest.number, latest.translates.number) == (3, 2)
    assert "policy-notice--behind" not in client.get("/en/privacy-policy/").content.decode()
