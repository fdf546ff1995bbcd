"""Article 8 with the page cache on: a new policy version, published now or at its scheduled
moment, is what the very next request reads; no copy outlives the moment it stops being true."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from policy.models import PolicyVersion
from tests.policy.factories import DEFAULT_ARTICLES, policy_body
from tests.policy.test_visibility import schedule

pytestmark = pytest.mark.django_db

NEW_TEXT = "改定後の新しい条文です。"
POLICY_PATHS = ["/ja/privacy-policy/", "/ja/privacy-policy/versions/", "/ja/privacy-policy/feed/"]


def warm(client, paths):
    for path in paths:
        client.get(path)
        assert client.get(path)["X-Page-Cache"] == "hit", path


def test_a_policy_published_now_is_read_on_the_next_request(
    client, public_site, page_cache, django_capture_on_commit_callbacks
):
    from tests.creators.conftest import publish

    warm(client, [*POLICY_PATHS, "/ja/privacy-policy/versions/1/"])
    body = policy_body(("プライバシー情報", [NEW_TEXT]), *DEFAULT_ARTICLES[1:])
    with django_capture_on_commit_callbacks(execute=True):
        publish(public_site["policy"], body=body, summary_of_changes="改定")
    assert NEW_TEXT in client.get("/ja/privacy-policy/").content.decode()
    for path in POLICY_PATHS[1:]:  # the history and the feed list the new version
        assert "改定" in client.get(path).content.decode(), path
    # Version 1's page now says it is no longer in force: purged too (a tree purge).
    assert client.get("/ja/privacy-policy/versions/1/")["X-Page-Cache"] == "miss"
    assert "http://testserver/ja/privacy-policy/versions/2/" in page_cache


# Committed for real: the revision the middleware publishes commits, and purges, before the copy
# is looked up. The test client's own capture would run that purge only after the response.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_scheduled_revision_is_read_by_the_first_request_after_its_moment(
    client, public_site, page_cache, django_capture_on_commit_callbacks
):
    go_live = timezone.now() + dt.timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        schedule(public_site["policy"], go_live)
    warm(client, POLICY_PATHS)
    visit = go_live + dt.timedelta(seconds=3)
    with time_machine.travel(visit, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.get("/ja/privacy-policy/")
        assert NEW_TEXT in response.content.decode()
        assert response["X-Page-Cache"] == "miss"
    version = PolicyVersion.objects.get(number=2)
    assert version.effective_at == visit  # the moment visitors could read it, never earlier


def test_no_shared_cache_keeps_a_page_past_a_scheduled_moment(
    client, public_site, page_cache, django_capture_on_commit_callbacks
):
    go_live = timezone.now() + dt.timedelta(seconds=120)
    with django_capture_on_commit_callbacks(execute=True):
        schedule(public_site["policy"], go_live)
    cache_control = client.get("/ja/works/")["Cache-Control"]
    seconds = int(cache_control.split("s-maxage=")[1].split(",")[0])
    assert 0 < seconds <= 120
    assert "stale-while-revalidate" not in cache_control  # no stale copy after the moment


def test_a_scheduled_revision_is_published_by_a_request_for_any_page(
    client, public_site, page_cache, django_capture_on_commit_callbacks
):
    go_live = timezone.now() + dt.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        schedule(public_site["policy"], go_live)
    warm(client, ["/ja/"])
    with time_machine.travel(go_live + dt.timedelta(seconds=1), tick=False):
        client.get("/ja/")  # a cached page, yet the policy goes live before it is served
    assert PolicyVersion.objects.filter(number=2).exists()


def test_the_version_in_force_does_not_ask_for_due_revisions_each_time(
    public_site, django_assert_num_queries
):
    from policy.models import version_in_force

    version_in_force("ja")
    with django_assert_num_queries(1):  # the version itself, nothing about schedules
        assert version_in_force("ja").number == 1
