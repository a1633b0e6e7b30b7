"""A webhook receiver on 127.0.0.1 (http.server in a thread), as a fixture: `receiver` records
each POST and answers with the statuses it is told to; told to, it keeps one POST waiting for its
answer (`hold_at`), as a stuck receiver does, until the test lets it go."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.support.pages import LOOPBACK


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    at: float = field(default_factory=time.time)

    @property
    def json(self) -> dict:
        return json.loads(self.body)


class Hook(BaseHTTPRequestHandler):
    """Answers each POST with the next status in `server.answers` (200 once they run out)."""

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append(Received(self.path, dict(self.headers), body))
        if self.path == "/slow":
            time.sleep(1.5)
        state = self.server.state
        if state.hold_at == len(state.received):
            state.held.set()
            state.released.wait(60)
        status = self.server.answers.pop(0) if self.server.answers else 200
        answer = f"answer {status}".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args) -> None:
        pass


@dataclass
class Receiver:
    port: int
    received: list[Received] = field(default_factory=list)
    answers: list[int] = field(default_factory=list)
    hold_at: int | None = None  # the POST (1, 2, …) whose answer waits for `released`
    held: threading.Event = field(default_factory=threading.Event)
    released: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture
def receiver(settings) -> Iterator[Receiver]:
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = LOOPBACK
    settings.WEBHOOK_TIMEOUT = 0.5
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    httpd.daemon_threads = True
    state = Receiver(port=httpd.server_address[1])
    httpd.received, httpd.answers, httpd.state = state.received, state.answers, state
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.released.set()
        httpd.shutdown()
        httpd.server_close()
