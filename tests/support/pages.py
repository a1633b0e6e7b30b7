"""A local HTTP server for the fetching and intake tests: real sockets on 127.0.0.1, no internet."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_TEXT = Path(__file__).resolve().parents[2] / "claims/demo/data/iraq-syria-border-60-days.txt"
LOOPBACK = ["127.0.0.1/32"]


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


class Pages(BaseHTTPRequestHandler):
    """Each path is one situation a fetch must handle."""

    routes: dict = {}

    def do_GET(self) -> None:
        self.server.requests.append((self.path, self.headers.get("Host")))
        route = self.routes.get(self.path.split("?")[0])
        if route is None:
            self._send(404, "text/html", b"<h1>Not found</h1>")
            return
        route(self)

    def _send(self, status: int, content_type: str, body: bytes, **headers) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def _html(name: str, content_type: str = "text/html; charset=utf-8"):
    return lambda h: h._send(200, content_type, fixture(name))


def _slow(h: Pages) -> None:
    time.sleep(1.5)
    h._send(200, "text/html", b"<p>late</p>")


def _endless(h: Pages) -> None:
    # No Content-Length: the cap must be enforced while reading.
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    for _ in range(40):
        h.wfile.write(b"<p>" + b"x" * 1020 + b"</p>")


Pages.routes = {
    "/good": _html("harbour-bridge.html"),
    "/seed": _html("seed.html"),
    "/seed/": _html("seed.html"),
    "/cp1252": _html("vaccine-pledge-cp1252.html", "text/html; charset=windows-1252"),
    "/cp1252-meta": _html("vaccine-pledge-cp1252.html", "text/html"),
    "/plain": lambda h: h._send(200, "text/plain; charset=utf-8", SEED_TEXT.read_bytes()),
    "/slow": _slow,
    "/big": lambda h: h._send(200, "text/html", b"<p>" + b"x" * 200_000 + b"</p>"),
    "/endless": _endless,
    "/pdf": lambda h: h._send(200, "application/pdf", b"%PDF-1.4 ..."),
    "/empty": lambda h: h._send(200, "text/html", b"<html><body><nav>Home</nav></body></html>"),
    "/to-good": lambda h: h._send(302, "text/html", b"", Location="/good"),
    "/to-metadata": lambda h: h._send(
        302, "text/html", b"", Location="http://169.254.169.254/latest/meta-data/"
    ),
    "/to-file": lambda h: h._send(302, "text/html", b"", Location="file:///etc/passwd"),
    "/loop": lambda h: h._send(302, "text/html", b"", Location="/loop"),
    "/error": lambda h: h._send(503, "text/html", b"<h1>Down</h1>"),
    "/broken": lambda h: h._send(500, "text/html", b"<h1>Internal Server Error</h1>"),
}


class PageServer:
    def __init__(self) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
        self.httpd.daemon_threads = True
        self.httpd.requests = []
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    @property
    def requests(self) -> list:
        return self.httpd.requests


def serve(settings) -> Iterator[PageServer]:
    """Run the local server, with loopback (only) allowed and a short read timeout; each test file
    wraps this in its own `pages` fixture."""
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = LOOPBACK
    settings.FETCH_READ_TIMEOUT = 0.5
    server = PageServer()
    server.thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
