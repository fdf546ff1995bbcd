"""deploy/: every command a unit runs exists and runs here; the gunicorn config loads; the nginx
config passes `nginx -t` with its placeholders filled (skipped, with the reason, without nginx)."""

import configparser
import io
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command, get_commands, load_command_class

from tests.database_outage import PRODUCTION_TASKS

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
MANAGE = "manage.py"
# Long-running commands: only their options are checked here (the worker runs in test_worker.py).
LONG_RUNNING = {"run_worker"}


def units():
    for path in sorted((DEPLOY / "systemd").iterdir()):
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        parser.optionxform = str
        parser.read(path)
        yield path.name, parser


def managed_commands():
    """[(unit, command, args)] for every manage.py command a unit runs or a timer triggers."""
    found = []
    for name, unit in units():
        if unit.has_option("Service", "ExecStart"):
            argv = shlex.split(unit.get("Service", "ExecStart"))
            if MANAGE in argv and "%I" not in argv:
                rest = argv[argv.index(MANAGE) + 1 :]
                found.append((name, rest[0], rest[1:]))
        if unit.has_option("Timer", "Unit"):
            target = unit.get("Timer", "Unit")
            assert (DEPLOY / "systemd" / "allin-job@.service").exists(), name
            command = target.removeprefix("allin-job@").removesuffix(".service")
            found.append((name, command, []))
    return found


def test_the_units_name_the_jobs_the_readme_asks_for():
    commands = {command for _unit, command, _args in managed_commands()}
    assert {
        "run_worker",
        "publish_scheduled",
        "retry_emails",
        "clearsessions",
        "enforce_retention",
        "expire_privacy_answers",
    } <= commands
    worker = dict(units())["allin-worker.service"]
    assert worker.get("Service", "Restart") == "always"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("unit", "command", "args"), managed_commands(), ids=lambda value: str(value)
)
def test_every_command_a_unit_runs_exists_and_runs(unit, command, args, settings):
    assert command in get_commands(), f"{unit} runs an unknown command {command!r}"
    settings.TASKS = PRODUCTION_TASKS  # the worker runs on the database queue, as in production
    if command in LONG_RUNNING:
        parser = load_command_class(get_commands()[command], command).create_parser("", command)
        parser.parse_args(args)
        return
    out = io.StringIO()
    call_command(command, *args, stdout=out, stderr=out)


def test_the_gunicorn_config_loads():
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--check-config", "-c", "deploy/gunicorn.conf.py",
         "studio.wsgi"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_nginx_config_passes_its_own_check(tmp_path):
    nginx = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None
    )
    if nginx is None:
        pytest.skip("nginx is not installed (.ci/run installs Debian's nginx for this check)")
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed: no certificate to check the TLS server with")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=allin.example", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    site = (DEPLOY / "nginx" / "allin.conf").read_text()
    for placeholder, value in {
        "__SERVER_NAME__": "allin.example",
        "__ROOT__": str(ROOT),
        "__CERT__": str(cert),
        "__KEY__": str(key),
    }.items():
        assert placeholder in site, placeholder
        site = site.replace(placeholder, value)
    (tmp_path / "allin.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log stderr;\nevents {{}}\n"
        f"http {{\n  access_log off;\n  include {tmp_path}/allin.conf;\n}}\n"
    )
    result = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "server_tokens off" in site and "proxy_hide_header Server" in site
    assert "client_max_body_size" in site and "$proxy_add_x_forwarded_for" in site
