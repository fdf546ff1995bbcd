"""`make bench`: serve the site with gunicorn and measure a few pages (a benchmark, not a test).

Everything happens in a temporary directory (SQLite database, media, settings) on the loopback
interface; the project's db.sqlite3 is never touched. Two rounds: the demo content, then the
demo plus a catalogue of 1,000 more works per language (`load_demo --works 1000`).

For each page it prints requests per second, p50 and p95 latency (a bounded number of requests
from a few client threads) and the number of database queries one request runs.
"""

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PAGES = [
    ("home", "/ja/"),
    ("works index", "/ja/works/"),
    ("works index, filtered p2", "/ja/works/?category=short-film&page=2"),
    ("work page", "/ja/works/shibuya-midnight/"),
    ("policy page", "/ja/privacy-policy/"),
]
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "300"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "4"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(max(2, os.cpu_count() or 2))))
CATALOGUE = int(os.environ.get("BENCH_WORKS", "1000"))

SETTINGS = """
from studio.settings.base import *  # noqa
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa

DEBUG = False
SECRET_KEY = "bench-only"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": {db!r},
    "OPTIONS": {{"init_command": "PRAGMA journal_mode=WAL;"}}}}}}
MEDIA_ROOT = {media!r}
LOGGING = {{"version": 1, "disable_existing_loggers": False, "root": {{"level": "ERROR"}}}}
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def fetch(url):
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, time.perf_counter() - start


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def measure(base, path):
    status, _ = fetch(base + path)
    if status == 404:
        return None
    for _ in range(3):  # warm up: renditions, caches
        fetch(base + path)
    started = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        results = list(pool.map(lambda _: fetch(base + path), range(REQUESTS)))
    elapsed = time.perf_counter() - started
    latencies = [seconds * 1000 for _, seconds in results]
    errors = sum(1 for status, _ in results if status != 200)
    return {
        "rps": REQUESTS / elapsed,
        "p50": statistics.median(latencies),
        "p95": percentile(latencies, 0.95),
        "errors": errors,
    }


def query_counts(env):
    """Queries per request, measured in a separate process with Django's test client."""
    script = textwrap.dedent(
        """
        import django, json, sys
        django.setup()
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext
        client = Client()
        counts = {}
        for path in sys.argv[1:]:
            client.get(path)
            with CaptureQueriesContext(connection) as context:
                status = client.get(path).status_code
            counts[path] = len(context.captured_queries) if status == 200 else None
        print(json.dumps(counts))
        """
    )
    paths = [path for _, path in PAGES]
    output = subprocess.run(
        [sys.executable, "-c", script, *paths],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    import json

    return json.loads(output.strip().splitlines()[-1])


def serve_and_measure(env, label):
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "studio.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                fetch(base + "/robots.txt")
                break
            except OSError:
                time.sleep(0.2)
        counts = query_counts(env)
        print(f"\n## {label} (gunicorn, {WORKERS} workers, {CLIENTS} clients, {REQUESTS} requests)")
        print(f"{'page':28} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
        for name, path in PAGES:
            result = measure(base, path)
            if result is None:
                print(f"{name:28} {'(no such page: skipped)':>36}")
                continue
            errors = f"  ({result['errors']} errors)" if result["errors"] else ""
            print(
                f"{name:28} {result['rps']:8.1f} {result['p50']:8.1f} {result['p95']:8.1f} "
                f"{counts.get(path)!s:>8}{errors}"
            )
    finally:
        server.terminate()
        server.wait(timeout=10)


def main():
    workdir = Path(tempfile.mkdtemp(prefix="allin-bench-"))
    try:
        (workdir / "bench_settings.py").write_text(
            SETTINGS.format(db=str(workdir / "bench.sqlite3"), media=str(workdir / "media"))
        )
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench_settings",
            "PYTHONPATH": os.pathsep.join([str(workdir), str(BASE_DIR)]),
        }
        env.pop("DATABASE_URL", None)
        env.pop("REDIS_URL", None)
        print("Preparing a temporary database with the demo content...", flush=True)
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo")
        serve_and_measure(env, "Demo content")
        print(f"\nAdding {CATALOGUE} works per language...", flush=True)
        manage(env, "load_demo", "--works", str(CATALOGUE))
        serve_and_measure(env, f"Demo content + {CATALOGUE} works per language")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
