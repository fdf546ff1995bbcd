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


class AppendOnlyModel(models.Model):
    """A row is saved once and never changed or deleted, one by one or (its queryset) in bulk."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise self._refusal()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise self._refusal()

    def _refusal(self):
        queryset = type(self).objects.all()
        return queryset.error(f"{self._meta.object_name} records are append-only.")
