"""`make audit`: Lighthouse (npm lighthouse, pinned in audit/package.json, mobile preset) and
screenshots at 375 px and 1440 px of the demo site served as in production.

Builds a throwaway demo database (var/audit/demo.sqlite3), runs the tasks the demo queued (the search
index among them), collects static files and serves the site with gunicorn on a spare local port
(DEBUG off, whitenoise). Audits one page of every page type in the tree in both languages, the
routes under them and the search (audit/pages.py), each RUNS times: the median and the worst run
are reported, with the machine's load average and what the worst run spent its time on. Also
checks, without Lighthouse, that HTML is gzipped and what blocks rendering in <head>. Writes
var/audit/summary.json; exits non-zero when a page misses a target or an audit errored.

Environment: AUDIT_RUNS (3), AUDIT_LANGUAGES ("ja en"), AUDIT_ONLY (audit only pages whose name
contains one of these words), AUDIT_PORT, AUDIT_DATABASE_URL, AUDIT_MEDIA_ROOT, CHROME_PATH.
"""

import gzip
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.head import render_blocking_in_head  # noqa: E402
from audit.report import CATEGORIES, figures, summarise  # noqa: E402

AUDIT = ROOT / "audit"
OUT = ROOT / "var" / "audit"
SCREENSHOTS = ROOT / "var" / "screenshots"
PYTHON = sys.executable
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
RUNS = int(os.environ.get("AUDIT_RUNS", "3"))
LANGUAGES = os.environ.get("AUDIT_LANGUAGES", "ja en").split()
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
MAX_TRANSFER_WITHOUT_IMAGES = 100 * 1024
MAX_BLOCKING = 2  # the site stylesheet and one page stylesheet; never a script
WIDTHS = [375, 1440]


def site_environment(port):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "studio.settings.production",
        "DATABASE_URL": os.environ.get("AUDIT_DATABASE_URL", f"sqlite:///{OUT / 'demo.sqlite3'}"),
        "MEDIA_ROOT": os.environ.get("AUDIT_MEDIA_ROOT", str(OUT / "media")),
        "SECRET_KEY": "audit-only-not-secret",
        "DEMO_CONTENT": "true",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "PORT": str(port),  # load_demo: the links the site makes point at this server
        "LOG_LEVEL": "WARNING",
    }


def manage(env, *args, **kwargs):
    return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, **kwargs)


