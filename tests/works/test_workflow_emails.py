"""Wagtail's workflow emails reach Japanese staff in Japanese (issue 17): the Editors are told of
a submitted work, its author of the approval, with no English sentence on the way."""

import re

import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db


def english_words(mail):
    """Latin words left once the links and the people's user names are taken out."""
    text = re.sub(r"https?://\S+", "", f"{mail.subject}\n{mail.body}")
    text = re.sub(r"editor|author", "", text)
    return re.findall(r"[A-Za-z]{3,}", text)


def test_workflow_emails_read_in_japanese(
    django_user_model, make_work, works_index, mailoutbox, django_capture_on_commit_callbacks
):
    editor = django_user_model.objects.create_user("editor", "editor@example.com", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    author = django_user_model.objects.create_user("author", "author@example.com", "pw")
    work = make_work(title="渋谷、午前零時", slug="shibuya-midnight")
    work.save_revision(user=author)

    with django_capture_on_commit_callbacks(execute=True):
        state = work.get_workflow().start(work, author)
    (submitted,) = [mail for mail in mailoutbox if mail.to == [editor.email]]
    assert "渋谷、午前零時" in submitted.subject and "提出されました" in submitted.subject
    assert english_words(submitted) == []

    mailoutbox.clear()
    task_state = state.current_task_state
    with django_capture_on_commit_callbacks(execute=True):
        task_state.task.specific.on_action(task_state, editor, "approve")
    (approved,) = [mail for mail in mailoutbox if mail.to == [author.email]]
    assert "渋谷、午前零時" in approved.subject and "承認" in approved.subject
    assert english_words(approved) == []
