"""The creators index, a profile and the sitemap run a bounded number of queries, whatever the
number of creators and of the works crediting them (issue 12: the sitemap asked twice per
creator page), and the sitemap still lists no creator without consent."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from creators.choices import PUBLISH_EXPERTISE, PUBLISH_NAME
from tests.creators.conftest import give
from tests.works.factories import WorkCreditFactory, WorkPageFactory, WorksIndexPageFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10


def queries(client, url):
    assert client.get(url).status_code == 200  # warm up: the shared cache, renditions
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response.content.decode()


def make_creators(make_profile, count, start=0):
    return [
        make_profile(PUBLISH_NAME, PUBLISH_EXPERTISE, name=f"名前{n}", expertise=["direction"])
        for n in range(start, start + count)
    ]


def test_the_index_and_a_profile_within_budget_for_2_and_25_creators(client, make_profile):
    first = make_creators(make_profile, 2)
    few_index, _ = queries(client, "/ja/creators/")
    few_filtered, _ = queries(client, "/ja/creators/?expertise=direction")
    few_profile, _ = queries(client, first[0][1].url)
    make_creators(make_profile, 23, start=2)
    many_index, html = queries(client, "/ja/creators/")
    second_page, more = queries(client, "/ja/creators/?page=2")  # 24 a page
    assert "名前24" in html + more and second_page <= MAX_QUERIES
    assert many_index == few_index <= MAX_QUERIES
    assert queries(client, "/ja/creators/?expertise=direction")[0] == few_filtered <= MAX_QUERIES
    assert queries(client, first[0][1].url)[0] == few_profile <= MAX_QUERIES


def test_a_profile_within_budget_for_1_and_20_crediting_works(client, site, make_profile):
    _creator, page = make_profile(PUBLISH_NAME)
    index = WorksIndexPageFactory(parent=site["ja"], locale=site["ja"].locale)

    def credit(count, start=0):
        for n in range(start, start + count):
            work = WorkPageFactory(parent=index, locale=index.locale, title=f"出演作{n}")
            WorkCreditFactory(work=work, creator_page=page)
            work.save_revision().publish()

    credit(1)
    few, html = queries(client, page.url)
    assert "出演作0" in html
    credit(19, start=1)
    many, html = queries(client, page.url)
    assert "出演作19" in html
    assert many == few <= MAX_QUERIES


def test_sitemap_queries_do_not_grow_with_creator_pages(client, make_profile):
    make_creators(make_profile, 2)
    few, _ = queries(client, "/sitemap.xml")
    creators = make_creators(make_profile, 23, start=2)
    withdrawn, hidden_page = creators[-1]
    give(withdrawn, PUBLISH_NAME, PUBLISH_EXPERTISE, given=False)
    many, xml = queries(client, "/sitemap.xml")
    assert many == few
    assert xml.count("/ja/creators/creator-") == 24  # every consenting profile is listed
    assert hidden_page.url not in xml  # and never one without consent
