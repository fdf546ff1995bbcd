"""Shared fixtures: the two locales, a site with Japanese and English home pages, the cache."""

import pytest
from django.core.cache import caches
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from tests.committing_client import CommittingClient

# Browser suite hooks: report header (Chromium found or not) and failure screenshots.
pytest_plugins = ["tests.browser.plugin"]


@pytest.fixture(scope="session")
def django_db_modify_db_settings(request, django_db_modify_db_settings_parallel_suffix):
    """When browser tests run, SQLite's test database is a file, not memory.

    The live server answers every request in a thread of its own. With an in-memory database
    Django hands all those threads and the test's one shared connection, and two requests at once
    (a page and its images, the admin's autosave beside a click) break each other's savepoints:
    one failed request left the connection outside autocommit, and every later browser test
    failed with it. A file gives each thread its own connection; SQLite serialises the writers
    (IMMEDIATE transactions wait up to `timeout` seconds for the lock instead of failing)."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    runs_browser_tests = any(item.get_closest_marker("browser") for item in request.session.items)
    if runs_browser_tests and database["ENGINE"] == "django.db.backends.sqlite3":
        database["TEST"]["NAME"] = str(settings.BASE_DIR / "var" / "browser-tests.sqlite3")
        database["OPTIONS"] = {
            **database.get("OPTIONS", {}),
            "timeout": 30,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL;",
        }
        (settings.BASE_DIR / "var").mkdir(exist_ok=True)


def clear_every_cache():
    # Every alias: the renditions cache keys on image ids, which a new test database reuses.
    for alias in caches:
        caches[alias].clear()


@pytest.fixture
def client():
    return CommittingClient()


@pytest.fixture(autouse=True)
def clear_cache():
    clear_every_cache()
    yield
    clear_every_cache()


@pytest.fixture(autouse=True)
def second_factor_on_force_login(monkeypatch):
    """`client.force_login(user)` signs in with both factors, as staff do (the authenticator is
    enrolled for the user): see tests/accounts/second_factor.py."""
    from django.test import Client

    from tests.accounts.second_factor import force_login_with_second_factor

    monkeypatch.setattr(Client, "force_login", force_login_with_second_factor)


@pytest.fixture
def locale_ja(db):
    return Locale.objects.get_or_create(language_code="ja")[0]


@pytest.fixture
def locale_en(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def home_ja(locale_ja):
    root = Page.objects.get(depth=1)
    Page.objects.filter(depth=2).delete()
    home = HomePage(
        title="ホーム", slug="home", locale=locale_ja, hero_title="AIと、映画の手ざわりを。"
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def home_en(home_ja, locale_en):
    home = home_ja.copy_for_translation(locale_en)
    home.title = "Home"
    home.hero_title = "AI, with the touch of cinema."
    home.save_revision().publish()
    return home


@pytest.fixture
def site(home_ja, home_en):
    """A site with both home pages, as a visitor finds it."""
    return {"ja": home_ja, "en": home_en}
