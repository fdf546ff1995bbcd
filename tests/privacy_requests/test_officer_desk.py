"""The officer's desk reads well: Japan time, values in words, old → new in the log, filters."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from privacy_requests.models import PrivacyRequest

pytestmark = pytest.mark.django_db

RAW = re.compile(r">\s*(True|False|None|\{\}|\[\])\s*<|\{&#x27;|\{&quot;|&#x27;erased")


def act(client, privacy_request, **data):
    response = client.post(
        reverse("privacy_requests:action", args=[privacy_request.pk]), data, follow=True
    )
    privacy_request.refresh_from_db()
    return response.content.decode()


def test_the_request_page_is_in_japan_time_and_in_words(officer_client, confirmed_request, person):
    privacy_request = confirmed_request(person.email, kind="suspension")
    act(officer_client, privacy_request, action="suspend")
    html = officer_client.get(
        reverse("privacy_requests:inspect", args=[privacy_request.pk])
    ).content.decode()
    received = timezone.localtime(privacy_request.received_at)
    assert received.utcoffset() == timedelta(hours=9)
    with translation.override("ja"):  # the admin is used in Japanese
        assert date_format(received, "DATETIME_FORMAT") + " JST" in html
    assert "+00:00" not in html and "UTC" not in html
    assert not RAW.search(html), RAW.search(html)
    from privacy_requests.records import holder_name

    holder = holder_name("creators")  # the creators app's name, in Japanese
    assert "利用停止: " in html and f"{holder}（1件）" in html  # the outcome in words
    assert "状態：受付済み → 完了" in html  # the audit log says old → new


def test_fee_paid_says_so_and_does_not_flash_completed(officer_client, confirmed_request, person):
    privacy_request = confirmed_request(person.email, kind="disclosure")
    waiting = officer_client.get(
        reverse("privacy_requests:inspect", args=[privacy_request.pk])
    ).content.decode()
    assert "手数料の精算まで保留" in waiting
    html = act(officer_client, privacy_request, action="fee", fee_status="paid")
    with translation.override("ja"):
        due = date_format(timezone.localtime(privacy_request.due_at), "DATE_FORMAT")
    assert f"手数料の入金を記録しました。回答期限は{due}です。" in html
    assert "完了" not in html.split("privacy-request-log")[0]  # no "done" flashes up
    assert "手数料：支払い待ち → 支払い済み" in html
    assert "状態：手数料のお支払い待ち → 対応中" in html


def test_the_queue_filters_by_kind_status_and_overdue(
    officer_client, confirmed_request, person, other_person, django_assert_max_num_queries
):
    late = confirmed_request(person.email, kind="correction")
    PrivacyRequest.objects.filter(pk=late.pk).update(due_at=timezone.now() - timedelta(days=1))
    fresh = confirmed_request(other_person.email, name=other_person.name, kind="purpose_notice")
    fee = confirmed_request(other_person.email, name=other_person.name, kind="disclosure")
    url = reverse("privacy_requests:index")

    def listed(**params):
        html = officer_client.get(url, params).content.decode()
        return {pk for pk in (late.pk, fresh.pk, fee.pk) if f"/inspect/{pk}/" in html}

    assert listed() == {late.pk, fresh.pk, fee.pk}
    assert listed(kind="purpose_notice") == {fresh.pk}
    assert listed(status="waiting_for_fee") == {fee.pk}
    assert listed(overdue="yes") == {late.pk}
    assert listed(overdue="no") == {fresh.pk, fee.pk}
    html = officer_client.get(url).content.decode()
    assert "+00:00" not in html and not RAW.search(html)
    with django_assert_max_num_queries(40):
        officer_client.get(url)
