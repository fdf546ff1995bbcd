"""Real servers for the production tests, each on a spare loopback port, started and stopped here."""

import shutil
import socket
import subprocess
import sys
import time
from email import message_from_bytes
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def spare_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, timeout=10.0, up=True):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                if up:
                    return
        except OSError:
            if not up:
                return
        time.sleep(0.05)
    raise TimeoutError(f"port {port} is still {'down' if up else 'up'}")


class RedisServer:
    """A redis-server of our own that keeps its data across a stop and a start (like a Redis that
    was unreachable for a while), so a test can see what comes back after an outage."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = spare_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [shutil.which("redis-server"), "--bind", "127.0.0.1", "--port", str(self.port),
             "--dir", str(self.folder), "--dbfilename", "dump.rdb", "--save", "",
             "--appendonly", "no", "--logfile", str(self.folder / "redis.log")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for_port(self.port)

    def stop(self):
        """SHUTDOWN SAVE: the data written so far is there again after start()."""
        subprocess.run(
            ["redis-cli", "-p", str(self.port), "shutdown", "save"],
            capture_output=True,
            timeout=10,
        )
        self.process.wait(timeout=10)
        wait_for_port(self.port, up=False)

    def close(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


class AppServer:
    """gunicorn serving the site with `env` (settings, database, Redis), its log in `folder`."""

    def __init__(self, folder: Path, env: dict, name="web", workers=1):
        self.port = spare_port()
        self.log_path = folder / f"{name}.log"
        self.env = env
        self.workers = workers
        self.process = None

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "studio.wsgi:application",
             "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers),
             "--timeout", "30", "--graceful-timeout", "5", "--log-level", "warning"],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        wait_for_port(self.port, timeout=60)
        return self

    def close(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self.process:
            self.log.close()

    def log_text(self):
        return self.log_path.read_text(errors="replace")


def manage(env, *args, log=None):
    """A manage.py command of the site as a process of its own (the worker, a timer's job)."""
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=env, stdout=log or subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )  # fmt: skip


class SmtpServer:
    """A real SMTP server (aiosmtpd) on a fixed spare port that can be stopped and started again;
    it keeps every message it accepted across restarts."""

    def __init__(self):
        self.port = spare_port()
        self.messages = []  # (recipient, subject, body) of every message accepted
        self.controller = None

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.original_content or envelope.content)
        body = message.get_payload(decode=True) or b""
        for recipient in envelope.rcpt_tos:
            self.messages.append((recipient.lower(), str(message["Subject"]), body.decode()))
        return "250 Message accepted for delivery"

    def start(self):
        from aiosmtpd.controller import Controller

        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        self.controller.stop()
        self.controller = None
        wait_for_port(self.port, up=False)

    def close(self):
        if self.controller is not None:
            self.stop()


def database_url(params, name):
    """A DATABASE_URL for database `name` on the server of Django's connection `params`."""
    password = f":{params['PASSWORD']}" if params["PASSWORD"] else ""
    host, port = params["HOST"] or "127.0.0.1", params["PORT"] or 5432
    return f"postgres://{params['USER']}{password}@{host}:{port}/{name}"
