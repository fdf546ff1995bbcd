"""Redis down: pages still served (uncached), forms still stored, rate limits still counted (in
the process, logged), and nothing stale comes back when Redis returns."""

import logging

import pytest
from django.core.cache import cache

from creators.choices import PUBLISH_NAME
from creators.models import Entry
from tests.creators.conftest import give
from tests.creators.test_entry_form import entry_data

pytestmark = pytest.mark.django_db


def test_pages_are_served_and_entries_stored_while_redis_is_down(
    client, own_redis, make_profile, entry_page_ja, policy_version_ja, caplog
):
    make_profile(PUBLISH_NAME, name="桜井 凛")
    assert client.get("/ja/creators/").status_code == 200
    own_redis.stop()
    with caplog.at_level(logging.ERROR, logger="home.resilient_cache"):
        for path in ("/ja/", "/ja/creators/", "/ja/privacy-policy/", "/ja/entry/"):
            response = client.get(path)
            assert response.status_code == 200, path
        assert "桜井 凛" in client.get("/ja/creators/").content.decode()
        response = client.post("/ja/entry/", entry_data(policy_version_ja))
    assert response.status_code == 302
    assert Entry.objects.get().email == "hanako@example.com"
    # The outage is logged once, not once per cache call.
    outage_lines = [r for r in caplog.records if "Cache unavailable" in r.getMessage()]
    assert len(outage_lines) == 1


def test_a_withdrawal_during_the_outage_is_not_undone_when_redis_returns(
    client, own_redis, make_profile
):
    creator, _page = make_profile(PUBLISH_NAME, name="桜井 凛")
    assert "桜井 凛" in client.get("/ja/creators/").content.decode()  # now in Redis
    own_redis.stop()
    give(creator, PUBLISH_NAME, given=False)  # the cache bump cannot reach Redis
    assert "桜井 凛" not in client.get("/ja/creators/").content.decode()
    own_redis.start()  # with the index cached before the withdrawal still in it
    assert "桜井 凛" not in client.get("/ja/creators/").content.decode()
    cache.set("probe", 1)
    assert cache.get("probe") == 1  # and the cache is in use again


def test_rate_limits_count_in_the_process_while_redis_is_down_and_say_so(
    client, own_redis, settings, entry_page_ja, policy_version_ja, caplog
):
    settings.CREATORS_ENTRY_RATE_LIMIT = (2, 3600)
    own_redis.stop()
    with caplog.at_level(logging.WARNING, logger="home.ratelimit"):
        codes = [
            client.post(
                "/ja/entry/", entry_data(policy_version_ja, email=f"p{i}@example.com")
            ).status_code
            for i in range(3)
        ]
    assert codes == [302, 302, 429]
    assert Entry.objects.count() == 2
    assert any("counted in this process only" in r.getMessage() for r in caplog.records)
    own_redis.start()
    settings.CREATORS_ENTRY_RATE_LIMIT = (1, 3600)
    # Back on the shared count (fresh after the outage): one more allowed, then refused.
    statuses = [
        client.post(
            "/ja/entry/", entry_data(policy_version_ja, email=f"q{i}@example.com")
        ).status_code
        for i in range(2)
    ]
    assert statuses == [302, 429]
    assert cache.get_many(cache.keys("ratelimit:*"))  # counted in Redis again
