"""Fixtures for the browser suite: Debian's Chromium through Playwright (sync API), the demo site
served by pytest-django's live server, visitors in Japanese or English, with or without JavaScript.

Every test here is transactional (the live server runs in another thread) and restores the data
the migrations made (serialized rollback) so that it can load the demo content again.
"""

import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connections

from tests.browser.plugin import CHROMIUM, MISSING, PAGES_KEY, chromium_available

# Playwright's sync API runs an event loop in this thread; Django would otherwise refuse the
# ORM calls the tests make between two browser steps.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
LOCALES = {"ja": "ja-JP", "en": "en-US"}
EDITOR_USERNAME = "browser-editor"
EDITOR_PASSWORD = "browser-editor-pass-2026"  # noqa: S105 (test-only account)
TIMEOUT_MS = 15_000


@pytest.fixture(scope="session")
def chromium(django_db_setup):
    if not chromium_available():
        pytest.skip(MISSING)
    from playwright.sync_api import sync_playwright

    # Starting Playwright's sync API moves this thread into a greenlet with a fresh contextvars
    # context, where Django (asgiref.local) would open new database connections that lack the
    # test database's serialized contents. Keep using the connections the test database set up.
    test_connections = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        for alias, connection in test_connections.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="package", autouse=True)
def restore_migration_data_after_the_suite(django_db_setup, django_db_blocker):
    """The last transactional test flushes the database; put back what the migrations made so
    that tests running after this package (other apps' transactional tests) find it."""
    yield
    with django_db_blocker.unblock():
        for connection in connections.all(initialized_only=True):
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents and not _has_root_page(connection):
                connection.creation.deserialize_db_from_string(contents)


def _has_root_page(connection):
    from wagtail.models import Page

    return Page.objects.using(connection.alias).filter(depth=1).exists()


@pytest.fixture
def demo(live_server, django_db_serialized_rollback):
    """The demo content of every app (its `load_demo_content` hooks), served by the live server."""
    call_command("load_demo", stdout=StringIO())
    from home.models import HomePage

    homes = {page.locale.language_code: page for page in HomePage.objects.select_related("locale")}
    return {"url": live_server.url, "homes": homes}


@pytest.fixture
def open_page(chromium, demo, request):
    """open_page(language="ja", javascript=True) -> a Playwright page in a fresh context whose
    browser speaks `language` (Accept-Language and navigator.language)."""
    contexts = []
    pages = request.node.stash.setdefault(PAGES_KEY, [])

    def open_(language="ja", javascript=True, width=1280, height=900):
        context = chromium.new_context(
            base_url=demo["url"],
            locale=LOCALES[language],
            java_script_enabled=javascript,
            viewport={"width": width, "height": height},
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.javascript_enabled = javascript  # the checks need to know (axe-core needs timers)
        pages.append(page)
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def editor(demo):
    """A superuser the editor journeys log in as (Editors group too, so menus are realistic)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_superuser(
        EDITOR_USERNAME, "editor@example.com", EDITOR_PASSWORD
    )
    editors = Group.objects.filter(name="Editors").first()
    if editors:
        user.groups.add(editors)
    return user


def log_in(page, username=EDITOR_USERNAME, password=EDITOR_PASSWORD):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
