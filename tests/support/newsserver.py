"""A local news site for the monitoring and snapshot tests: feeds (RSS, Atom, JSON Feed, a news
sitemap) that honour conditional GETs, the article pages they link to, and pages with scripts.
Every request is logged with its headers; a test may add or change routes."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from tests.support.linkserver import LinkServer
from tests.support.pages import LOOPBACK, Pages

ETAG = '"wire-v1"'
LAST_MODIFIED = "Mon, 30 Sep 2019 12:00:00 GMT"

BRIDGE_ARTICLE = (
    "<html lang='en'><head><title>Portmere's Harbour Bridge reopened</title>"
    "<meta property='article:published_time' content='2024-02-01'></head><body><article>"
    "<h1>Portmere's Harbour Bridge reopened</h1>"
    "<p>Cars crossed the Harbour Bridge in Portmere again on Monday after months of repairs, "
    "Dana Whitlock said at the reopening ceremony on the northern bank of the river.</p>"
    "<p>The council thanked the engineers who worked through the winter, and traders on both "
    "banks said the crossing would bring their customers back before the spring season.</p>"
    "</article></body></html>"
)
SCHOOLS_ARTICLE = (
    "<html lang='en'><head><title>Schools budget approved</title></head><body><article>"
    "<h1>Schools budget approved</h1><p>The city council approved a new budget for schools and "
    "libraries on Tuesday after a long debate about teachers' pay and new buildings.</p>"
    "<p>The budget adds two libraries and repairs the roofs of four primary schools in the "
    "eastern districts, the council's finance committee said in a statement.</p>"
    "</article></body></html>"
)
SCRIPTED_PAGE = (
    "<html><head><title>Ministry notice</title><script>alert('page script')</script></head>"
    '<body onload="steal()"><article><h1>Ministry notice</h1>'
    "<p>The ministry confirms that the Harbour Bridge in Portmere reopened to traffic on Monday "
    "morning after the repairs were finished and inspected by the engineers.</p>"
    "<script>document.write('<p>injected</p>')</script>"
    "<p>Traffic will run in both directions from Tuesday, the notice says.</p>"
    "</article></body></html>"
)


def rss(base: str, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (path, title, RFC 822 date) items on this server."""
    entries = "".join(
        f"<item><title>{title}</title><link>{base}{path}?utm_source=rss#top</link>"
        f"<pubDate>{date}</pubDate><description>{title}</description></item>"
        for path, title, date in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local wire</title>'
        f"<link>{base}/</link>{entries}</channel></rss>"
    ).encode()


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]
    at: float  # time.monotonic()


Route = Callable[["NewsHandler"], None]


def page(body: str, content_type: str = "text/html; charset=utf-8", status: int = 200) -> Route:
    return lambda handler: handler._send(status, content_type, body.encode())


def conditional(body: Callable[[str], bytes], content_type: str) -> Route:
    """A feed that answers 304 to a GET whose validators still hold."""

    def answer(handler: NewsHandler) -> None:
        if (
            handler.headers.get("If-None-Match") == ETAG
            or handler.headers.get("If-Modified-Since") == LAST_MODIFIED
        ):
            handler._send(304, "", b"", ETag=ETAG)
            return
        handler._send(200, content_type, body(handler.base), ETag=ETAG, Last_Modified=LAST_MODIFIED)

    return answer


def wire(base: str) -> bytes:
    return rss(
        base,
        [
            (
                "/news/bridge-reopened",
                "Portmere's Harbour Bridge reopened",
                "Thu, 01 Feb 2024 09:00:00 GMT",
            ),
            ("/news/schools-budget", "Schools budget approved", "Thu, 01 Feb 2024 08:00:00 GMT"),
        ],
    )


def json_feed(base: str) -> bytes:
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Local JSON wire",
            "items": [
                {
                    "id": "1",
                    "url": f"{base}/news/bridge-reopened",
                    "title": "Portmere's Harbour Bridge reopened",
                    "date_published": "2024-02-01T09:00:00Z",
                }
            ],
        }
    ).encode()


def news_sitemap(base: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"<url><loc>{base}/news/bridge-reopened</loc><news:news>"
        "<news:publication><news:name>Local</news:name><news:language>en</news:language>"
        "</news:publication><news:publication_date>2024-02-01</news:publication_date>"
        "<news:title>Portmere's Harbour Bridge reopened</news:title></news:news></url>"
        "</urlset>"
    ).encode()


ROUTES: dict[str, Route] = {
    "/wire.xml": conditional(wire, "application/rss+xml"),
    "/wire.json": conditional(json_feed, "application/feed+json"),
    "/news-sitemap.xml": conditional(news_sitemap, "application/xml"),
    "/broken.xml": page("<h1>Server error</h1>", status=500),
    "/not-a-feed.xml": page("<html><body>Hello</body></html>"),
    "/news/bridge-reopened": page(BRIDGE_ARTICLE),
    "/news/schools-budget": page(SCHOOLS_ARTICLE),
    "/notice": page(SCRIPTED_PAGE),
    "/gone": page("<h1>Gone</h1>", status=404),
}


class NewsHandler(Pages):
    """The news site's answers (ROUTES, and a test's own in `server.routes`), each request kept
    with its headers and when it came."""

    def do_GET(self) -> None:
        self.server.requests.append(
            Request(self.path, dict(self.headers.items()), time.monotonic())
        )
        path = self.path.split("?")[0]
        route = self.server.routes.get(path) or ROUTES.get(path) or page("<h1>No</h1>", status=404)
        route(self)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"


class NewsServer(LinkServer):
    def __init__(self) -> None:
        super().__init__(NewsHandler)

    def requested(self, path: str) -> list[Request]:
        return [request for request in self.requests if request.path.split("?")[0] == path]


def serve_news(settings) -> Iterator[NewsServer]:
    """The news site, loopback allowed, short read timeouts and no wait between requests (the
    politeness tests set their own delay)."""
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = LOOPBACK
    settings.FETCH_READ_TIMEOUT = 0.5
    settings.FEED_HOST_DELAY_SECONDS = 0
    server = NewsServer()
    try:
        yield server
    finally:
        server.close()
