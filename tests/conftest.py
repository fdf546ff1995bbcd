"""Shared fixtures: the two locales, a site with Japanese and English home pages, the cache."""

import pytest
from django.core.cache import caches
from django.db import connections, transaction
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from tests.committing_client import CommittingClient

# Browser suite hooks: report header (Chromium found or not) and failure screenshots.
pytest_plugins = ["tests.browser.plugin"]


def runs_browser_tests(session):
    return any(item.get_closest_marker("browser") for item in session.items)


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
    if runs_browser_tests(request.session) and database["ENGINE"] == "django.db.backends.sqlite3":
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


def build_site():
    """The site every test starts from: a Japanese home page (the site's root), its English
    translation, both published."""
    locale_ja = Locale.objects.get_or_create(language_code="ja")[0]
    locale_en = Locale.objects.get_or_create(language_code="en")[0]
    Page.objects.filter(depth=2).delete()
    root = Page.objects.get(depth=1)  # (after the delete: treebeard reads its child count)
    home_ja = HomePage(
        title="ホーム", slug="home", locale=locale_ja, hero_title="AIと、映画の手ざわりを。"
    )
    root.add_child(instance=home_ja)
    home_ja.save_revision().publish()
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home_ja, is_default_site=True)
    home_en = home_ja.copy_for_translation(locale_en)
    home_en.title = "Home"
    home_en.hero_title = "AI, with the touch of cinema."
    home_en.save_revision().publish()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """The site is built once per test database, not once per test: each test runs in a
    transaction rolled back at its end. A transactional test (`transaction=True`) empties the
    tables when it ends: with `serialized_rollback` the next one starts from the database as it
    was serialized, which is why the copy is taken again with the site in it; without, the
    tests after it build the site again (`home`)."""
    if runs_browser_tests(request.session):  # (the browser suite loads the demo content)
        return
    with django_db_blocker.unblock():
        build_site()
        for connection in connections.all():
            if hasattr(connection, "_test_serialized_contents"):
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """Django's `setUpTestData` for a module: what a module-scoped fixture writes through it is
    seen by every test of the module (each still rolls its own changes back) and rolled back
    after the last. For content that takes seconds to build, such as the demo."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


def home(language_code):
    """The home page in `language_code`, the site built again if a transactional test emptied it."""
    page = HomePage.objects.filter(depth=2, locale__language_code=language_code).first()
    if page is None or not Site.objects.filter(root_page__depth=2).exists():
        build_site()
        page = HomePage.objects.get(depth=2, locale__language_code=language_code)
    return page


@pytest.fixture
def home_ja(locale_ja, request):
    """The Japanese home page; the English one exists only for tests that ask for `home_en`."""
    page = home("ja")
    if "home_en" not in request.fixturenames:
        Page.objects.filter(depth=2, locale__language_code="en").delete()
    return page


@pytest.fixture
def home_en(home_ja, locale_en):
    return home("en")


@pytest.fixture
def site(home_ja, home_en):
    """A site with both home pages, as a visitor finds it."""
    return {"ja": home_ja, "en": home_en}
