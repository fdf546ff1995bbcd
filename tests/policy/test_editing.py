"""Editing the policy in the admin: the page's place in the tree and its summary of changes."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import HomePage
from policy.models import PolicyPage
from policy.versions import PolicyVersion
from tests.policy.factories import PolicyPageFactory


def form_data(summary, paragraph, title="プライバシーポリシー"):
    return nested_form_data(
        {
            "title": title,
            "slug": "privacy-policy",
            "summary_of_changes": summary,
            "body": streamfield(
                [
                    (
                        "article",
                        {
                            "title": "プライバシー情報",
                            "content": streamfield([("paragraph", paragraph)]),
                        },
                    )
                ]
            ),
            "action-publish": "publish",
        }
    )


def edit(client, page, data):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_policy_page_lives_under_a_home_page_once_per_locale(policy_ja, home_en):
    assert PolicyPage.can_create_at(home_en)
    assert not PolicyPage.can_create_at(policy_ja.get_parent().specific)  # already has one
    assert PolicyPage.allowed_parent_page_models() == [HomePage]
    assert PolicyPage.allowed_subpage_models() == []


def test_factory_builds_a_valid_draft(home_ja):
    page = PolicyPageFactory(parent=home_ja, locale=home_ja.locale)
    page.full_clean()
    assert not page.live and not PolicyVersion.objects.exists()


def test_the_slug_is_fixed(home_ja):
    page = PolicyPageFactory.build(slug="policy", locale=home_ja.locale)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "slug" in error.value.message_dict


def test_an_approver_publishes_from_the_edit_form(policy_ja, legal_approver, client):
    client.force_login(legal_approver)
    response = edit(client, policy_ja, form_data("第1条を簡潔にしました。", "新しい第1条の本文。"))
    assert response.status_code == 302, WagtailTestUtils.get_soup(response.content).select(
        ".error-message"
    )
    version = PolicyVersion.objects.get(number=2)
    assert version.summary_of_changes == "第1条を簡潔にしました。"
    assert "新しい第1条の本文。" in version.body_text


def test_a_new_text_needs_a_new_summary(policy_ja, legal_approver, client):
    client.force_login(legal_approver)
    response = edit(client, policy_ja, form_data("初版", "黙って変えた本文。"))
    assert response.status_code == 200
    assert response.context["form"].errors["summary_of_changes"]
    assert PolicyVersion.objects.count() == 1


def test_an_editor_posting_publish_only_saves_a_draft(policy_ja, editor, client):
    client.force_login(editor)
    edit(client, policy_ja, form_data("編集者の改定", "編集者の本文。"))
    assert PolicyVersion.objects.count() == 1
    assert "編集者の本文。" not in client.get("/ja/privacy-policy/").content.decode()
