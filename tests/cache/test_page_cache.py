"""The page cache on: anonymous pages kept and served without rendering, never a personal page,
and every change purges exactly the pages it alters, after its commit, here and at the CDN."""

import pytest
from django.conf import settings

from creators.choices import PUBLISH_EXPERTISE, PUBLISH_NAME
from tests.creators.conftest import give, publish
from tests.creators.test_entry_form import entry_data

from .conftest import CREATOR_NAME, PUBLIC_PATHS

pytestmark = pytest.mark.django_db


def served(client, path, **extra):
    response = client.get(path, **extra)
    assert response.status_code == 200, path
    return response


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_a_public_page_is_kept_and_served_again_without_rendering(
    client, public_site, page_cache, path, django_assert_max_num_queries
):
    first = served(client, path)
    assert first["Cache-Control"] == "public, max-age=0, s-maxage=600, stale-while-revalidate=30"
    assert first["X-Page-Cache"] == "miss"
    with django_assert_max_num_queries(0):
        second = served(client, path)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Cache-Control"] == first["Cache-Control"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_the_sitemap_is_public_and_kept(client, public_site, page_cache):
    assert served(client, "/sitemap.xml")["X-Page-Cache"] == "miss"
    assert served(client, "/sitemap.xml")["X-Page-Cache"] == "hit"


def test_each_language_is_its_own_url_whatever_the_language_cookie(client, site, page_cache):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = served(client, "/en/")
    japanese = served(client, "/ja/")
    assert '<html lang="ja">' in japanese.content.decode()
    assert '<html lang="en">' in english.content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ja"
    again = served(client, "/en/")
    assert again["X-Page-Cache"] == "hit" and '<html lang="en">' in again.content.decode()


@pytest.mark.parametrize("path", ["/ja/entry/", "/ja/privacy-requests/", "/ja/contact/"])
def test_a_form_is_never_kept(client, public_site, page_cache, path):
    for _ in range(2):
        response = served(client, path)
        assert response["Cache-Control"] == "private, no-store"
        assert "X-Page-Cache" not in response
    # Each visitor gets a token of their own.
    other = served(client.__class__(), path)
    assert "csrfmiddlewaretoken" in other.content.decode()


def test_a_post_is_never_answered_from_the_cache(client, public_site, page_cache):
    served(client, "/ja/creators/")
    response = client.post("/ja/creators/", {"x": "1"})
    assert "X-Page-Cache" not in response


def test_a_signed_in_editor_is_never_served_a_copy_and_none_is_kept_for_them(
    client, public_site, page_cache, admin_user
):
    served(client, "/ja/")  # kept for visitors
    client.force_login(admin_user)
    editor = served(client, "/ja/")
    assert "X-Page-Cache" not in editor and "wagtail-userbar" in editor.content.decode()
    assert editor["Cache-Control"] == "private, no-store"
    client.logout()
    visitor = served(client.__class__(), "/ja/")
    assert visitor["X-Page-Cache"] == "hit" and "wagtail-userbar" not in visitor.content.decode()


def test_the_entry_receipt_is_never_kept(client, public_site, page_cache, policy_version_ja):
    client.post("/ja/entry/", entry_data(policy_version_ja))
    receipt = served(client, "/ja/entry/thanks/")
    assert receipt["Cache-Control"] == "private, no-store" and "X-Page-Cache" not in receipt
    stranger = client.__class__().get("/ja/entry/thanks/")
    assert "hanako@example.com" not in stranger.content.decode()


def test_a_withdrawal_is_gone_on_the_next_request_and_purges_exactly_what_shows_the_person(
    client, public_site, page_cache, django_capture_on_commit_callbacks
):
    """Article 3.9 with the cache on: profile, index, crediting work and sitemap."""
    profile = public_site["profile"].url
    pages = [profile, "/ja/creators/", "/ja/works/shibuya-midnight/"]
    for path in pages:
        assert CREATOR_NAME in served(client, path).content.decode()
        assert served(client, path)["X-Page-Cache"] == "hit"
    assert profile in served(client, "/sitemap.xml").content.decode()
    page_cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        give(public_site["creator"], PUBLISH_NAME, given=False)
        give(public_site["creator"], PUBLISH_EXPERTISE, given=False)
    for path in pages:
        assert CREATOR_NAME not in client.get(path).content.decode(), path
    assert profile not in served(client, "/sitemap.xml").content.decode()
    assert set(page_cache) == {f"http://testserver{path}" for path in [*pages, "/sitemap.xml"]}, (
        page_cache
    )


def test_nothing_is_purged_before_the_commit(
    client, public_site, page_cache, django_capture_on_commit_callbacks
):
    served(client, "/ja/creators/")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        from tests.creators.conftest import record

        record(public_site["creator"], PUBLISH_NAME, False)
        # Not committed: the copy is still served, and the CDN has been told nothing.
        assert served(client, "/ja/creators/")["X-Page-Cache"] == "hit"
        assert page_cache == []
    for callback in callbacks:
        callback()
    response = served(client, "/ja/creators/")
    assert "X-Page-Cache" not in response or response["X-Page-Cache"] == "miss"
    assert CREATOR_NAME not in response.content.decode()


def test_publishing_a_work_purges_it_its_listing_its_home_its_credited_creator_and_the_sitemap(
    client, public_site, page_cache, django_capture_on_commit_callbacks
):
    for path in ["/ja/works/", "/ja/", "/ja/creators/"]:
        served(client, path)
    with django_capture_on_commit_callbacks(execute=True):
        publish(public_site["work"], title="渋谷ミッドナイト 改")
    assert "渋谷ミッドナイト 改" in served(client, "/ja/works/").content.decode()
    assert served(client, "/ja/creators/")["X-Page-Cache"] == "hit"  # not altered: kept
    assert set(page_cache) == {
        "http://testserver/ja/works/shibuya-midnight/",
        "http://testserver/ja/works/",
        "http://testserver/ja/works/feed/",
        "http://testserver/ja/",
        f"http://testserver{public_site['profile'].url}",
        "http://testserver/sitemap.xml",
    }, page_cache


def test_unpublishing_a_work_removes_it_at_once(
    client, public_site, page_cache, django_capture_on_commit_callbacks
):
    work = public_site["work"]
    served(client, work.url)
    assert work.url in served(client, "/ja/works/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        work.unpublish()
    assert client.get(work.url).status_code == 404
    assert work.url not in served(client, "/ja/works/").content.decode()
    assert f"http://testserver{work.url}" in page_cache


def test_a_deleted_profile_is_gone_from_the_cache(
    client, public_site, page_cache, django_capture_on_commit_callbacks
):
    profile = public_site["profile"]
    url = profile.url
    served(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        profile.delete()
    assert client.get(url).status_code == 404
    assert f"http://testserver{url}" in page_cache


def test_a_site_setting_change_empties_the_whole_page_cache(
    client, public_site, page_cache, django_capture_on_commit_callbacks
):
    from home.models import SiteSettings

    served(client, "/ja/works/")
    with django_capture_on_commit_callbacks(execute=True):
        SiteSettings.load().save()
    assert client.get("/ja/works/")["X-Page-Cache"] == "miss"
