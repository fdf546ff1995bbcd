"""Demo content: the privacy requests page in both languages and two requests in different states."""

from datetime import timedelta

from django.utils import timezone

from home.outbox import MAX_ATTEMPTS as OUTBOX_MAX_ATTEMPTS
from home.outbox import OutboxEmail
from privacy_requests.models import PrivacyRequest, PrivacyRequestPage

from .helpers import child_page, translation

SLUG = "privacy-requests"
DEMO_EMAILS = ["demo.requester@example.com", "demo.overdue@example.com"]


def load(homes, stdout):
    page = child_page(
        homes["ja"],
        PrivacyRequestPage,
        SLUG,
        title="個人情報に関するお問い合わせ・開示等の請求",
        show_in_menus=False,
        intro="<p>当社が保有するお客様の個人情報について、開示（第5条）、訂正・削除（第6条）、"
        "利用停止（第7条）をご請求いただけます。送信後、確認メールのリンクを開いた時点で受付となります。</p>",
    )
    translation(
        page,
        "en",
        title="Privacy requests: disclosure, correction, deletion",
        slug=SLUG,
        show_in_menus=False,
        intro="<p>You can ask us to disclose (Article 5), correct or delete (Article 6), or stop "
        "using (Article 7) the personal information we hold on you. A request counts from the "
        "moment you open the confirmation link we email you.</p>",
    )
    load_demo_requests()
    stdout.write("Privacy requests page ready (ja, en) with demo requests.")


def confirmed_request(received_at, status=None, **fields):
    """A request received and confirmed at `received_at`, then given `status` if any."""
    privacy_request = PrivacyRequest(received_at=received_at, **fields)
    privacy_request.confirm(received_at)
    if status is not None:
        privacy_request.status = status
    privacy_request.save()
    return privacy_request


def load_demo_requests():
    if PrivacyRequest.objects.for_email(DEMO_EMAILS[0]).exists():
        return
    now = timezone.now()
    confirmed_request(
        now - timedelta(days=1),
        kind=PrivacyRequest.Kind.DISCLOSURE,
        name="山田 花子（デモ）",
        email=DEMO_EMAILS[0],
        details="保有している私の個人情報の開示を希望します。",
        language="ja",
    )
    overdue = confirmed_request(
        now - timedelta(days=20),
        status=PrivacyRequest.Status.IN_PROGRESS,
        kind=PrivacyRequest.Kind.CORRECTION,
        name="Alex Demo",
        email=DEMO_EMAILS[1],
        details="Please correct the spelling of my stage name.",
        language="en",
    )
    OutboxEmail.objects.create(
        template="privacy_requests/email/status",
        about=overdue,
        to_address=DEMO_EMAILS[1],
        language="en",
        subject="[ALLIN STUDIO] Your privacy request: In progress",
        body="(demo) A failed delivery, to show the retry button.",
        delivery=OutboxEmail.Delivery.FAILED,
        attempts=OUTBOX_MAX_ATTEMPTS,  # given up: it waits for the officer's retry button
        last_error="SMTPServerDisconnected('demo')",
    )
