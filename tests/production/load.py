"""A bounded load on loopback for the fault suite: a few client threads, each sending one request
after another (page GETs, and every few requests an entry-form post with an address of its own),
every answer recorded with the phase of the run it was sent in."""

import itertools
import threading
import time
from collections import Counter
from dataclasses import dataclass

from tests.creators.test_entry_form import entry_data

from .visitor import Visitor

PAGES = [
    "/ja/",
    "/ja/works/",
    "/ja/works/shibuya-midnight/",
    "/ja/creators/",
    "/ja/privacy-policy/",
]
ENTRY = "/ja/entry/"


@dataclass
class Record:
    phase: str  # when it was sent
    answered_in: str  # when the answer came (a queued request may be answered in the next phase)
    kind: str  # "get" or "post"
    target: str  # the path, or the address a post sent
    status: int  # 0: no answer (refused, reset, timed out)
    page_cache: str | None
    retry_after: str | None


class Load:
    def __init__(self, base, policy_number, clients=3, post_every=4, pause=0.02):
        self.base = base
        self.policy_number = policy_number
        self.clients = clients
        self.post_every = post_every
        self.pause = pause
        self.phase = "before"
        self.records = []
        self.numbers = itertools.count()
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.threads = []

    def start(self):
        self.threads = [
            threading.Thread(target=self.client, daemon=True) for _ in range(self.clients)
        ]
        for thread in self.threads:
            thread.start()

    def stop(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def client(self):
        while not self.stopping.is_set():
            number = next(self.numbers)
            if number % self.post_every == 0:
                self.post(number)
            else:
                self.get(PAGES[number % len(PAGES)])
            time.sleep(self.pause)

    def send(self, kind, target, call):
        phase = self.phase
        try:
            answer = call(Visitor(timeout=40))
            status, headers = answer.status, answer
        except OSError:
            status, headers = 0, None
        record = Record(
            phase,
            self.phase,
            kind,
            target,
            status,
            headers and headers.header("X-Page-Cache"),
            headers and headers.header("Retry-After"),
        )
        with self.lock:
            self.records.append(record)

    def get(self, path):
        self.send("get", path, lambda visitor: visitor.get(self.base, path))

    def post(self, number):
        email = f"fault{number}@example.com"
        data = entry_data(None, email=email, name=f"障害 {number}")
        data["policy_version_shown"] = str(self.policy_number)
        self.send("post", email, lambda visitor: visitor.post_form(self.base, ENTRY, data))

    # What the run saw

    def in_phase(self, phase, kind=None, whole=False):
        """Requests sent in `phase` (with `whole`, only those answered in it too)."""
        return [
            r
            for r in self.records
            if r.phase == phase
            and (kind is None or r.kind == kind)
            and (not whole or r.answered_in == phase)
        ]

    def statuses(self, phase, kind=None):
        return Counter(r.status for r in self.in_phase(phase, kind, whole=True))

    def accepted(self):
        """Addresses whose post was answered 302 (the receipt): the site promised to keep them."""
        return [r.target for r in self.records if r.kind == "post" and r.status == 302]

    def refused(self):
        return [r.target for r in self.records if r.kind == "post" and r.status != 302]
