import pytest
from django.contrib.auth.models import Group

from policy.models import PolicyPage
from policy.permissions import LEGAL_APPROVERS
from tests.policy.factories import PolicyPageFactory, policy_body, publish


@pytest.fixture
def policy_ja(home_ja):
    page = PolicyPageFactory(parent=home_ja, locale=home_ja.locale)
    publish(page)
    return PolicyPage.objects.get(pk=page.pk)


@pytest.fixture
def policy_en(policy_ja, home_en):
    page = policy_ja.copy_for_translation(home_en.locale)
    publish(
        page,
        title="Privacy Policy",
        summary_of_changes="First version",
        body=policy_body(
            (
                "Privacy Information",
                ["Personal information means information about a living person."],
            ),
            ("Inquiry Window", ["Please contact the window below."]),
            preamble="We handle information regarding our users as outlined below.",
        ),
    )
    return PolicyPage.objects.get(pk=page.pk)


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", "editor@example.com", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def legal_approver(django_user_model):
    user = django_user_model.objects.create_user("legal", "legal@example.com", "pw")
    user.groups.add(Group.objects.get(name=LEGAL_APPROVERS))
    return user


@pytest.fixture
def superuser(django_user_model):
    from wagtail.users.models import UserProfile

    user = django_user_model.objects.create_superuser("root", "root@example.com", "pw")
    # The admin speaks the user's language (Japanese by default); these tests read English.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user
