"""Two app servers, one PostgreSQL database and one Redis (issue 12): what one of them or an
officer changes is true on the other at the next request, and a rate limit counts across both.

Two gunicorn processes with production settings (page cache on) serve the test database, which
this test commits to (a transactional test); the test process itself changes data through the
model layer, as an officer's admin action would, and its purges reach the servers only through
the shared Redis.
"""

import datetime as dt
import os
import time

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from creators.choices import PUBLISH_NAME
from creators.models import Entry
from policy.versions import PolicyVersion
from tests.cache.conftest import CREATOR_NAME, public_site  # noqa: F401
from tests.creators.conftest import give, publish
from tests.creators.test_entry_form import entry_data
from tests.policy.factories import DEFAULT_ARTICLES, policy_body
from tests.policy.test_visibility import NEW_TEXT as SCHEDULED_TEXT
from tests.policy.test_visibility import schedule
from tests.works.conftest import local_embeds, make_work, works_index  # noqa: F401

from .servers import AppServer, database_url
from .visitor import Visitor

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs PostgreSQL (DATABASE_URL): two servers cannot share an SQLite test database",
    ),
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL"),
        reason="needs Redis (REDIS_URL): the servers share the cache, as in production",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RATE_LIMIT = 4
PERSON_PATHS = ["/ja/creators/", "/ja/works/shibuya-midnight/"]
GO_LIVE_IN = 6  # seconds from scheduling a revision to its moment


def server_env():
    database = connection.settings_dict
    cache = settings.CACHES["default"]
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.production.app_settings",
        "DATABASE_URL": database_url(database, database["NAME"]),
        "REDIS_URL": cache["LOCATION"],  # this process's Redis database (one per xdist worker)
        "CACHE_KEY_PREFIX": cache.get("KEY_PREFIX", ""),
        "SECRET_KEY": "two-servers-" + "x" * 50,
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "false",
        "PAGE_CACHE": "on",
        "ENTRY_RATE_LIMIT": str(RATE_LIMIT),
        "LOG_LEVEL": "WARNING",
    }


@pytest.fixture(scope="module")
def servers(django_db_setup, tmp_path_factory):
    """Two gunicorn processes on the test database and this process's Redis, for every test here."""
    folder = tmp_path_factory.mktemp("servers")
    env = server_env()
    pair = [AppServer(folder, env, name=name) for name in ("a", "b")]
    try:
        for server in pair:
            server.start()
        yield [server.base for server in pair]
    finally:
        for server in pair:
            server.close()
    for server in pair:
        assert "Traceback" not in server.log_text(), server.log_text()[-3000:]


def cached_everywhere(visitor, bases, path):
    """The page as both servers answer it, after a first request put it in the page cache."""
    visitor.get(bases[0], path)
    answers = [visitor.get(base, path) for base in bases]
    assert [a.header("X-Page-Cache") for a in answers] == ["hit", "hit"], path
    return [a.text for a in answers]


# One test, four proofs on one data set: each transactional test here costs a database restore
# and a flush (seconds each on a busy machine), so the proofs share them. Each says which failed.


def test_two_app_servers_share_consents_rate_limits_and_the_policy(servers, public_site):  # noqa: F811
    a_withdrawn_consent_is_gone_from_the_other_server_at_the_next_request(servers, public_site)
    a_rate_limit_counts_the_posts_made_to_both_servers(servers)
    a_policy_published_is_in_force_on_the_other_server_at_once(servers, public_site)
    a_revision_going_live_through_one_server_is_in_force_on_the_other(servers, public_site)


def a_withdrawn_consent_is_gone_from_the_other_server_at_the_next_request(bases, site):
    visitor = Visitor()
    for path in PERSON_PATHS:
        assert all(CREATOR_NAME in text for text in cached_everywhere(visitor, bases, path))
    give(site["creator"], PUBLISH_NAME, given=False)  # an officer records the withdrawal
    for base in reversed(bases):
        for path in PERSON_PATHS:
            answer = visitor.get(base, path)
            assert answer.status == 200
            assert CREATOR_NAME not in answer.text, ("withdrawal", base, path)


def a_rate_limit_counts_the_posts_made_to_both_servers(bases):
    version = PolicyVersion.objects.get()
    statuses = []
    for number in range(RATE_LIMIT + 2):
        data = entry_data(version, email=f"limit{number}@example.com")
        statuses.append(Visitor().post_form(bases[number % 2], "/ja/entry/", data).status)
    assert statuses == [302] * RATE_LIMIT + [429, 429], "rate limit"
    assert Entry.objects.count() == RATE_LIMIT


def a_policy_published_is_in_force_on_the_other_server_at_once(bases, site):
    visitor = Visitor()
    cached_everywhere(visitor, bases, "/ja/privacy-policy/")
    new_text = "二台目のサーバーでもすぐに有効な条文です。"
    publish(
        site["policy"],
        body=policy_body(("プライバシー情報", [new_text]), *DEFAULT_ARTICLES[1:]),
        summary_of_changes="改定",
    )  # committed at once: its purge reaches the servers through the shared Redis
    for base in reversed(bases):
        assert new_text in visitor.get(base, "/ja/privacy-policy/").text, ("published", base)


def a_revision_going_live_through_one_server_is_in_force_on_the_other(bases, site):
    go_live = timezone.now() + dt.timedelta(seconds=GO_LIVE_IN)
    schedule(site["policy"], go_live)
    visitor = Visitor()
    before = cached_everywhere(visitor, bases, "/ja/privacy-policy/")[0]
    assert timezone.now() < go_live, f"the machine took over {GO_LIVE_IN} s: nothing was proven"
    assert SCHEDULED_TEXT not in before
    time.sleep((go_live - timezone.now()).total_seconds() + 0.5)
    # The first request after the moment, to server A and for another page, publishes it ...
    assert visitor.get(bases[0], "/ja/").status == 200
    assert PolicyVersion.objects.filter(summary_of_changes="予約公開").exists(), "not published"
    # ... and server B serves it at once, though its copy of the old version was in Redis.
    assert SCHEDULED_TEXT in visitor.get(bases[1], "/ja/privacy-policy/").text, "scheduled"
