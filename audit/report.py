"""Reading a Lighthouse JSON report: figures, errored audits, and what made a bad run bad.

An audit Lighthouse could not run has `scoreDisplayMode: "error"` and no items; read naively, an
errored `render-blocking-resources` looks like "nothing render-blocking". Here an errored audit is
never a pass: `errored_audits` names it and the run counts as failed.
"""

import statistics

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def errored_audits(report):
    """{audit id: error message} for every audit Lighthouse could not run, plus a page-level
    runtime error (the page did not load) under the key "runtimeError"."""
    errors = {
        audit_id: audit.get("errorMessage") or "errored"
        for audit_id, audit in report.get("audits", {}).items()
        if audit.get("scoreDisplayMode") == "error"
    }
    runtime = report.get("runtimeError")
    if runtime:
        errors["runtimeError"] = f"{runtime.get('code')}: {runtime.get('message', '')}"
    return errors


def items(report, audit_id):
    return report["audits"].get(audit_id, {}).get("details", {}).get("items", [])


def render_blocking(report):
    """URLs Lighthouse found render-blocking, or None when it could not tell (audit errored)."""
    audit = report["audits"].get("render-blocking-resources")
    if audit is None or audit.get("scoreDisplayMode") == "error":
        return None
    return [item["url"] for item in items(report, "render-blocking-resources")]


def failed_audits(report):
    """Weighted accessibility, best-practice and SEO audits that did not pass."""
    return sorted(
        ref["id"]
        for category in ("accessibility", "best-practices", "seo")
        for ref in report["categories"][category]["auditRefs"]
        if ref.get("weight") and report["audits"][ref["id"]].get("score") not in (None, 1)
    )


def figures(report, base):
    audits = report["audits"]
    requests = items(report, "network-requests")
    document = next((r for r in requests if r.get("resourceType") == "Document"), {})
    return {
        "scores": {c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES},
        "errored_audits": errored_audits(report),
        "transfer_without_images": sum(
            r.get("transferSize", 0) for r in requests if r.get("resourceType") != "Image"
        ),
        "transfer_total": sum(r.get("transferSize", 0) for r in requests),
        "document_transfer": document.get("transferSize", 0),
        "document_size": document.get("resourceSize", 0),
        "console_errors": [i.get("description", "") for i in items(report, "errors-in-console")],
        "third_party_requests": [
            r["url"] for r in requests if not r.get("url", "").startswith(base)
        ],
        "render_blocking_lighthouse": render_blocking(report),
        "uncompressed_text": [i["url"] for i in items(report, "uses-text-compression")],
        "lcp_ms": round(audits.get("largest-contentful-paint", {}).get("numericValue", 0)),
        "tbt_ms": round(audits.get("total-blocking-time", {}).get("numericValue", 0)),
        "failed_audits": failed_audits(report),
        "causes": causes(report),
    }


def causes(report):
    """What the main thread and the network spent the run on, biggest first: the answer to
    "which resource made this run slow" (a long task's URL, the heaviest work, slow requests)."""
    found = []
    for task in sorted(items(report, "long-tasks"), key=lambda t: -t.get("duration", 0))[:3]:
        found.append(f"long task {task.get('duration', 0):.0f} ms ({task.get('url', '?')})")
    work = sorted(items(report, "mainthread-work-breakdown"), key=lambda w: -w.get("duration", 0))
    if work:
        top = work[0]
        found.append(
            f"main thread: {top.get('groupLabel', top.get('group'))} {top['duration']:.0f} ms"
        )
    slow = [
        (r.get("networkEndTime", 0) - r.get("networkRequestTime", 0), r.get("url", "?"))
        for r in items(report, "network-requests")
    ]
    for duration, url in sorted(slow, reverse=True)[:2]:
        found.append(f"request {duration:.0f} ms ({url})")
    return found


def summarise(runs):
    """Three (or more) runs of one page: the median of each score and metric, the worst
    performance run, and that run's causes."""
    worst = min(runs, key=lambda run: run["scores"]["performance"])
    return {
        "runs": len(runs),
        "median": {
            **{c: statistics.median(r["scores"][c] for r in runs) for c in CATEGORIES},
            "lcp_ms": statistics.median(r["lcp_ms"] for r in runs),
            "tbt_ms": statistics.median(r["tbt_ms"] for r in runs),
        },
        "worst": {
            "performance": worst["scores"]["performance"],
            "lcp_ms": worst["lcp_ms"],
            "tbt_ms": worst["tbt_ms"],
            "load_average": worst.get("load_average"),
            "causes": worst["causes"],
        },
        "errored_audits": sorted({a for r in runs for a in r["errored_audits"]}),
    }
