"""Records that are evidence (consents, posted policy versions, provisions to third parties):
rows are added, never changed or removed, not even in bulk."""

from django.db import models


class AppendOnlyQuerySet(models.QuerySet):
    error = PermissionError

    def update(self, **kwargs):
        raise self.error(f"{self.model._meta.object_name} records are append-only.")

    def delete(self):
        raise self.error(f"{self.model._meta.object_name} records are append-only.")

    def _update_for_erasure(self, **kwargs):
        """The privacy erasure path only: clears the personal links and keeps the record."""
        return models.QuerySet.update(self, **kwargs)
