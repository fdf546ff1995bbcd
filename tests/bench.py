"""`make bench`: every public page type served by gunicorn, as a ratio to a static file served by
the same gunicorn in the same run (a benchmark, not a test).

The machine is shared and its load changes from minute to minute, so absolute requests per second
mean little from one run to the next; the ratio to a static file (WhiteNoise, no database, no
template) measured by the same server between the pages does. The issue's target: a cached page
at least 0.5 of the static file's rate.

For each database (SQLite in a temporary folder; PostgreSQL too when BENCH_POSTGRES_URL's server
answers: a database of its own, dropped afterwards) the demo content is loaded (`load_demo`),
then gunicorn is started twice: page cache off, then on (with a redis-server of its own on a
spare port when `redis-server` is installed, as in production; else local memory). The load
average is printed with each table: read the figures with it.
"""

import json
import os
import shutil
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

from tests.production.servers import RedisServer, spare_port, wait_for_port

BASE_DIR = Path(__file__).resolve().parent.parent
PAGE_TYPES = [  # (name, page model): the first live Japanese page of each type is measured
    ("home", "home.HomePage"),
    ("works index", "works.WorksIndexPage"),
    ("work page", "works.WorkPage"),
    ("creators index", "creators.CreatorsIndexPage"),
    ("creator profile", "creators.CreatorPage"),
    ("entry form", "creators.EntryFormPage"),
    ("contact page", "contact.ContactPage"),
    ("news index", "news.NewsIndexPage"),
    ("policy", "policy.PolicyPage"),
]
STATIC = "/static/css/site.css"
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "4"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
POSTGRES_NAME = os.environ.get("BENCH_POSTGRES_DB", "allin_bench")

SETTINGS = """
from studio.settings.base import *  # noqa
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa
DEBUG = False
SECRET_KEY = "bench-only"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
MEDIA_ROOT = {media!r}
STATIC_ROOT = {static!r}  # empty: WhiteNoise serves from the finders
WHITENOISE_USE_FINDERS = True  # the static file without collectstatic
LOGGING = {{"version": 1, "disable_existing_loggers": False, "root": {{"level": "ERROR"}}}}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["OPTIONS"] = {{"init_command": "PRAGMA journal_mode=WAL;"}}
"""

PATHS_SCRIPT = """
import django, json, sys
django.setup()
from django.apps import apps
from wagtail.models import Locale
ja = Locale.objects.get(language_code="ja")
found = {}
for name, label in json.loads(sys.argv[1]):
    page = apps.get_model(label).objects.live().filter(locale=ja).order_by("path").first()
    found[name] = page.get_url() if page else None
print(json.dumps(found))
"""

QUERIES_SCRIPT = """
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


def run(env, *args, capture=False):
    result = subprocess.run(
        [sys.executable, *args], cwd=BASE_DIR, env=env, check=True, text=True,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
    )  # fmt: skip
    return result.stdout


def fetch(url, header=None):
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
            return response.headers.get(header) if header else response.status
    except urllib.error.HTTPError as error:
        return None if header else error.code


def rate(base, path):
    """(requests per second, errors) for REQUESTS requests from CLIENTS threads, after a warm-up."""
    for _ in range(3):
        fetch(base + path)
    started = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        statuses = list(pool.map(lambda _: fetch(base + path), range(REQUESTS)))
    return REQUESTS / (time.perf_counter() - started), sum(s != 200 for s in statuses)


def serve(env):
    port = spare_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "studio.wsgi:application",
         "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS), "--log-level", "warning"],
        cwd=BASE_DIR, env=env,
    )  # fmt: skip
    wait_for_port(port, timeout=120)
    return server, f"http://127.0.0.1:{port}"


def measure(env, paths):
    """{page: (ratio to the static file, errors, X-Page-Cache)} and the static file's rate."""
    server, base = serve(env)
    try:
        for path in paths.values():  # each worker loads the site; pages make their renditions
            fetch(base + path)
        statics, ratios = [], {}
        statics.append(rate(base, STATIC)[0])
        for name, path in paths.items():
            page_rate, errors = rate(base, path)
            statics.append(rate(base, STATIC)[0])  # the static file again, beside each page
            served = fetch(base + path, "X-Page-Cache") or "-"
            ratios[name] = (page_rate / statistics.mean(statics[-2:]), errors, served)
        return ratios, statistics.mean(statics)
    finally:
        server.terminate()
        server.wait(timeout=30)


