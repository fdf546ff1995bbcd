"""An answer released to the requester electronically: a file behind a single-use link.

The file (a ZIP of the answer letter in HTML and the same data as JSON) is kept in the database,
not in media storage, so that it is never reachable through a public media URL or a CDN and every
app server can serve it. Only a SHA-256 of the link's token is stored: a database reader cannot
rebuild the link. The content is deleted when the link is used, or when it expires
(`manage.py expire_privacy_answers`, run by a timer), whichever comes first; the row stays as the
record that an answer was released and when it was fetched.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_LINK_DAYS = 7


def link_days():
    return int(getattr(settings, "PRIVACY_ANSWER_LINK_DAYS", DEFAULT_LINK_DAYS))


def token_digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


class AnswerQuerySet(models.QuerySet):
    def expired(self, now=None):
        return self.filter(expires_at__lte=now or timezone.now(), file_deleted_at__isnull=True)


class Answer(models.Model):
    privacy_request = models.ForeignKey(
        "privacy_requests.PrivacyRequest",
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("privacy request"),
    )
    token_sha256 = models.CharField(max_length=64, unique=True, editable=False)
    filename = models.CharField(_("file name"), max_length=120)
    content = models.BinaryField(_("answer file"), blank=True, editable=False)
    released_at = models.DateTimeField(_("released"), default=timezone.now)
    expires_at = models.DateTimeField(_("link expires"))
    downloaded_at = models.DateTimeField(_("downloaded"), null=True, blank=True)
    file_deleted_at = models.DateTimeField(_("file deleted"), null=True, blank=True)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        verbose_name = _("released answer")
        verbose_name_plural = _("released answers")
        ordering = ["-released_at"]

    def __str__(self):
        return self.filename

    @classmethod
    def release(cls, privacy_request, filename, content, now=None):
        """Store the file behind no working link yet: the link's token is made when the email
        leaves (`new_token`), so it exists only in the email sent, never in the stored copy."""
        now = now or timezone.now()
        answer = cls.objects.create(
            privacy_request=privacy_request,
            token_sha256=token_digest(secrets.token_urlsafe(32)),  # thrown away: no link yet
            filename=filename,
            content=content,
            released_at=now,
            expires_at=now + timedelta(days=link_days()),
        )
        return answer

    def new_token(self):
        """A fresh token for the link being sent; any earlier one stops working."""
        token = secrets.token_urlsafe(32)
        type(self).objects.filter(pk=self.pk).update(token_sha256=token_digest(token))
        return token

    @classmethod
    def for_token(cls, token):
        return (
            cls.objects.select_related("privacy_request")
            .filter(token_sha256=token_digest(token))
            .first()
        )

    def is_expired(self, now=None):
        return self.expires_at <= (now or timezone.now())

    @property
    def is_available(self):
        return self.downloaded_at is None and self.file_deleted_at is None and not self.is_expired()

    def delete_file(self, now=None):
        self.content = b""
        self.file_deleted_at = now or timezone.now()
        self.save(update_fields=["content", "file_deleted_at"])
