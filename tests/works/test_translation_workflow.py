"""A translation goes live only when it is published through the page's workflow: "Translate
this page" leaves the English work offline, the translator submits it from wagtail-localize's
editor, an Editor approves it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import Translation

from home.workflows import EDITORIAL_TASK, EDITORIAL_WORKFLOW
from works.models import WorkPage

pytestmark = pytest.mark.django_db


def user_in(django_user_model, username, group):
    user = django_user_model.objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(django_user_model):
    return user_in(django_user_model, "editor", "Editors")


@pytest.fixture
def translator(django_user_model):
    return user_in(django_user_model, "translator", "Translators")


@pytest.fixture
def work(make_work, works_index):
    english_index = works_index.copy_for_translation(Locale.objects.get(language_code="en"))
    english_index.save_revision().publish()
    return make_work(title="渋谷、午前零時", slug="shibuya-midnight")


@pytest.fixture
def translate_this_page(client, django_capture_on_commit_callbacks):
    """wagtail-localize's "Translate this page" form, run to the end of its transaction (it
    publishes, when it does, on commit)."""

    def translate(user, work):
        client.force_login(user)
        english = Locale.objects.get(language_code="en")
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("wagtail_localize:submit_page_translation", args=[work.pk]),
                {"locales": [english.pk]},
            )
        assert response.status_code == 302
        return WorkPage.objects.get(translation_key=work.translation_key, locale=english)

    return translate


def test_translate_this_page_leaves_the_english_work_offline(
    client, editor, work, translate_this_page
):
    english = translate_this_page(editor, work)

    assert not english.live
    assert english.url == "/en/works/shibuya-midnight/"
    client.logout()
    assert client.get("/en/works/shibuya-midnight/").status_code == 404
    assert "渋谷、午前零時" not in client.get("/en/works/").content.decode()


def test_the_translator_submits_and_an_editor_approves(
    client, editor, translator, work, translate_this_page
):
    english = translate_this_page(translator, work)

    editor_screen = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    assert editor_screen.status_code == 200
    assert f"{EDITORIAL_WORKFLOW}に提出する" in editor_screen.content.decode()

    translation = Translation.objects.get(target_locale=english.locale)
    submit = reverse("submit_translation_to_workflow", args=[translation.pk])
    response = client.post(submit)
    assert response.status_code == 302

    english.refresh_from_db()
    state = english.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == EDITORIAL_TASK
    assert not english.live
    assert client.get("/en/works/shibuya-midnight/").status_code == 404
    # Submitted once: the button is gone until the workflow ends.
    editor_screen = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    assert f"{EDITORIAL_WORKFLOW}に提出する" not in editor_screen.content.decode()

    task_state = state.current_task_state
    assert not task_state.task.specific.user_can_access_editor(english, translator)
    task_state.task.specific.on_action(task_state, editor, "approve")

    english.refresh_from_db()
    assert english.live
    client.logout()
    assert client.get("/en/works/shibuya-midnight/").status_code == 200


def test_someone_who_may_not_edit_the_page_cannot_submit_it(
    client, django_user_model, translator, work, translate_this_page
):
    english = translate_this_page(translator, work)
    translation = Translation.objects.get(target_locale=english.locale)
    officer = user_in(django_user_model, "officer", "Privacy officers")
    client.force_login(officer)

    response = client.post(reverse("submit_translation_to_workflow", args=[translation.pk]))

    # Wagtail's admin answers a PermissionDenied with its dashboard and a message.
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    english.refresh_from_db()
    assert english.current_workflow_state is None


def test_works_go_through_the_editors_not_the_unstaffed_moderators(work):
    workflow = work.get_workflow()
    assert workflow.name == EDITORIAL_WORKFLOW
    (task,) = [t.specific for t in workflow.tasks]
    assert list(task.groups.values_list("name", flat=True)) == ["Editors"]


def test_the_editor_approves_the_submitted_translation_in_the_translation_editor(
    client, editor, translator, work, translate_this_page
):
    """The English page's edit URL opens wagtail-localize's translation editor, which has no
    workflow actions of its own: the reviewer finds the task's actions there and approving
    publishes through the workflow (not around it)."""
    english = translate_this_page(translator, work)
    translation = Translation.objects.get(target_locale=english.locale)
    client.post(reverse("submit_translation_to_workflow", args=[translation.pk]))
    english.refresh_from_db()
    task_state = english.current_workflow_state.current_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[english.pk, "approve", task_state.pk]
    )
    reject = reverse(
        "wagtailadmin_pages:workflow_action", args=[english.pk, "reject", task_state.pk]
    )

    # The translator who submitted it may not review it.
    translator_screen = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    assert approve not in translator_screen.content.decode()

    client.force_login(editor)
    screen = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).content.decode()
    assert 'class="translation-review"' in screen
    assert f'formaction="{approve}">承認と公開</button>' in screen
    assert f'formaction="{reject}">変更をリクエスト</button>' in screen
    assert f"この翻訳は{EDITORIAL_TASK}を待っています" in screen

    response = client.post(approve, {"comment": "良い訳です。"})
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.live
    assert WorkflowState.objects.get(pk=task_state.workflow_state_id).status == "approved"
    task_state.refresh_from_db()
    assert (task_state.status, task_state.comment) == ("approved", "良い訳です。")
    # Approved: nothing left to review.
    screen = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).content.decode()
    assert 'class="translation-review"' not in screen