def bench_database(label, env, redis):
    print(f"\nLoading the demo content ({label})...", flush=True)
    run(env, "manage.py", "migrate", "--noinput")
    run(env, "manage.py", "load_demo")
    found = json.loads(run(env, "-c", PATHS_SCRIPT, json.dumps(PAGE_TYPES), capture=True))
    paths = {name: path for name, path in found.items() if path}
    off = {**env, "PAGE_CACHE": "off"}
    queries = json.loads(run(off, "-c", QUERIES_SCRIPT, *paths.values(), capture=True))
    load_before = os.getloadavg()
    uncached, static_off = measure(off, paths)
    on = {**env, "PAGE_CACHE": "on", "CACHE_KEY_PREFIX": f"bench-{label}"}
    if redis:
        on["REDIS_URL"] = redis.url
    cached, static_on = measure(on, paths)
    load_after = os.getloadavg()
    print(
        f"\n## {label}: gunicorn {WORKERS} workers, {CLIENTS} clients, {REQUESTS} requests a "
        f"page; page cache in {'Redis' if redis else 'local memory'}\n"
        f"load average (1 min) {load_before[0]:.1f} at the start, {load_after[0]:.1f} at the end; "
        f"the static file: {static_off:.0f} req/s (cache off run), {static_on:.0f} (cache on run)"
    )
    print("Requests per second as a percentage of the static file's, measured beside each page:")
    print(f"{'page':18} {'cache off':>9} {'cache on':>9} {'X-Page-Cache':>13} {'queries':>8}")
    for name, path in paths.items():
        errors = uncached[name][1] + cached[name][1]
        note = f"  {errors} errors" if errors else ""
        print(
            f"{name:18} {uncached[name][0]:9.1%} {cached[name][0]:9.1%} {cached[name][2]:>13} "
            f"{queries.get(path)!s:>8}{note}"
        )
    for name in dict(PAGE_TYPES).keys() - paths.keys():
        print(f"{name:18} (no such page in the demo: skipped)")


def postgres_admin():
    """An autocommit session on the PostgreSQL server, or None when it is not reachable."""
    import psycopg

    try:
        return psycopg.connect(POSTGRES.replace("postgres://", "postgresql://") + "/postgres",
                               autocommit=True, connect_timeout=5)  # fmt: skip
    except psycopg.OperationalError:
        return None


def postgres_database(admin):
    """The URL of a fresh database of the bench's own."""
    admin.execute(f'DROP DATABASE IF EXISTS "{POSTGRES_NAME}" WITH (FORCE)')
    admin.execute(f'CREATE DATABASE "{POSTGRES_NAME}"')
    return f"{POSTGRES}/{POSTGRES_NAME}"


def main():
    workdir = Path(tempfile.mkdtemp(prefix="allin-bench-"))
    redis = RedisServer(workdir) if shutil.which("redis-server") else None
    admin = postgres_admin()
    try:
        (workdir / "static").mkdir()
        (workdir / "bench_settings.py").write_text(
            textwrap.dedent(
                SETTINGS.format(media=str(workdir / "media"), static=str(workdir / "static"))
            )
        )
        env = {
            **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
            "DJANGO_SETTINGS_MODULE": "bench_settings",
            "PYTHONPATH": os.pathsep.join([str(workdir), str(BASE_DIR)]),
        }
        if redis:
            redis.start()
        print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} (1 min)")
        sqlite = {**env, "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}"}
        bench_database("SQLite", sqlite, redis)
        if admin:
            postgres = {**env, "DATABASE_URL": postgres_database(admin)}
            bench_database("PostgreSQL", postgres, redis)
        else:
            print(f"\nPostgreSQL not reachable at {POSTGRES}: measured on SQLite only.")
    finally:
        if redis:
            redis.close()
        if admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{POSTGRES_NAME}" WITH (FORCE)')
            admin.close()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
