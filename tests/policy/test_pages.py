"""What visitors read: the policy in force, its history, one version, a comparison, the feed."""

import datetime as dt
import re

import feedparser
import pytest
import time_machine
from django.utils import timezone

from policy.diff import mark_changes
from policy.versions import PolicyVersion
from tests.policy.factories import DEFAULT_ARTICLES, policy_body, publish

JST_ISO = re.compile(r'<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00">')


def test_policy_page_shows_text_moment_history_link_and_inquiry_window(policy_ja, client):
    html = client.get("/ja/privacy-policy/").content.decode()
    version = PolicyVersion.objects.get()
    local = timezone.localtime(version.effective_at).isoformat(timespec="seconds")
    assert f'<time datetime="{local}">' in html
    assert local.endswith("+09:00")
    assert "個人情報とは、生存する個人に関する情報をいいます。" in html
    assert 'href="/ja/privacy-policy/versions/"' in html
    assert 'class="inquiry-window"' in html.split('<footer class="site-footer">')[0]
    assert "filmproduction@allhero.co.jp" in html


def test_history_lists_versions_newest_first_with_their_periods(policy_ja, client):
    start = timezone.now() + dt.timedelta(days=1)
    with time_machine.travel(start, tick=False):
        publish(policy_ja, summary_of_changes="第1条を改定しました。")
    html = client.get("/ja/privacy-policy/versions/").content.decode()
    assert html.index("versions/2/") < html.index("versions/1/")
    assert "第1条を改定しました。" in html and "初版" in html
    assert len(JST_ISO.findall(html)) == 3  # v1 from/until, v2 from
    assert 'href="/ja/privacy-policy/versions/1/compare/2/"' in html


def test_an_old_version_is_marked_as_not_in_force(policy_ja, client):
    publish(policy_ja, summary_of_changes="改定", body=policy_body(("新しい条", ["新しい本文"])))
    old = client.get("/ja/privacy-policy/versions/1/").content.decode()
    assert "policy-notice--superseded" in old
    assert "個人情報とは、生存する個人に関する情報をいいます。" in old  # as posted
    assert "新しい本文" not in old
    current = client.get("/ja/privacy-policy/versions/2/").content.decode()
    assert "policy-notice--superseded" not in current
    assert "新しい本文" in current


@pytest.mark.parametrize(
    "url",
    [
        "/ja/privacy-policy/versions/0/",
        "/ja/privacy-policy/versions/2/",
        "/ja/privacy-policy/versions/abc/",
        "/ja/privacy-policy/versions/1/compare/1/",
        "/ja/privacy-policy/versions/1/compare/3/",
        "/ja/privacy-policy/versions/2/compare/1/",
        "/ja/privacy-policy/versions/x/compare/1/",
        "/ja/privacy-policy/versions/1/compare/",
    ],
)
def test_unknown_versions_and_bad_comparisons_are_404(policy_ja, client, url):
    assert client.get(url).status_code == 404


def test_each_language_has_its_own_numbers(policy_ja, policy_en, client):
    publish(policy_ja, summary_of_changes="改定")
    assert client.get("/ja/privacy-policy/versions/2/").status_code == 200
    assert client.get("/en/privacy-policy/versions/2/").status_code == 404
    assert (
        "Personal information means"
        in client.get("/en/privacy-policy/versions/1/").content.decode()
    )


def test_english_comparison_marks_words(policy_ja, policy_en, client):
    publish(
        policy_en,
        summary_of_changes="Article 1 amended",
        body=policy_body(
            ("Privacy Information", ["Personal information means data about a living person."]),
            ("Inquiry Window", ["Please contact the window below."]),
            preamble="We handle information regarding our users as outlined below.",
        ),
    )
    html = client.get("/en/privacy-policy/versions/1/compare/2/").content.decode()
    assert "<del>information</del><ins>data</ins>" in html
    assert "(unchanged)" in html  # Article 2


def test_japanese_comparison_marks_characters(policy_ja, client):
    publish(
        policy_ja,
        summary_of_changes="第1条を改定",
        body=policy_body(
            ("プライバシー情報", ["個人情報とは、生存する個人に関するデータをいいます。"]),
            *DEFAULT_ARTICLES[1:],
        ),
    )
    html = client.get("/ja/privacy-policy/versions/1/compare/2/").content.decode()
    assert "関する<del>情報</del><ins>データ</ins>をいいます" in html


