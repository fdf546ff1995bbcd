"""Pytest plugin for the browser suite: says loudly whether Chromium is there, and keeps a
screenshot and the HTML of every page a failing browser test had open.

Registered from tests/conftest.py (`pytest_plugins`) because report headers are only read from
plugins and the root conftest.
"""

import os
import re
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "var" / "test-artifacts"
MISSING = f"browser tests SKIPPED: chromium not found at {CHROMIUM} (apt-get install chromium)"

# The pages of the running test, registered by the browser fixtures (see conftest.py).
PAGES_KEY = pytest.StashKey[list]()
ARTIFACTS_KEY = pytest.StashKey[list]()


def chromium_available():
    return os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)


def pytest_report_header(config):
    if chromium_available():
        return f"browser tests: Chromium at {CHROMIUM}; failure artefacts in {ARTIFACTS}"
    return MISSING


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests share one demo database that they never flush (see conftest.py), so they
    run after every other test, including pytest-django's transactional ones."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


def _slug(nodeid):
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid).strip("_")[-150:]


def _save_pages(item, when):
    pages = item.stash.get(PAGES_KEY, [])
    saved = []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for number, page in enumerate(pages, start=1):
        if page.is_closed():
            continue
        stem = ARTIFACTS / f"{_slug(item.nodeid)}-{when}-{number}"
        try:
            page.screenshot(path=f"{stem}.png", full_page=True, timeout=10_000)
            saved.append(f"{stem}.png")
        except Exception as error:  # a crashed page must not hide the test's own failure
            saved.append(f"{stem}.png not saved: {error}")
        try:
            Path(f"{stem}.html").write_text(
                f"<!-- {page.url} -->\n{page.content()}", encoding="utf-8"
            )
            saved.append(f"{stem}.html")
        except Exception as error:
            saved.append(f"{stem}.html not saved: {error}")
    return saved


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed and item.get_closest_marker("browser") and item.stash.get(PAGES_KEY, None):
        saved = _save_pages(item, report.when)
        if saved:
            item.stash.setdefault(ARTIFACTS_KEY, []).extend(saved)
            report.sections.append(("browser artefacts", "\n".join(saved)))
            item.config.stash.setdefault(ARTIFACTS_KEY, []).append((item.nodeid, saved))
    return report


def pytest_sessionstart(session):
    # Artefacts describe the last run only.
    if ARTIFACTS.exists():
        shutil.rmtree(ARTIFACTS, ignore_errors=True)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    browser_tests = [
        report
        for reports in terminalreporter.stats.values()
        for report in reports
        if getattr(report, "when", None) == "call" or getattr(report, "skipped", False)
        if "tests/browser/" in getattr(report, "nodeid", "")
    ]
    if not chromium_available() and browser_tests:
        terminalreporter.section("browser tests", sep="!", red=True, bold=True)
        terminalreporter.write_line(MISSING, red=True, bold=True)
    for nodeid, saved in config.stash.get(ARTIFACTS_KEY, []):
        terminalreporter.section("browser failure artefacts", sep="-", yellow=True)
        terminalreporter.write_line(nodeid)
        for path in saved:
            terminalreporter.write_line(f"  {path}")
