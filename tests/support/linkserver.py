"""Local HTTP servers for the link-check tests: HEAD and GET on 127.0.0.1, each request logged with
its method and the moment it arrived, answers chosen per path (and changeable by a test)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.support.pages import LOOPBACK


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    at: float  # time.monotonic()


Answer = Callable[["LinkHandler", str], None]


def status(code: int, content_type: str = "text/html", **headers: str) -> Answer:
    """Answer every method with `code` (and a small body to a GET)."""

    def answer(handler: LinkHandler, method: str) -> None:
        body = b"" if method == "HEAD" else f"<p>{code}</p>".encode() * 10
        handler.send_response(code)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body) or 40))
        for name, value in headers.items():
            handler.send_header(name.replace("_", "-"), value)
        handler.end_headers()
        handler.wfile.write(body)

    return answer


def redirect(location: str, code: int = 302) -> Answer:
    return status(code, Location=location)


def head_refused(code: int = 405) -> Answer:
    """A server that turns HEAD away and answers GET."""
    refuse, serve = status(code), status(200)
    return lambda handler, method: (refuse if method == "HEAD" else serve)(handler, method)


def slow(handler: LinkHandler, method: str) -> None:
    time.sleep(1.5)
    status(200)(handler, method)


ROUTES: dict[str, Answer] = {
    "/good": status(200),
    "/pdf": status(200, "application/pdf"),
    "/no-head": head_refused(405),
    "/head-fails": head_refused(500),
    "/gone": status(404),
    "/slow": slow,
    "/to-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
    "/hop-1": redirect("/hop-2", 301),
    "/hop-2": redirect("/good", 307),
}


class LinkHandler(BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:
        self._answer("HEAD")

    def do_GET(self) -> None:
        self._answer("GET")

    def _answer(self, method: str) -> None:
        self.server.requests.append(Request(method, self.path, time.monotonic()))
        path = self.path.split("?")[0]
        route = self.server.routes.get(path) or ROUTES.get(path) or status(404)
        route(self, method)

    def log_message(self, *args) -> None:
        pass


class LinkServer:
    """A threaded server on a port of its own; `handler` answers (LinkHandler by default)."""

    def __init__(self, handler: type[BaseHTTPRequestHandler] = LinkHandler) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.httpd.requests = []
        self.httpd.routes = {}  # a test's own answers, before ROUTES
        self.port = self.httpd.server_address[1]
        threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    @property
    def requests(self) -> list[Request]:
        return self.httpd.requests

    @property
    def routes(self) -> dict[str, Answer]:
        return self.httpd.routes

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def serve_links(settings, count: int = 1) -> Iterator[list[LinkServer]]:
    """`count` servers (each a host of its own: another port), loopback allowed, reads timing out
    after half a second; each test file wraps this in a fixture."""
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = LOOPBACK
    settings.FETCH_READ_TIMEOUT = 0.5
    servers = [LinkServer() for _ in range(count)]
    try:
        yield servers
    finally:
        for server in servers:
            server.close()
