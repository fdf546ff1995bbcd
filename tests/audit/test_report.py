"""The Lighthouse report parser, over fragments of real reports saved from this machine
(Lighthouse 12.2.3 and 12.8.2 against Chromium 156, the Japanese home page)."""

import json
from pathlib import Path

from audit.report import errored_audits, failed_audits, figures, render_blocking, summarise

HERE = Path(__file__).parent
BASE = "http://127.0.0.1:8714"


def report(version):
    return json.loads((HERE / f"lighthouse-{version}-chromium156.json").read_text())


def test_an_errored_audit_is_a_failure_not_an_empty_pass():
    broken = report("12.2.3")  # frame_sequence: six audits errored, render-blocking among them
    errors = errored_audits(broken)
    assert set(errors) == {
        "largest-contentful-paint-element",
        "lcp-lazy-loaded",
        "layout-shifts",
        "non-composited-animations",
        "prioritize-lcp-image",
        "render-blocking-resources",
    }
    assert "frame_sequence" in errors["render-blocking-resources"]
    # The errored audit has no items: read naively that is "nothing render-blocking".
    assert render_blocking(broken) is None
    assert figures(broken, BASE)["errored_audits"] == errors


def test_a_working_render_blocking_audit_names_the_stylesheets():
    working = report("12.8.2")
    assert errored_audits(working) == {}
    assert render_blocking(working) == [
        f"{BASE}/static/css/works.afe663607dfe.css",
        f"{BASE}/static/css/site.0eaf8abf0549.css",
    ]


def test_a_page_that_did_not_load_is_a_failure():
    broken = report("12.8.2")
    broken["runtimeError"] = {"code": "NO_FCP", "message": "The page did not paint any content."}
    assert errored_audits(broken) == {"runtimeError": "NO_FCP: The page did not paint any content."}


def test_a_failing_weighted_audit_is_named():
    fragment = report("12.8.2")
    assert failed_audits(fragment) == []
    fragment["audits"]["color-contrast"]["score"] = 0
    assert failed_audits(fragment) == ["color-contrast"]


def test_uncompressed_html_is_reported():
    # This report predates the gzip middleware: Lighthouse flagged the document itself.
    assert figures(report("12.8.2"), BASE)["uncompressed_text"] == [f"{BASE}/ja/"]


def run(performance, lcp, causes=(), errors=None):
    return {
        "scores": {
            "performance": performance,
            "accessibility": 100,
            "best-practices": 100,
            "seo": 100,
        },
        "lcp_ms": lcp,
        "tbt_ms": 0,
        "causes": list(causes),
        "errored_audits": errors or {},
        "load_average": 1.0,
    }


def test_summary_gives_median_and_worst_with_its_cause():
    runs = [run(99, 1200), run(51, 5600, ["long task 5512 ms (/ja/)"]), run(100, 1100)]
    summary = summarise(runs)
    assert summary["median"]["performance"] == 99
    assert summary["median"]["lcp_ms"] == 1200
    assert summary["worst"]["performance"] == 51
    assert summary["worst"]["causes"] == ["long task 5512 ms (/ja/)"]


def test_summary_keeps_an_error_from_any_single_run():
    runs = [run(100, 1000), run(100, 1000, errors={"render-blocking-resources": "x"}), run(100, 1)]
    assert summarise(runs)["errored_audits"] == ["render-blocking-resources"]


def test_causes_name_the_long_task_and_the_heaviest_work():
    from audit.report import causes

    found = causes(report("12.8.2"))
    assert found[0] == "long task 251 ms (http://127.0.0.1:8714/ja/)"
    assert any(c.startswith("main thread: Other ") for c in found)
