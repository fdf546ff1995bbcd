"""Due dates, overdue flags and the order of the officers' queue."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from privacy_requests.models import PrivacyRequest
from tests.committing_client import CommittingClient
from tests.personal_information.factories import PersonalInformationPageFactory
from tests.privacy_requests.conftest import confirmation_link
from tests.privacy_requests.factories import PrivacyRequestFactory

pytestmark = pytest.mark.django_db


def make(kind="other", confirmed_days_ago=None, status=None, **fields):
    now = timezone.now()
    privacy_request = PrivacyRequestFactory.build(kind=kind, **fields)
    if confirmed_days_ago is not None:
        privacy_request.confirm(now - timedelta(days=confirmed_days_ago))
    if status:
        privacy_request.status = status
    privacy_request.save()
    return privacy_request


def test_due_is_confirmation_plus_the_configured_days(settings):
    default = make(confirmed_days_ago=0)
    assert default.due_at == default.confirmed_at + timedelta(days=14)
    settings.PRIVACY_REQUEST_DUE_DAYS = 30
    privacy_request = make(confirmed_days_ago=0)
    assert privacy_request.due_at == privacy_request.confirmed_at + timedelta(days=30)
    assert make().due_at is None  # unconfirmed: the clock has not started


def test_overdue_only_while_the_request_is_still_being_handled():
    late = make(confirmed_days_ago=15)
    on_time = make(confirmed_days_ago=13)
    late_but_done = make(confirmed_days_ago=20, status=PrivacyRequest.Status.DONE)
    late_but_refused = make(confirmed_days_ago=20, status=PrivacyRequest.Status.REFUSED)
    assert late.is_overdue() and not on_time.is_overdue()
    assert not late_but_done.is_overdue() and not late_but_refused.is_overdue()
    assert list(PrivacyRequest.objects.overdue()) == [late]


def test_a_request_becomes_overdue_when_its_due_moment_passes():
    privacy_request = make(confirmed_days_ago=0)
    with time_machine.travel(privacy_request.due_at - timedelta(minutes=1)):
        assert not privacy_request.is_overdue()
        assert not PrivacyRequest.objects.overdue().exists()
    with time_machine.travel(privacy_request.due_at + timedelta(minutes=1)):
        assert privacy_request.is_overdue()
        assert PrivacyRequest.objects.overdue().get() == privacy_request


def test_the_queue_lists_overdue_first_and_flags_them(
    officer_client, django_assert_max_num_queries
):
    unconfirmed = make()
    recent = make(confirmed_days_ago=1)
    oldest_late = make(confirmed_days_ago=30)
    late = make(confirmed_days_ago=16)
    done = make(confirmed_days_ago=40, status=PrivacyRequest.Status.DONE)
    assert list(PrivacyRequest.objects.officer_queue()) == [
        oldest_late,
        late,
        recent,
        unconfirmed,
        done,
    ]
    response = officer_client.get(reverse("privacy_requests:index"))
    html = response.content.decode()
    positions = [html.index(f"/inspect/{r.pk}/") for r in (oldest_late, late, recent, done)]
    assert positions == sorted(positions)
    assert html.count("data-overdue") == 2
    # An unconfirmed request is not a case: listed only when the officer asks for it.
    assert f"/inspect/{unconfirmed.pk}/" not in html
    filtered = officer_client.get(reverse("privacy_requests:index"), {"status": "unconfirmed"})
    assert f"/inspect/{unconfirmed.pk}/" in filtered.content.decode()
    assert f"/inspect/{late.pk}/" not in filtered.content.decode()

    for _ in range(10):
        make(confirmed_days_ago=20)
    with django_assert_max_num_queries(40):
        officer_client.get(reverse("privacy_requests:index"))
    queries_for_15 = _count_queries(officer_client)
    for _ in range(10):
        make(confirmed_days_ago=20)
    assert _count_queries(officer_client) == queries_for_15  # constant, whatever the length


def _count_queries(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(reverse("privacy_requests:index"))
    return len(captured)


def test_the_dashboard_counts_overdue_requests_for_officers(officer_client):
    make(confirmed_days_ago=20)
    make(confirmed_days_ago=25)
    make(confirmed_days_ago=1)
    html = officer_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "privacy-requests-panel" in html
    # An officer with no language chosen reads the admin in the browser's.
    assert "2 requests are overdue" in html and "2件の請求が期限を過ぎています" not in html


def test_every_period_promised_is_the_configured_one(
    settings, request_pages, submit, mailoutbox, officer_client
):
    """The form, the confirmation page, the status email and the officer's page state the
    periods the software applies, never a copy that a setting could make false."""
    settings.PRIVACY_ANSWER_LINK_DAYS = 3
    settings.PRIVACY_REQUEST_DUE_DAYS = 10
    visitor = CommittingClient()  # the status email leaves after the commit
    form = visitor.get(request_pages["ja"].url).content.decode()
    assert "3日間有効で1回だけ使える" in form and "7日間" not in form
    privacy_request = submit("mika@example.com", language="ja", kind="disclosure")
    confirmed = visitor.post(confirmation_link(mailoutbox)).content.decode()
    assert "入金日から10日以内にご回答します" in confirmed and "14日" not in confirmed
    officers = next(m for m in mailoutbox[::-1] if m.to != ["mika@example.com"]).body
    assert "手数料の入金待ちです。回答期限は入金日から10日後です。" in officers  # not "due by  ."
    status_email = next(m for m in mailoutbox[::-1] if m.to == ["mika@example.com"]).body
    assert "3日間有効で1回だけ使える" in status_email and "7日間" not in status_email
    desk = officer_client.get(
        reverse("privacy_requests:inspect", args=[privacy_request.pk])
    ).content.decode()
    assert "回答期限はこの日から10日後です" in desk and "14日" not in desk


def test_every_fee_promised_is_the_configured_one(
    settings, site, request_pages, submit, mailoutbox
):
    """Article 5's fee, wherever a person reads it (the form, its page, the confirmation, the
    status email, the page on personal information), is the one setting the software applies."""
    settings.PRIVACY_DISCLOSURE_FEE_YEN = 2500
    PersonalInformationPageFactory(parent=site["ja"], locale=site["ja"].locale)
    visitor = CommittingClient()  # the status email leaves after the commit
    form = visitor.get(request_pages["ja"].url).content.decode()
    assert "開示のご請求（第5条。" in form and "1件につき2,500円の手数料" in form
    assert "（ご本人の個人情報、または第三者提供記録）は1件につき2,500円" in form  # the help text
    english = visitor.get(request_pages["en"].url).content.decode()
    assert "costs 2,500 yen per case" in english
    submit("mika@example.com", language="ja", kind="disclosure")
    confirmed = visitor.post(confirmation_link(mailoutbox)).content.decode()
    assert "開示には1件につき2,500円の手数料がかかります" in confirmed
    status_email = next(m for m in mailoutbox[::-1] if m.to == ["mika@example.com"]).body
    assert "2,500円" in status_email
    notice = visitor.get("/ja/personal-information/").content.decode()
    assert "開示のご請求（第5条）は1件につき2,500円の手数料がかかります" in notice
    for text in (form, english, confirmed, status_email, notice):
        assert "1,000" not in text
