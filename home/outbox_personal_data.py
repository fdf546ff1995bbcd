"""The outbox holds personal data (addresses, the text sent, delivery errors): its registry entry.

A disclosure lists the emails sent to the address; an erasure blanks every row that names the
address, unsent and failed ones and their errors included (home.outbox.blank); the bodies of sent email are
blanked after the retention period. The subject, dates and delivery stay as the record of sending.
"""

from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .masking import LINK_TOKEN
from .outbox import OutboxEmail, blank
from .personal_data import PersonalDataHandler, RetentionRule, Section, human_value, japan_iso

HANDLER_NAME = "outbox"
EXPORT_FIELDS = ["template", "to_address", "language", "subject", "body", "delivery"]


def naming(email):
    """Rows sent to the address, or whose text or error mentions it."""
    return OutboxEmail.objects.filter(
        Q(to_address__iexact=email) | Q(body__icontains=email) | Q(last_error__icontains=email)
    )


def sent_to(email, exclude_about=None):
    rows = OutboxEmail.objects.filter(to_address__iexact=email)
    if exclude_about is not None:
        rows = rows.exclude(pk__in=OutboxEmail.objects.about([exclude_about]))
    return rows


def export_for_email(email):
    return {
        "emails": [
            {
                **{name: getattr(row, name) for name in EXPORT_FIELDS},
                # A link that still works is a secret, even in the person's own archive.
                "body": LINK_TOKEN.sub(r"\1[token]", row.body),
                "created_at": japan_iso(row.created_at),
                "sent_at": japan_iso(row.sent_at),
            }
            for row in sent_to(email)
        ]
    }


def describe_emails(email, exclude_about=None):
    """The emails in words; `exclude_about`: the record being answered (its own emails are part
    of it, not data found)."""
    field = OutboxEmail._meta.get_field

    def label(name):
        return capfirst(str(field(name).verbose_name))

    records = [
        [
            ("subject", label("subject"), row.subject or "—"),
            ("created_at", label("created_at"), human_value(row.created_at)),
            ("delivery", label("delivery"), row.get_delivery_display()),
            ("sent_at", label("sent_at"), human_value(row.sent_at)),
        ]
        for row in sent_to(email, exclude_about)
    ]
    return [Section("emails", str(_("Emails we sent you")), "", records)]


def erase_for_email(email):
    """Every row naming the person is blanked, unsent ones too: they will not be sent."""
    return blank(naming(email))


def suspend_for_email(email):
    """An email is an answer to what the person sent (a receipt, a request's status, a notice
    the law requires); each app stops queueing new ones for a suspended person."""
    return 0


def sent_bodies(cutoff):
    finished = Q(delivery=OutboxEmail.Delivery.SENT, sent_at__lt=cutoff) | Q(
        delivery=OutboxEmail.Delivery.FAILED, next_attempt_at__isnull=True, created_at__lt=cutoff
    )
    return OutboxEmail.objects.filter(finished).exclude(to_address="", body="", last_error="")


def outbox_personal_data():
    return PersonalDataHandler(
        name=HANDLER_NAME,
        models=[OutboxEmail],
        describe=describe_emails,
        description=_("Emails we sent you: your address, the text, and whether it was delivered"),
        purpose=_("To send the receipts, answers and notices you asked for or are owed"),
        retention=[
            RetentionRule(
                name="sent_email_bodies",
                description=_(
                    "Emails: address and text blanked %(days)s days after sending (or after "
                    "the last failed attempt); subject and dates stay."
                ),
                due=sent_bodies,
                apply=blank,
            )
        ],
        export=export_for_email,
        erase=erase_for_email,
        suspend=suspend_for_email,
    )