def test_diff_tokenises_by_language():
    assert (
        str(mark_changes("個人情報", "個人データ", "ja")) == "個人<del>情報</del><ins>データ</ins>"
    )
    assert (
        str(mark_changes("the old text", "the new text", "en"))
        == "the <del>old</del><ins>new</ins> text"
    )
    assert "&lt;b&gt;" in mark_changes("a", "<b>", "en")


def test_feed_is_valid_atom_with_every_version(policy_ja, client):
    publish(policy_ja, summary_of_changes="第2版の変更点")
    response = client.get("/ja/privacy-policy/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert [entry.link for entry in feed.entries] == [
        "http://testserver/ja/privacy-policy/versions/2/",
        "http://testserver/ja/privacy-policy/versions/1/",
    ]
    assert feed.entries[0].summary == "第2版の変更点"
    assert feed.entries[0].id != feed.entries[1].id
    assert feed.feed.author_detail.name == "ALLIN STUDIO"
    assert feed.feed.author_detail.href == "http://testserver/"


def test_history_query_count_is_constant(policy_ja, client, django_assert_max_num_queries):
    client.get("/ja/privacy-policy/versions/")  # warm Site/locale caches
    with django_assert_max_num_queries(20) as few:
        client.get("/ja/privacy-policy/versions/")
    # Read now: the connection keeps its last 9,000 queries only, and the publishes run many.
    limit = len(few.captured_queries)
    for n in range(49):
        publish(policy_ja, summary_of_changes=f"改定{n}")
    assert PolicyVersion.objects.count() == 50
    client.get("/ja/privacy-policy/versions/")  # the schedule is read again once after a publish
    with django_assert_max_num_queries(limit):
        html = client.get("/ja/privacy-policy/versions/").content.decode()
    assert html.count('class="policy-history__entry"') == 50
    with django_assert_max_num_queries(limit):
        client.get("/ja/privacy-policy/feed/")


def test_english_page_says_japanese_is_authoritative_and_when_it_is_behind(
    policy_ja, policy_en, client
):
    html = client.get("/en/privacy-policy/").content.decode()
    assert "The Japanese text is the authoritative version" in html
    assert "policy-notice--behind" not in html
    publish(policy_ja, summary_of_changes="改定")
    html = client.get("/en/privacy-policy/").content.decode()
    assert "policy-notice--behind" in html
    assert "This translation is behind the Japanese text." in html
    assert 'href="/ja/privacy-policy/versions/2/"' in html
    assert "authoritative" not in client.get("/ja/privacy-policy/").content.decode()


@pytest.mark.parametrize(
    "path",
    ["", "versions/", "versions/1/", "versions/1/compare/2/", "feed/"],
    ids=["current", "history", "version", "compare", "feed"],
)
def test_shared_caches_keep_it_only_until_purged(policy_ja, client, path):
    # Publishing purges every one of these, in the page cache and at the CDN (home.purge,
    # tests/cache/test_guarantees.py); a scheduled moment caps s-maxage (home.page_cache).
    publish(policy_ja, summary_of_changes="第2版")
    response = client.get(f"/ja/privacy-policy/{path}")
    assert response.status_code == 200
    assert "public" in response["Cache-Control"] and "s-maxage" in response["Cache-Control"]


def test_the_policy_page_within_budget_for_1_and_20_versions(
    policy_ja, policy_en, client, django_assert_max_num_queries
):
    """Issue 12: the policy in force in at most ten queries with the page cache off (the
    schedule, the navigation and the settings come from the shared cache)."""

    def count(path):
        client.get(path)
        with django_assert_max_num_queries(10) as captured:
            assert client.get(path).status_code == 200
        return len(captured.captured_queries)

    few = [count("/ja/privacy-policy/"), count("/en/privacy-policy/")]
    for n in range(19):
        publish(policy_ja, summary_of_changes=f"改定{n}")
    assert [count("/ja/privacy-policy/"), count("/en/privacy-policy/")] == few
