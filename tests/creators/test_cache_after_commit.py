"""A consent change is seen by every server on the next request: the cache state moves only
after the change is committed (creators.cache.bump_state runs on commit).

PostgreSQL, two connections: the change is made in one transaction while a visitor's request
is served from another connection before the commit. Bumping before the commit lets that request
cache the old rows under the new key, where they would stay for the cache's lifetime.
"""

import threading

import pytest
from django.db import close_old_connections, connection, transaction
from django.test import Client

from creators.choices import PUBLISH_EXPERTISE, PUBLISH_NAME
from creators.models import Consent
from tests.creators.conftest import give, record

NAME = "遅延 反映子"


def visitor_reads(path):
    """The page as a visitor reads it through another connection (another app server)."""
    result = {}

    def run():
        try:
            result["html"] = Client().get(path).content.decode()
        finally:
            close_old_connections()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    return result["html"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs two connections with isolation: run with DATABASE_URL=postgres://…",
)
def test_a_request_during_the_withdrawal_cannot_cache_the_old_name(site, make_profile):
    creator, page = make_profile(PUBLISH_NAME, PUBLISH_EXPERTISE, name=NAME)
    assert NAME in Client().get("/ja/creators/").content.decode()
    with transaction.atomic():
        record(creator, PUBLISH_NAME, given=False)
        # Not committed yet: another server still reads the consent in force, and caches it.
        assert NAME in visitor_reads("/ja/creators/")
    # Committed: the very next request, on any server, no longer shows the name.
    assert NAME not in visitor_reads("/ja/creators/")
    assert NAME not in Client().get("/ja/creators/").content.decode()


def test_an_entry_from_a_new_visitor_does_not_flush_the_creators_cache(
    client, site, make_profile, entry_page_ja, policy_version_ja, django_capture_on_commit_callbacks
):
    from creators.models import Entry
    from creators.state import current_state
    from tests.creators.test_entry_form import entry_data

    creator, _page = make_profile(PUBLISH_NAME)
    before = current_state()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ja/entry/", entry_data(policy_version_ja))
    assert response.status_code == 302 and Entry.objects.exists()
    assert Consent.objects.filter(creator=None).exists()
    assert current_state() == before
    give(creator, PUBLISH_EXPERTISE)
    assert current_state() != before  # the control: a creator's consent does move it