def build_demo(env):
    print("== demo site (migrate, load_demo, queued tasks, collectstatic)")
    OUT.mkdir(parents=True, exist_ok=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo", "--post-amendment")  # the compare page is audited too
    # Production queues the search index updates (and emails) for db_worker: run them all, as
    # a worker would, or the audited search finds nothing.
    with open(OUT / "worker.log", "w") as log:
        manage(env, "db_worker", "--batch", "--queue-name", "*", "--no-startup-delay",
               stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
    manage(env, "collectstatic", "--noinput", "-v0")


def spare_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, compressed=False):
    """(status, headers, body bytes as sent, decoded text)."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if compressed else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, error.headers, error.read()
    text = gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body
    return status, headers, body, text.decode("utf-8", "replace")


def wait_until_up(base, server):
    for _ in range(120):
        if server.poll() is not None:
            sys.exit("gunicorn stopped before serving the site")
        try:
            if fetch(f"{base}/ja/")[0] == 200:
                return
        except OSError:
            time.sleep(1)
    sys.exit("the site did not come up in two minutes")


def discover(env):
    done = subprocess.run(
        [PYTHON, "-m", "audit.pages", *LANGUAGES],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    pages = json.loads(done.stdout)
    only = os.environ.get("AUDIT_ONLY", "").split()
    return [p for p in pages if not only or any(part in p["name"] for part in only)]


def served_html(base, page):
    """What the site sends a browser that accepts gzip: compression, blocking resources, and
    whether a search shows results."""
    url = base + page["path"]
    status, headers, body, html = fetch(url, compressed=True)
    has_secret = "csrfmiddlewaretoken" in html or "private" in headers.get("Cache-Control", "")
    return {
        "status": status,
        "html_bytes": len(html.encode()),
        "sent_bytes": len(body),
        "content_encoding": headers.get("Content-Encoding") or "none",
        "compression_expected": not has_secret,
        "render_blocking_head": [url for kind, url in render_blocking_in_head(html, url)],
        "blocking_scripts": [
            url for kind, url in render_blocking_in_head(html, url) if kind == "script"
        ],
        "search_results": 'class="search-results"' in html,
    }


def lighthouse(url, report_path, exclude):
    binary = AUDIT / "node_modules" / ".bin" / "lighthouse"
    command = [
        str(binary),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report_path}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        "--max-wait-for-load=60000",
    ]
    if exclude:
        command.append(f"--skip-audits={','.join(exclude)}")
    for attempt in range(1, 4):  # Lighthouse sometimes loses the trace on a busy machine
        done = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM})
        if done.returncode == 0:
            return json.loads(report_path.read_text())
        print(f"  lighthouse failed (attempt {attempt} of 3)")
    return None


def audit_page(base, page):
    label = f"{page['language']} {page['name']}"
    for _ in range(2):  # warm the renditions: the first request generates them
        fetch(base + page["path"])
    served = served_html(base, page)
    slug = f"{page['language']}-{page['name'].replace(' ', '-')}"
    runs, failures = [], []
    for number in range(1, RUNS + 1):
        load = os.getloadavg()[0]
        print(f"== lighthouse {page['path']} (run {number} of {RUNS}, load {load:.1f})")
        report = lighthouse(base + page["path"], OUT / f"{slug}-{number}.json", page["exclude"])
        if report is None:
            failures.append(f"{label}: Lighthouse failed three times on run {number}")
            continue
        runs.append({**figures(report, base), "load_average": round(load, 2)})
    row = {**page, "served": served, "runs": runs}
    if runs:
        row["summary"] = summarise(runs)
    return row, failures


def misses(row):
    """Everything about one audited page that is below target, in words."""
    label = f"{row['language']} {row['name']}"
    found, served = [], row["served"]
    if served["status"] != 200:
        return [f"{label}: {row['path']} answered {served['status']}"]
    if row.get("results") and not served["search_results"]:
        found.append(f"{label}: the search shows no results (is the index built?)")
    if served["compression_expected"] and served["content_encoding"] != "gzip":
        found.append(f"{label}: HTML not compressed ({served['html_bytes']} bytes)")
    if served["blocking_scripts"]:
        found.append(f"{label}: render-blocking scripts {served['blocking_scripts']}")
    if len(served["render_blocking_head"]) > MAX_BLOCKING:
        found.append(f"{label}: {len(served['render_blocking_head'])} render-blocking resources")
    if "summary" not in row:
        return found
    summary, last = row["summary"], row["runs"][-1]
    for audit_id in summary["errored_audits"]:
        found.append(f"{label}: Lighthouse audit {audit_id} errored (a failure, not a pass)")
    found += [
        f"{label}: {c} median {summary['median'][c]} < {t}"
        for c, t in TARGETS.items()
        if summary["median"][c] < t
    ]
    if last["transfer_without_images"] > MAX_TRANSFER_WITHOUT_IMAGES:
        found.append(f"{label}: {last['transfer_without_images'] / 1024:.1f} KB without images")
    for run in row["runs"]:
        found += [f"{label}: console error {e}" for e in run["console_errors"]]
        found += [f"{label}: failed audit {a}" for a in run["failed_audits"]]
        found += [f"{label}: third-party request {u}" for u in run["third_party_requests"]]
    return sorted(set(found), key=found.index)


def screenshots(base, pages):
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS)
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            for audited in pages:
                page.goto(base + audited["path"], wait_until="networkidle")
                # Scroll through once so lazily loaded images are in the full-page picture.
                page.evaluate(
                    """async () => {
                        for (let y = 0; y < document.body.scrollHeight; y += 600) {
                            window.scrollTo(0, y);
                            await new Promise(resolve => setTimeout(resolve, 50));
                        }
                        window.scrollTo(0, 0);
                    }"""
                )
                page.wait_for_load_state("networkidle")
                name = f"{audited['language']}-{audited['name'].replace(' ', '-')}-{width}.png"
                page.screenshot(path=str(SCREENSHOTS / name), full_page=True)
            context.close()
        browser.close()


def main():
    if not Path(CHROMIUM).exists():
        sys.exit(f"audit needs Chromium at {CHROMIUM} (apt-get install chromium)")
    port = int(os.environ.get("AUDIT_PORT", spare_port()))
    base = f"http://127.0.0.1:{port}"
    env = site_environment(port)
    started = {"at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "load": os.getloadavg()}
    build_demo(env)
    print(f"== gunicorn on {base}")
    server = subprocess.Popen(
        [
            PYTHON, "-m", "gunicorn", "audit.wsgi:application",
            "--bind", f"127.0.0.1:{port}", "--workers", "2", "--log-level", "warning",
        ],
        cwd=ROOT,
        env=env,
    )  # fmt: skip
    rows, failures = [], []
    try:
        wait_until_up(base, server)
        pages = discover(env)
        for page in pages:
            row, failed = audit_page(base, page)
            rows.append(row)
            failures += failed
        print("== screenshots (375 px, 1440 px)")
        screenshots(base, [row for row in rows if row["served"]["status"] == 200])
    finally:
        server.terminate()
        server.wait(timeout=30)
    finished = {"at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "load": os.getloadavg()}
    below = failures + [miss for row in rows for miss in misses(row)]
    summary = {"started": started, "finished": finished, "runs_per_page": RUNS,
               "pages": rows, "below_target": below}  # fmt: skip
    (OUT / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    (OUT / "summary.md").write_text(markdown_table(summary))
    report_table(summary)
    if below:
        sys.exit(1)


def report_table(summary):
    print(f"\nstarted {summary['started']['at']}, load average {fmt_load(summary['started'])};"
          f" finished {summary['finished']['at']}, load average {fmt_load(summary['finished'])}")  # fmt: skip
    header = (
        f"{'page':<24}{'perf med/worst':>15}{'a11y':>6}{'bp':>5}{'seo':>5}{'LCP ms':>8}"
        f"{'load':>6}{'HTML KB sent/raw':>18}  blocking  excluded"
    )
    print("\n" + header + "\n" + "-" * len(header))
    for row in summary["pages"]:
        label = f"{row['language']} {row['name']}"
        served = row["served"]
        sent = f"{served['sent_bytes'] / 1024:.1f}/{served['html_bytes'] / 1024:.1f}"
        sent += " gz" if served["content_encoding"] == "gzip" else "   "
        if "summary" not in row:
            print(f"{label:<24}{'no Lighthouse run':>15}")
            continue
        median, worst = row["summary"]["median"], row["summary"]["worst"]
        print(
            f"{label:<24}{median['performance']:>9.0f}/{worst['performance']:<5}"
            f"{median['accessibility']:>6.0f}{median['best-practices']:>5.0f}{median['seo']:>5.0f}"
            f"{median['lcp_ms']:>8.0f}{worst['load_average'] or 0:>6.1f}{sent:>18}"
            f"  {len(served['render_blocking_head'])} css   {','.join(row['exclude']) or '-'}"
        )
        if worst["performance"] < TARGETS["performance"]:
            print(f"{'':<24}worst run: " + "; ".join(worst["causes"]))
    excluded = {a: why for row in summary["pages"] for a, why in row["exclude"].items()}
    for audit_id, why in excluded.items():
        print(f"\nexcluded: {audit_id} on search pages: {why}")
    print(f"\nscreenshots: {SCREENSHOTS}/   reports and summary.json: {OUT}/")
    if summary["below_target"]:
        print("\nBelow target or failed:\n  " + "\n  ".join(summary["below_target"]))
    else:
        print("\nEvery page meets the targets; no Lighthouse audit errored.")


def markdown_table(summary):
    """The figures as the README shows them (var/audit/summary.md)."""
    lines = [
        "| page | perf median / worst | load at worst | a11y | bp | SEO | LCP ms median"
        " | HTML KB sent / raw | blocking in head | Lighthouse errors |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in summary["pages"]:
        served = row["served"]
        sent = f"{served['sent_bytes'] / 1024:.1f} / {served['html_bytes'] / 1024:.1f}"
        sent += " (gzip)" if served["content_encoding"] == "gzip" else " (not compressed)"
        label = f"{row['language']} {row['name']}"
        if "summary" not in row:
            lines.append(f"| {label} | no run | | | | | | {sent} | | |")
            continue
        median, worst = row["summary"]["median"], row["summary"]["worst"]
        seo = f"{median['seo']:.0f}" + (" *" if row["exclude"] else "")
        lines.append(
            f"| {label} | {median['performance']:.0f} / {worst['performance']}"
            f" | {worst['load_average']:.1f} | {median['accessibility']:.0f}"
            f" | {median['best-practices']:.0f} | {seo} | {median['lcp_ms']:.0f} | {sent}"
            f" | {len(served['render_blocking_head'])} CSS"
            f" | {', '.join(row['summary']['errored_audits']) or 'none'} |"
        )
    return "\n".join(lines) + "\n"


def fmt_load(moment):
    return " ".join(f"{value:.2f}" for value in moment["load"])


if __name__ == "__main__":
    main()
