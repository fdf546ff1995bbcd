"""Two publishes of the policy at the same moment, for real: two threads, each with its own
database connection and transaction, released together. The version numbers stay a sequence
without gaps or doubles, and the version in force is the text that is live (Article 8).

PostgreSQL only: SQLite lets one writer at a time into the whole database, so there is no race
to lose there. `.ci/run` runs the suite on PostgreSQL too."""

import threading
from datetime import timedelta

import pytest
from django.db import close_old_connections, connection
from django.utils import timezone

from policy.models import PolicyPage
from policy.schedule import publish_due_revisions
from policy.versions import PolicyVersion, version_in_force
from tests.policy.factories import draft, legal_approver

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs concurrent writers: run with DATABASE_URL=postgres://… (as .ci/run does)",
    ),
]


def at_the_same_moment(*calls):
    """Run each call in its own thread and connection, all released together; re-raise errors."""
    start = threading.Barrier(len(calls), timeout=30)
    errors = []

    def run(call):
        try:
            start.wait()
            call()
        except Exception as error:  # noqa: BLE001  reported to the test below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a publish never finished"
    assert not errors, errors


def numbers():
    return list(
        PolicyVersion.objects.for_language("ja").order_by("number").values_list("number", flat=True)
    )


def test_two_revisions_published_at_once_get_the_next_two_numbers(policy_ja):
    first = draft(policy_ja, summary_of_changes="第2条を改定")
    second = draft(policy_ja, summary_of_changes="第3条を改定")

    approver = legal_approver()  # only Legal may post a version (policy/gate.py)
    at_the_same_moment(lambda: first.publish(user=approver), lambda: second.publish(user=approver))

    assert numbers() == [1, 2, 3]
    versions = PolicyVersion.objects.for_language("ja").filter(number__gt=1)
    assert {version.revision_id for version in versions} == {first.pk, second.pk}
    live = PolicyPage.objects.get(pk=policy_ja.pk)
    in_force = version_in_force("ja")
    assert in_force.number == 3
    assert in_force.revision_id == live.live_revision_id
    assert in_force.summary_of_changes == live.summary_of_changes


def test_a_due_revision_reached_by_two_requests_at_once_is_one_version(policy_ja):
    revision = draft(policy_ja, summary_of_changes="予定どおり施行")
    revision.approved_go_live_at = timezone.now() - timedelta(seconds=1)
    revision.save(update_fields=["approved_go_live_at"])

    at_the_same_moment(publish_due_revisions, publish_due_revisions)

    assert numbers() == [1, 2]
    assert version_in_force("ja").revision_id == revision.pk
