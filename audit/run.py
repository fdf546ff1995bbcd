"""`make audit`: Lighthouse (npm lighthouse, pinned in audit/package.json, mobile preset) and
screenshots at 375 px and 1440 px of the demo site served as in production.

Builds a throwaway demo database (/tmp/audit.sqlite3), collects static files, serves the site
with gunicorn on a spare local port (DEBUG off, whitenoise), audits home, works index, a work,
a creator, the policy and the entry form in both languages, prints the figures and writes them
to var/audit/summary.json. Only pages that exist are audited.
"""

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
MAX_TRANSFER_WITHOUT_IMAGES = 100 * 1024
WIDTHS = [375, 1440]


def site_environment(port):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "studio.settings.production",
        "DATABASE_URL": os.environ.get("AUDIT_DATABASE_URL", "sqlite:////tmp/audit.sqlite3"),
        "MEDIA_ROOT": os.environ.get("AUDIT_MEDIA_ROOT", "/tmp/audit-media"),
        "SECRET_KEY": "audit-only-not-secret",
        "DEMO_CONTENT": "true",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
    }


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def spare_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url):
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.status, response.read().decode("utf-8", "replace")


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


def first_link(base, index_path, pattern):
    try:
        status, html = fetch(base + index_path)
    except OSError:
        return None
    match = re.search(pattern, html) if status == 200 else None
    return match.group(1) if match else None


def pages_to_audit(base):
    """(language, name, path) for every audited page that exists on the demo site."""
    pages = []
    for language in ("ja", "en"):
        candidates = [
            ("home", f"/{language}/"),
            ("works", f"/{language}/works/"),
            (
                "work",
                first_link(base, f"/{language}/works/", rf'href="(/{language}/works/[\w-]+/)"'),
            ),
            (
                "creator",
                first_link(
                    base, f"/{language}/creators/", rf'href="(/{language}/creators/[\w-]+/)"'
                ),
            ),
            ("policy", f"/{language}/privacy-policy/"),
            ("entry", f"/{language}/entry/"),
        ]
        for name, path in candidates:
            if not path:
                print(f"  (no {name} page in {language}: skipped)")
                continue
            try:
                status = fetch(base + path)[0]
            except OSError as error:
                status = getattr(error, "code", error)
            if status == 200:
                pages.append((language, name, path))
            else:
                print(f"  ({language} {name} {path} answered {status}: skipped)")
    return pages


def lighthouse(url, report_path):
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
    for attempt in range(1, 4):  # Lighthouse sometimes loses the trace on a busy machine
        done = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM})
        if done.returncode == 0:
            return json.loads(report_path.read_text())
        print(f"  lighthouse failed (attempt {attempt} of 3)")
    return None


def figures(report, base):
    audits = report["audits"]
    scores = {c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    requests = audits.get("network-requests", {}).get("details", {}).get("items", [])
    without_images = sum(
        item.get("transferSize", 0) for item in requests if item.get("resourceType") != "Image"
    )
    third_party = [item["url"] for item in requests if not item.get("url", "").startswith(base)]
    console = audits.get("errors-in-console", {}).get("details", {}).get("items", [])
    blocking = audits.get("render-blocking-resources", {}).get("details", {}).get("items", [])
    return {
        "scores": scores,
        "transfer_without_images": without_images,
        "transfer_total": sum(item.get("transferSize", 0) for item in requests),
        "console_errors": [item.get("description", "") for item in console],
        "third_party_requests": third_party,
        "render_blocking": [item.get("url") for item in blocking],
        "lcp_ms": round(audits.get("largest-contentful-paint", {}).get("numericValue", 0)),
        "failed_audits": sorted(
            audit_id
            for category in ("accessibility", "best-practices", "seo")
            for ref in report["categories"][category]["auditRefs"]
            if ref.get("weight")
            for audit_id in [ref["id"]]
            if audits[audit_id].get("score") not in (None, 1)
        ),
    }


def screenshots(base, pages):
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS)
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            for language, name, path in pages:
                page.goto(base + path, wait_until="networkidle")
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
                target = SCREENSHOTS / f"{language}-{name}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
            context.close()
        browser.close()


def main():
    if not Path(CHROMIUM).exists():
        sys.exit(f"audit needs Chromium at {CHROMIUM} (apt-get install chromium)")
    port = int(os.environ.get("AUDIT_PORT", spare_port()))
    base = f"http://127.0.0.1:{port}"
    env = site_environment(port)
    print("== demo site (migrate, load_demo, collectstatic)")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput", "-v0")
    print(f"== gunicorn on {base}")
    server = subprocess.Popen(
        [
            PYTHON, "-m", "gunicorn", "audit.wsgi:application",
            "--bind", f"127.0.0.1:{port}", "--workers", "2", "--log-level", "warning",
        ],
        cwd=ROOT,
        env=env,
    )  # fmt: skip
    try:
        wait_until_up(base, server)
        pages = pages_to_audit(base)
        OUT.mkdir(parents=True, exist_ok=True)
        results, failed = [], []
        for language, name, path in pages:
            for _ in range(2):  # warm the renditions: the first request generates them
                fetch(base + path)
            print(f"== lighthouse {path}")
            report = lighthouse(base + path, OUT / f"{language}-{name}.json")
            if report is None:
                failed.append(f"{language} {name}: Lighthouse failed three times")
                continue
            results.append({"language": language, "page": name, "path": path,
                            **figures(report, base)})  # fmt: skip
        print("== screenshots (375 px, 1440 px)")
        screenshots(base, pages)
    finally:
        server.terminate()
        server.wait(timeout=30)
    (OUT / "summary.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    report_table(results)
    if failed:
        sys.exit("\n".join(failed))


def report_table(results):
    header = f"{'page':<22}{'perf':>6}{'a11y':>6}{'bp':>6}{'seo':>6}{'KB w/o img':>12}  console"
    print("\n" + header + "\n" + "-" * len(header))
    misses = []
    for row in results:
        s = row["scores"]
        kb = row["transfer_without_images"] / 1024
        label = f"{row['language']} {row['page']}"
        print(
            f"{label:<22}{s['performance']:>6}{s['accessibility']:>6}{s['best-practices']:>6}"
            f"{s['seo']:>6}{kb:>12.1f}  {len(row['console_errors'])}"
        )
        misses += [f"{label}: {c} {s[c]} < {t}" for c, t in TARGETS.items() if s[c] < t]
        if row["transfer_without_images"] > MAX_TRANSFER_WITHOUT_IMAGES:
            misses.append(f"{label}: {kb:.1f} KB without images > 100 KB")
        misses += [f"{label}: console error {e}" for e in row["console_errors"]]
        misses += [f"{label}: failed audit {a}" for a in row["failed_audits"]]
        misses += [f"{label}: third-party request {u}" for u in row["third_party_requests"]]
    print(f"\nscreenshots: {SCREENSHOTS}/   reports: {OUT}/")
    if misses:
        print("\nBelow target:\n  " + "\n  ".join(misses))
    else:
        print("\nEvery page meets the targets.")


if __name__ == "__main__":
    main()
