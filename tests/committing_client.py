"""The project's test client (the `client` fixture)."""

from django.test import Client, TestCase


class CommittingClient(Client):
    """A test client whose requests end as real ones do: what they stored is committed, so the
    `transaction.on_commit` callbacks run (the outbox sends, caches are bumped). The test's own
    transaction still rolls everything back afterwards."""

    def request(self, **request):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return super().request(**request)
