"""Real servers for the production tests, each on a spare loopback port, started and stopped here."""

import shutil
import socket
import subprocess
import time
from pathlib import Path


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
