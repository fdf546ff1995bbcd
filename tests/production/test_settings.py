"""Production settings for many app servers: a shared cache, the right client address, media."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory

from home.ratelimit import client_address

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {"SECRET_KEY": "k3y-" + "a1b2c3d4e5" * 6, "ALLOWED_HOSTS": "allin.example"}


def run_production(env_overrides, code):
    drop = {"SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL", "AWS_STORAGE_BUCKET_NAME"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(DJANGO_SETTINGS_MODULE="studio.settings.production", **env_overrides)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_shared_cache():
    result = run_production(PRODUCTION, "print('started')")
    assert result.returncode != 0
    assert "Set the REDIS_URL environment variable" in result.stderr


def test_production_without_object_storage_serves_media(tmp_path):
    (tmp_path / "original_images").mkdir()
    (tmp_path / "original_images" / "still.txt").write_text("a film still")
    code = (
        "from django.test import Client; "
        "r = Client().get('/media/original_images/still.txt', secure=True, "
        "HTTP_HOST='allin.example'); "
        "print(r.status_code, b''.join(r.streaming_content).decode(), r['Cache-Control'])"
    )
    env = {**PRODUCTION, "REDIS_URL": "redis://127.0.0.1:1/0", "MEDIA_ROOT": str(tmp_path)}
    result = run_production(env, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:3] == ["200", "a", "film"]
    assert "public" in result.stdout


def test_production_with_object_storage_leaves_media_to_it():
    env = {**PRODUCTION, "REDIS_URL": "redis://127.0.0.1:1/0", "AWS_STORAGE_BUCKET_NAME": "b"}
    result = run_production(env, "from django.conf import settings; print(settings.STORAGES)")
    assert "S3Storage" in result.stdout, result.stderr


@pytest.mark.parametrize(
    ("trusted", "forwarded", "expected"),
    [
        # No proxy trusted: whatever the header says, the socket's address counts.
        (0, "6.6.6.6", "10.0.0.9"),
        # One proxy (nginx) appends the address it saw: the client's own entries are ignored.
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),
        (1, "203.0.113.7", "203.0.113.7"),
        # CDN then nginx: the visitor is the second entry from the right.
        (2, "1.1.1.1, 2.2.2.2, 203.0.113.7, 198.51.100.1", "203.0.113.7"),
        # Fewer entries than proxies: the leftmost one there is.
        (3, "203.0.113.7, 198.51.100.1", "203.0.113.7"),
        (True, "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # the old boolean means one proxy
    ],
)
def test_client_address_is_taken_from_the_right(settings, trusted, forwarded, expected):
    settings.RATE_LIMIT_TRUST_FORWARDED_FOR = trusted
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_database_down_answers_503_in_the_visitors_language_with_retry_after():
    # A PostgreSQL address where nothing listens: every query fails as in a real outage.
    code = (
        "from django.test import Client; c = Client(raise_request_exception=False); "
        "import json; out = {}\n"
        "for path in ('/ja/', '/en/works/', '/en/creators/x/'):\n"
        "    r = c.get(path)\n"
        "    out[path] = [r.status_code, r.get('Retry-After'), r.get('Cache-Control'),"
        " r.content.decode()]\n"
        "print(json.dumps(out))"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "studio.settings.test",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:9/allin_down",
    }
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{code}"],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    import json

    answers = json.loads(result.stdout.strip().splitlines()[-1])
    for path, (status, retry_after, cache_control, html) in answers.items():
        assert status == 503, path
        assert retry_after == "30"
        assert "no-store" in cache_control
        assert "Traceback" not in html and "OperationalError" not in html
    assert "一時的にご利用いただけません" in answers["/ja/"][3]
    assert 'lang="ja"' in answers["/ja/"][3]
    assert "The site is briefly unavailable" in answers["/en/works/"][3]
    assert 'lang="en"' in answers["/en/works/"][3]
