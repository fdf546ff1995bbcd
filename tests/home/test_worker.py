"""The task worker survives a database outage (issue 12: `db_worker` died for good after 6 s).

On PostgreSQL, on a database of the test's own (a copy of the test database): the worker sends
an email, then every connection is refused and the live ones are terminated for 6 seconds
(`ALTER DATABASE … ALLOW_CONNECTIONS false`), then the database comes back; the same worker
process must still be running and send the next email, each exactly once.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connections

# Transactional (no test transaction: the database is copied and its sessions closed); the data
# the migrations made is put back afterwards for the tests that follow.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs PostgreSQL (DATABASE_URL): SQLite has no connections to refuse",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COMMAND = "run_worker"  # `db_worker` fails this test: it exits on the first connection error
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def worker_database(django_db_blocker):
    """(url, admin connection) of a fresh copy of the test database, dropped afterwards."""
    psycopg = pytest.importorskip("psycopg")
    connection = connections["default"]
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL): SQLite has no connections to refuse")
    params = connection.settings_dict
    with django_db_blocker.unblock():
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_database()")
            (template,) = cursor.fetchone()  # the test database, migrated
        connections.close_all()  # a template database must have no other session
    name = f"{template}_worker"
    server = {
        "host": params["HOST"] or "127.0.0.1",
        "port": params["PORT"] or 5432,
        "user": params["USER"],
        "password": params["PASSWORD"] or None,
    }
    admin = psycopg.connect(dbname="postgres", autocommit=True, **server)
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    password = f":{server['password']}" if server["password"] else ""
    url = f"postgres://{server['user']}{password}@{server['host']}:{server['port']}/{name}"
    yield url, name, admin, psycopg.connect(dbname=name, autocommit=True, **server)
    admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def manage(env, *args, **kwargs):
    command = [sys.executable, "manage.py", *args]
    return subprocess.Popen(command, cwd=ROOT, env=env, **kwargs)


def queue_email(env, to):
    script = (
        "from django.db import transaction\n"
        "from home.outbox import OutboxEmail, send_email\n"
        f"email = OutboxEmail.objects.create(template='t', to_address='{to}', language='en',"
        " subject='Worker test', body='body')\n"
        "send_email.enqueue(email.pk)\n"
    )
    assert manage(env, "shell", "-c", script).wait(timeout=120) == 0


def wait_until_sent(database, to, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            row = database.execute(
                "SELECT delivery FROM home_outboxemail WHERE to_address = %s", [to]
            ).fetchone()
        except Exception:  # noqa: BLE001  our own session was cut by the outage too
            return False
        if row and row[0] == "sent":
            return True
        time.sleep(0.5)
    return False


def test_the_worker_outlives_a_six_second_database_outage(worker_database, tmp_path):
    url, name, admin, database = worker_database
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
        "WORKER_TEST_MAIL_DIR": str(tmp_path),
        "PYTHONUNBUFFERED": "1",
    }
    log = (tmp_path / "worker.log").open("w")
    worker = manage(
        env, COMMAND, "--interval", "0.2", "--no-startup-delay", "--max-delay", "2",
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        queue_email(env, "before@example.com")
        assert wait_until_sent(database, "before@example.com"), "the worker never sent"

        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        )
        time.sleep(6)
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        assert worker.poll() is None, f"the worker exited during the outage ({worker.returncode})"

        queue_email(env, "after@example.com")
        database = __import__("psycopg").connect(url.replace("postgres://", "postgresql://"))
        database.autocommit = True
        assert wait_until_sent(database, "after@example.com"), "nothing sent after the outage"
        assert worker.poll() is None
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        database.close()
    sent = [
        path for path in tmp_path.iterdir() if path.suffix == ".log" and path.name != "worker.log"
    ]
    assert len(sent) == 2, (tmp_path / "worker.log").read_text()[-2000:]
    assert "Database unavailable" in (tmp_path / "worker.log").read_text()
