"""Fixtures for the browser suite: Debian's Chromium through Playwright (sync API), the demo site
served by pytest-django's live server, visitors in Japanese or English, with or without JavaScript.

The demo content is built once per session (see `_live_server_helper` below); tests that change
it (an entry, a policy revision, a translation) make changes that the other tests tolerate.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connections

from tests.browser.plugin import CHROMIUM, MISSING, PAGES_KEY, chromium_available

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
TIMEOUT_MS = 30_000
NAVIGATION_TIMEOUT_MS = 90_000


@pytest.fixture(scope="session")
def chromium(request):
    if not chromium_available():
        pytest.skip(MISSING)
    request.getfixturevalue("django_db_setup")  # its connections must exist before Playwright's
    from playwright.sync_api import expect, sync_playwright

    # Assertions wait as long as actions do: some answers (a romanised slug, a rendition) take
    # a server round trip that a busy machine stretches well past Playwright's 5 s default.
    expect.set_options(timeout=TIMEOUT_MS)

    # Playwright's sync API runs an event loop in this thread; Django would otherwise refuse the
    # ORM calls the tests make between two browser steps. Only while the browser suite runs (it
    # runs last): subprocesses such as `check --deploy` must not inherit it.
    patch = pytest.MonkeyPatch()
    patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    request.addfinalizer(patch.undo)

    # Starting Playwright's sync API moves this thread into a greenlet with a fresh contextvars
    # context, where Django (asgiref.local) would open new database connections beside the ones
    # the test database and the live server share. Keep using those.
    test_connections = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        for alias, connection in test_connections.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def _live_server_helper(request, django_db_blocker):
    """Replaces pytest-django's helper of the same name, which makes every live-server test
    transactional: the database would be flushed after each test and the demo content (tens
    of seconds to build, images included) rebuilt every time. Here the demo is built once per
    session and the tests read and write it like a visitor would. The plugin (plugin.py) runs
    these tests after every other test, so nothing else ever sees that database."""
    if "live_server" not in request.fixturenames:
        yield
        return
    live_server = request.getfixturevalue("live_server")
    live_server._live_server_modified_settings.enable()
    with django_db_blocker.unblock():
        yield
    live_server._live_server_modified_settings.disable()


@pytest.fixture(scope="session")
def demo_content(live_server, django_db_setup, django_db_blocker):
    """The demo content of every app (the `demo` app's `load_demo`), loaded once. The
    database stays open to the live server between tests too: a browser may still send a
    request (the admin's editing-session beacon) after its test has ended."""
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=StringIO())
        from home.models import HomePage

        homes = {
            page.locale.language_code: page for page in HomePage.objects.select_related("locale")
        }
        yield {"url": live_server.url, "homes": homes}


@pytest.fixture
def demo(demo_content, live_server):
    return demo_content


def watch_content_security_policy(page):
    """Collect what Chromium reports as refused by the content security policy (it says so in
    the console): `page.csp_violations`, checked after every browser test."""
    page.csp_violations = []

    def on_console(message):
        if "Content Security Policy" in message.text:
            page.csp_violations.append(f"{page.url}: {message.text}")

    page.on("console", on_console)


@pytest.fixture
def open_page(chromium, demo, request):
    """open_page(language="ja", javascript=True) -> a Playwright page in a fresh context whose
    browser speaks `language` (Accept-Language and navigator.language). No page may break the
    content security policy (public or admin) on the way."""
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
        # The first view of a page renders its images (AVIF, WebP): slow on a busy machine.
        context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.javascript_enabled = javascript  # the checks need to know (axe-core needs timers)
        watch_content_security_policy(page)
        pages.append(page)
        return page

    yield open_
    violations = [violation for page in pages for violation in page.csp_violations]
    for context in contexts:
        context.close()
    assert violations == [], "content security policy violations:\n" + "\n".join(violations)


@pytest.fixture
def editor(demo):
    """A superuser the editor journeys log in as (in the Editors group too)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    User = get_user_model()
    user = User.objects.filter(username=EDITOR_USERNAME).first() or User.objects.create_superuser(
        EDITOR_USERNAME, "editor@example.com", EDITOR_PASSWORD
    )
    editors = Group.objects.filter(name="Editors").first()
    if editors:
        user.groups.add(editors)
    return admin_in_english(user)


def admin_in_english(user):
    """The journeys read the admin's English labels, whatever the site's default language."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def log_in(page, username=EDITOR_USERNAME, password=EDITOR_PASSWORD):
    """Sign in as staff do: password, then the code of their authenticator app (enrolled for
    the user here if they have none, as they would have done once on their phone)."""
    from django.contrib.auth import get_user_model

    from tests.accounts.second_factor import current_code, enrolled_authenticator

    device = enrolled_authenticator(get_user_model().objects.get(username=username))
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/accounts/two-factor/verify/**")
    page.locator("#id_code").fill(current_code(device))
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_url("**/admin/")


def approve_pending_policy_amendment(language="ja"):
    """The demo leaves an amendment of the policy awaiting Legal approval. Approve it as the
    demo's admin or Legal publisher (a journey that revises the policy itself starts from a settled policy).
    Returns False when nothing was waiting."""
    from django.contrib.auth import get_user_model

    from policy.models import PolicyPage

    page = PolicyPage.objects.get(locale__language_code=language)
    state = page.current_workflow_state
    if state is None:
        return False
    from demo.management.commands.load_demo import DEMO_PUBLISHER, DEMO_USERNAME

    approver = get_user_model().objects.filter(username__in=[DEMO_USERNAME, DEMO_PUBLISHER])
    state.current_task_state.approve(user=approver.order_by("username").first())
    return True
