"""Article 8 with the page cache on: a new policy version, published now or at its scheduled
moment, is what the very next request reads; no copy outlives the moment it stops being true."""

import datetime as dt
import time
from unittest import mock

import pytest
from django.core.cache import caches
from django.utils import timezone

from policy.versions import PolicyVersion
from tests.policy.factories import DEFAULT_ARTICLES, policy_body
from tests.policy.test_visibility import schedule

pytestmark = pytest.mark.django_db

NEW_TEXT = "改定後の新しい条文です。"
SOON = 6  # seconds: time enough to fill the cache before the moment, even on a busy machine
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


def sleep_until(moment):
    time.sleep(max(0, (moment - timezone.now()).total_seconds()))


# In real time, not travelled time: Redis expires its copies by its own clock. Committed for
# real: the revision the middleware publishes commits, and purges, before the page is rendered.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_scheduled_revision_is_read_by_the_first_request_after_its_moment(
    client, public_site, page_cache, django_capture_on_commit_callbacks
):
    go_live = timezone.now() + dt.timedelta(seconds=SOON)
    with django_capture_on_commit_callbacks(execute=True):
        schedule(public_site["policy"], go_live)
    warm(client, POLICY_PATHS)  # each copy kept until the moment at the most
    sleep_until(go_live)
    response = client.get("/ja/privacy-policy/")
    assert NEW_TEXT in response.content.decode()
    assert response["X-Page-Cache"] == "miss"
    version = PolicyVersion.objects.get(number=2)
    assert go_live <= version.effective_at <= timezone.now()  # never earlier than its moment


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_copy_kept_before_a_revision_was_scheduled_is_not_served_after_its_moment(
    client, public_site, page_cache, django_capture_on_commit_callbacks
):
    warm(client, POLICY_PATHS)  # kept for PAGE_CACHE_SECONDS: nothing was scheduled yet
    go_live = timezone.now() + dt.timedelta(seconds=SOON)
    with django_capture_on_commit_callbacks(execute=True):
        schedule(public_site["policy"], go_live)
    sleep_until(go_live)
    for path in POLICY_PATHS:
        response = client.get(path)
        assert response["X-Page-Cache"] == "miss", path
    assert NEW_TEXT in client.get("/ja/privacy-policy/").content.decode()


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


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_scheduled_revision_is_published_by_a_request_for_any_page(
    client, public_site, page_cache, django_capture_on_commit_callbacks
):
    go_live = timezone.now() + dt.timedelta(seconds=SOON)
    with django_capture_on_commit_callbacks(execute=True):
        schedule(public_site["policy"], go_live)
    warm(client, ["/ja/"])
    sleep_until(go_live)
    client.get("/ja/")  # a cached page, yet the policy goes live before it is served
    assert PolicyVersion.objects.filter(number=2).exists()


def test_a_cached_page_is_answered_with_one_read_of_the_shared_cache(
    client, public_site, page_cache
):
    warm(client, ["/ja/works/"])
    reads, backend = [], type(caches["default"])
    with (
        mock.patch.object(backend, "get", counted(backend, "get", reads)),
        mock.patch.object(backend, "get_many", counted(backend, "get_many", reads)),
        mock.patch.object(backend, "add", counted(backend, "add", reads)),
    ):
        response = client.get("/ja/works/")
    assert response["X-Page-Cache"] == "hit"
    assert reads == ["get_many"]


def counted(backend, name, calls):
    """The method, recording each call made from outside the backend (local memory's get_many
    calls get for each key: one read all the same)."""
    original = getattr(backend, name)

    def called(self, *args, **kwargs):
        depth = getattr(self, "_counting_depth", 0)
        if depth == 0:
            calls.append(name)
        self._counting_depth = depth + 1
        try:
            return original(self, *args, **kwargs)
        finally:
            self._counting_depth = depth

    return called


def test_the_version_in_force_does_not_ask_for_due_revisions_each_time(
    public_site, django_assert_num_queries
):
    from policy.versions import version_in_force

    version_in_force("ja")
    with django_assert_num_queries(1):  # the version itself, nothing about schedules
        assert version_in_force("ja").number == 1
