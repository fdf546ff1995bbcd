import pytest

pytestmark = pytest.mark.django_db


def test_root_redirects_to_japanese_by_default(client, site):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/ja/"


def test_root_follows_accept_language(client, site):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response["Location"] == "/en/"


def test_language_cookie_wins_over_accept_language(client, site, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ja")
    assert response["Location"] == "/en/"


def test_the_language_read_is_remembered_by_the_browser_not_by_the_server(client, site, settings):
    # A Japanese browser that chose English in the switcher keeps English at `/`: the page
    # sets the cookie itself (static/js/language.js), since a Set-Cookie from the server would
    # make every page per-visitor for the CDN and the page cache.
    response = client.get("/en/", HTTP_ACCEPT_LANGUAGE="ja")
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    html = response.content.decode()
    assert '<html lang="en">' in html and 'data-language-cookie="django_language"' in html
    assert f'data-language-cookie-age="{365 * 24 * 60 * 60}"' in html
    script = (settings.BASE_DIR / "static" / "js" / "language.js").read_text()
    assert "SameSite=Lax" in script and 'getAttribute("lang")' in script
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # what the script stores
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ja")["Location"] == "/en/"


def test_the_switcher_remembers_the_choice_without_javascript(client, site, settings):
    # A Japanese browser without JavaScript chooses English: `/` keeps it in English.
    response = client.get("/language/en/?next=/en/", HTTP_ACCEPT_LANGUAGE="ja")
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME]["samesite"] == "Lax"
    assert response["Cache-Control"] == "private, no-store"  # a per-visitor answer
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ja")["Location"] == "/en/"
    client.get("/language/ja/?next=/ja/")
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/ja/"


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/en/", "/\\evil.example/", "", "javascript:alert(1)"],
)
def test_the_switcher_never_sends_the_visitor_elsewhere(client, site, target):
    response = client.get("/language/en/", {"next": target})
    assert response["Location"] == "/en/"


def test_the_switcher_refuses_a_language_the_site_does_not_have(client, site, settings):
    response = client.get("/language/fr/?next=/en/", follow=True)
    assert response.status_code == 404
    assert settings.LANGUAGE_COOKIE_NAME not in client.cookies


def test_unknown_language_falls_back_to_japanese(client, site):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
    assert response["Location"] == "/ja/"


@pytest.mark.parametrize("language, text", [("ja", "AIと、映画の手ざわりを。"), ("en", "AI, with")])
def test_each_language_serves_its_home(client, site, language, text):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert text in html.replace("<wbr>", "")  # Japanese breaks by phrase (test_typography)


def test_pages_declare_their_translations_with_hreflang(client, site):
    html = client.get("/en/").content.decode()
    assert '<link rel="alternate" hreflang="ja" href="http://testserver/ja/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/">' in html


def test_switcher_links_to_the_same_page_in_the_other_language(client, site):
    html = client.get("/ja/").content.decode()
    assert '<a href="/language/en/?next=/en/" hreflang="en" lang="en">English</a>' in html
    assert '<span aria-current="true" lang="ja">日本語</span>' in html


def test_switcher_falls_back_to_the_other_home_without_a_translation(client, site):
    from home.models import HomePage

    only_japanese = HomePage(title="限定", slug="only-ja", hero_title="日本語のみ")
    site["ja"].add_child(instance=only_japanese)
    only_japanese.save_revision().publish()
    html = client.get("/ja/only-ja/").content.decode()
    assert '<a href="/language/en/?next=/en/" hreflang="en" lang="en">English</a>' in html


def test_interface_text_is_translated(client, site):
    assert "コンテンツへスキップ" in client.get("/ja/").content.decode()
    assert "Skip to content" in client.get("/en/").content.decode()


@pytest.mark.parametrize(
    "language, text", [("ja", "ページが見つかりません"), ("en", "Page not found")]
)
def test_404_in_the_visitors_language(client, site, language, text):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert text in response.content.decode()
    assert f'<html lang="{language}">' in response.content.decode()


def test_footer_shows_the_inquiry_window_in_both_languages(client, site):
    ja = client.get("/ja/").content.decode()
    en = client.get("/en/").content.decode()
    assert "映像制作グループ" in ja and "filmproduction@allhero.co.jp" in ja
    assert "Film Production Group" in en
    assert "1-3-5 Higashi, Shibuya-ku" in en


def test_reading_pages_sets_no_cookie(client, site, settings):
    for url in ("/ja/", "/en/", "/ja/search/?q=映像", "/en/search/?q=film"):
        cookies = client.get(url).cookies
        assert not cookies, (url, set(cookies))
