"""Fixtures for the creators tests: pages in both languages, creators with chosen consents."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from creators.choices import HOW_ENTRY_FORM
from creators.consent import consent_wording, wording_hash
from creators.models import Consent, Creator
from policy.models import PolicyPage
from tests.creators.factories import (
    CreatorFactory,
    CreatorPageFactory,
    CreatorsIndexPageFactory,
    EntryFormPageFactory,
)
from tests.policy.factories import PolicyPageFactory, legal_approver


def publish(page, **fields):
    page = type(page).objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    revision = page.save_revision()
    revision.publish(user=legal_approver() if isinstance(page, PolicyPage) else None)
    return type(page).objects.get(pk=page.pk)


def give(creator, *whats, given=True):
    """Record consents as the entry form would (evidence fields filled in), and commit them:
    what caches depend on changes only after the commit (creators.cache)."""
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        for what in whats:
            record(creator, what, given)


def record(creator, what, given):
    Consent.objects.create(
        creator=creator,
        what=what,
        given=given,
        at=timezone.now(),
        how=HOW_ENTRY_FORM,
        language="ja",
        wording_sha256=wording_hash(consent_wording(what, "ja")),
    )


@pytest.fixture
def policy_version_ja(home_ja):
    """Version 1 of the Japanese privacy policy, posted now."""
    from policy.versions import version_in_force

    page = PolicyPageFactory(parent=home_ja, locale=home_ja.locale)
    publish(page)
    version = version_in_force("ja")
    assert version is not None
    return version


@pytest.fixture
def policy_page_ja(policy_version_ja):
    return PolicyPage.objects.get(pk=policy_version_ja.page_id)


@pytest.fixture
def entry_page_ja(home_ja):
    page = EntryFormPageFactory(parent=home_ja, locale=home_ja.locale)
    return page


@pytest.fixture
def entry_page_en(entry_page_ja, home_en):
    page = entry_page_ja.copy_for_translation(home_en.locale)
    page.title = "Creator entry"
    page.save_revision().publish()
    return page


@pytest.fixture
def creators_index_ja(home_ja):
    return CreatorsIndexPageFactory(parent=home_ja, locale=home_ja.locale)


@pytest.fixture
def make_profile(creators_index_ja):
    """A live creator page for a new creator with the given publishing consents."""

    def make(*consents, **creator_fields):
        creator = CreatorFactory(**creator_fields)
        give(creator, *consents)
        page = CreatorPageFactory(
            parent=creators_index_ja, locale=creators_index_ja.locale, creator=creator
        )
        return Creator.objects.get(pk=creator.pk), page

    return make


def user_in(django_user_model, username, group):
    user = django_user_model.objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def officer(django_user_model):
    return user_in(django_user_model, "officer", "Privacy officers")


@pytest.fixture
def editor(django_user_model):
    return user_in(django_user_model, "editor", "Editors")


@pytest.fixture
def translator(django_user_model):
    return user_in(django_user_model, "translator", "Translators")
