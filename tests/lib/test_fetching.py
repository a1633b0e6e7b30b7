"""factcheck/lib/fetching.py against a real local server: every way a fetch can go wrong is refused
with a message an editor understands."""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterator

import pytest

from factcheck.lib import fetching
from factcheck.lib.fetching import (
    FetchFailed,
    FetchPolicy,
    NotAnArticle,
    RefusedURL,
    TooLarge,
    fetch,
)
from tests.support.linkserver import LinkServer, serve_links
from tests.support.pages import Pages, PageServer, fixture, serve


@pytest.fixture
def pages(settings) -> Iterator[PageServer]:
    yield from serve(settings)


def test_a_good_page_is_fetched_with_its_type_and_charset(pages):
    page = fetch(pages.url("/good"))
    assert page.content_type == "text/html"
    assert page.charset == "utf-8"
    assert page.body == fixture("harbour-bridge.html")
    assert "Mayor Karen Holt promised" in page.text()


def test_the_seed_page_is_fetched(pages):
    assert "Ahmad Jadayan" in fetch(pages.url("/seed")).text()


def test_the_default_settings_refuse_loopback(pages, settings):
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = []
    with pytest.raises(RefusedURL, match="private or reserved network"):
        fetch(pages.url("/good"))
    assert pages.requests == []


def test_the_default_in_settings_allows_no_private_network():
    from django.conf import settings as real

    assert real.FETCH_ALLOW_PRIVATE_NETWORKS == []
    assert real.FETCH_MAX_BYTES == 5 * 1024 * 1024


@pytest.mark.parametrize(
    "address", ["10.0.0.1", "192.168.1.1", "169.254.169.254", "224.0.0.1", "0.0.0.0", "::1"]
)
def test_private_link_local_multicast_and_reserved_addresses_are_refused(address):
    host = f"[{address}]" if ":" in address else address
    with pytest.raises(RefusedURL):
        fetching.check_url(f"http://{host}/", fetching.FetchPolicy())


# Each IPv6 form that leads to a private IPv4 address (10.0.0.1, 169.254.169.254) is refused
# as the IPv4 address is; the same forms around a public address are not.
EMBEDDING_PRIVATE = [
    "::ffff:10.0.0.1",  # IPv4-mapped
    "::10.0.0.1",  # IPv4-compatible
    "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
    "64:ff9b:1::808:808",  # local-use NAT64 (RFC 8215): the network's own translator
    "2002:a00:1::1",  # 6to4 of 10.0.0.1
    "2001:0:a00:1::1",  # Teredo whose server is 10.0.0.1
    "fec0::1",  # site-local (deprecated, still routed inside some networks)
]


@pytest.mark.parametrize("address", EMBEDDING_PRIVATE)
def test_an_ipv6_address_embedding_a_private_ipv4_address_is_refused_before_connecting(
    address, monkeypatch
):
    connected = []
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: connected.append(a))
    with pytest.raises(RefusedURL, match="private or reserved"):
        fetch(f"http://[{address}]/")
    assert connected == []


@pytest.mark.parametrize("address", ["64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8"])
def test_the_same_forms_around_a_public_address_pass_the_filter(address):
    assert fetching.check_url(f"http://[{address}]/", fetching.FetchPolicy())


@pytest.mark.parametrize("url", ["ftp://example.org/a", "file:///etc/passwd", "javascript:x"])
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(RefusedURL, match="Only http and https"):
        fetch(url)


def test_credentials_in_the_address_are_refused():
    with pytest.raises(RefusedURL, match="user name or password"):
        fetch("http://user:secret@example.org/")


def test_a_404_says_to_check_the_address(pages):
    with pytest.raises(FetchFailed, match=r"404.*check the address"):
        fetch(pages.url("/nowhere"))


def test_a_server_error_says_to_try_again_later(pages):
    with pytest.raises(FetchFailed, match=r"503.*try again later"):
        fetch(pages.url("/error"))


def test_a_slow_server_times_out(pages):
    with pytest.raises(FetchFailed, match="did not answer in time"):
        fetch(pages.url("/slow"))


def test_a_page_over_the_cap_is_refused_by_its_length(pages, settings):
    settings.FETCH_MAX_BYTES = 100_000
    with pytest.raises(TooLarge, match="larger than"):
        fetch(pages.url("/big"))


def test_a_page_over_the_cap_is_refused_while_reading(pages, settings):
    settings.FETCH_MAX_BYTES = 20_000
    with pytest.raises(TooLarge):
        fetch(pages.url("/endless"))


def test_a_non_html_document_is_refused(pages):
    with pytest.raises(NotAnArticle, match=r"application/pdf.*paste"):
        fetch(pages.url("/pdf"))


def test_plain_text_is_accepted(pages):
    assert fetch(pages.url("/plain")).content_type == "text/plain"


def test_a_redirect_is_followed_and_recorded(pages):
    page = fetch(pages.url("/to-good"))
    assert page.url == pages.url("/good")
    assert page.redirects == (pages.url("/to-good"),)


def test_a_redirect_to_a_private_address_is_refused(pages):
    with pytest.raises(RefusedURL, match=r"169.254.169.254"):
        fetch(pages.url("/to-metadata"))


def test_a_redirect_to_another_scheme_is_refused(pages):
    with pytest.raises(RefusedURL, match="Only http and https"):
        fetch(pages.url("/to-file"))


def test_redirects_are_followed_only_a_few_times(pages, settings):
    settings.FETCH_MAX_REDIRECTS = 3
    with pytest.raises(FetchFailed, match="redirected more than 3 times"):
        fetch(pages.url("/loop"))
    assert len(pages.requests) == 4


def test_a_page_in_windows_1252_is_decoded_from_its_header(pages):
    text = fetch(pages.url("/cp1252")).text()
    assert "“We will vaccinate 70 percent" in text
    assert "café owners’ association" in text


def test_a_page_in_windows_1252_is_decoded_from_its_meta_tag(pages):
    page = fetch(pages.url("/cp1252-meta"))
    assert page.charset is None
    assert "café owners’ association" in page.text()


def test_undeclared_non_utf8_bytes_are_guessed_not_garbled():
    body = "Le maire a promis que le pont rouvrira d'ici à la fin du mois, a déclaré l'élu."
    page = fetching.Fetched(url="x", content_type="text/plain", body=body.encode("latin-1"))
    assert "déclaré l'élu" in page.text()


def test_an_unknown_host_says_it_could_not_be_found():
    with pytest.raises(FetchFailed, match="could not be found"):
        fetch("http://no-such-host.invalid/")


def test_the_connection_goes_to_the_address_that_was_checked(pages, monkeypatch):
    """DNS rebinding: a name that would resolve to a private address the second time is not
    resolved a second time; the checked address is the one connected to."""
    answers = iter(["127.0.0.1", "10.9.9.9", "10.9.9.9"])
    real = socket.getaddrinfo

    def rebinding(host, port, *args, **kwargs):
        if host == "news.example":
            return real(next(answers), port, *args, **kwargs)
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    page = fetch(f"http://news.example:{pages.port}/good")
    assert "Karen Holt" in page.text()
    assert pages.requests == [("/good", f"news.example:{pages.port}")]


# --- POST (webhook deliveries) ------------------------------------------------------------------


def _receive(handler) -> None:
    """A POST handler for the local server: /echo answers 201 with the body it got."""
    body = handler.rfile.read(int(handler.headers["Content-Length"]))
    handler.server.requests.append((handler.path, dict(handler.headers), body))
    if handler.path == "/echo":
        handler._send(201, "application/json", body)
    elif handler.path == "/big-answer":
        handler._send(200, "text/plain", b"x" * 50_000)
    elif handler.path == "/slow-answer":
        time.sleep(1.5)
        handler._send(200, "text/plain", b"late")
    elif handler.path == "/to-good":
        handler._send(307, "text/html", b"", Location="/echo")
    else:
        handler._send(404, "text/plain", b"no hook here")


@pytest.fixture
def posting(pages, monkeypatch) -> PageServer:
    monkeypatch.setattr(Pages, "do_POST", _receive, raising=False)
    return pages


def test_post_sends_the_body_and_headers_and_returns_the_answer(posting):
    answer = fetching.post(
        posting.url("/echo"), b'{"a": 1}', headers={"Content-Type": "application/json"}
    )
    assert (answer.status, answer.reason, answer.body) == (201, "Created", b'{"a": 1}')
    [(path, headers, body)] = posting.requests
    assert (path, body) == ("/echo", b'{"a": 1}')
    assert headers["Content-Type"] == "application/json"
    assert headers["Content-Length"] == "8"


def test_post_returns_an_error_status_rather_than_raising(posting):
    answer = fetching.post(posting.url("/nowhere"), b"{}", headers={})
    assert (answer.status, answer.body) == (404, b"no hook here")


def test_post_does_not_follow_redirects(posting):
    answer = fetching.post(posting.url("/to-good"), b"{}", headers={})
    assert answer.status == 307
    assert [path for path, _, _ in posting.requests] == ["/to-good"]


def test_post_cuts_a_long_answer_at_the_cap(posting):
    policy = FetchPolicy(max_bytes=1000, allowed_networks=(ipaddress.ip_network("127.0.0.1"),))
    answer = fetching.post(posting.url("/big-answer"), b"{}", headers={}, policy=policy)
    assert answer.status == 200
    assert (len(answer.body), answer.truncated) == (1000, True)


def test_post_to_a_slow_server_times_out(posting):
    with pytest.raises(FetchFailed, match="did not answer in time"):
        fetching.post(posting.url("/slow-answer"), b"{}", headers={})


def test_post_refuses_loopback_under_the_default_settings(posting, settings):
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = []
    with pytest.raises(RefusedURL, match="private or reserved network"):
        fetching.post(posting.url("/echo"), b"{}", headers={})
    assert posting.requests == []


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/hook",
        "http://169.254.169.254/",
        "ftp://x.org/",
        *(f"http://[{address}]/hook" for address in EMBEDDING_PRIVATE),
    ],
)
def test_post_refuses_what_fetch_refuses(url):
    with pytest.raises(RefusedURL):
        fetching.post(url, b"{}", headers={}, policy=fetching.FetchPolicy())


# --- probe (link checks): HEAD, then GET when HEAD is refused ------------------------------------


@pytest.fixture
def links(settings) -> Iterator[LinkServer]:
    for servers in serve_links(settings):
        yield servers[0]


def test_probe_asks_with_head_and_takes_any_content_type(links):
    answer = fetching.probe(links.url("/pdf"))
    assert (answer.status, answer.method, answer.ok) == (200, "HEAD", True)
    assert [(r.method, r.path) for r in links.requests] == [("HEAD", "/pdf")]


@pytest.mark.parametrize(("path", "refusal"), [("/no-head", 405), ("/head-fails", 500)])
def test_probe_asks_again_with_get_when_head_is_refused(links, path, refusal):
    answer = fetching.probe(links.url(path))
    assert (answer.status, answer.method, answer.ok) == (200, "GET", True)
    assert [(r.method, r.path) for r in links.requests] == [("HEAD", path), ("GET", path)]


def test_probe_reads_only_the_start_of_the_body(links, settings):
    """An endless body: a probe that read it all would run into the overall time limit."""
    settings.FETCH_TOTAL_TIMEOUT = 3

    def endless(handler, method):
        handler.send_response(405 if method == "HEAD" else 200)
        handler.send_header("Content-Type", "video/mp4")
        handler.end_headers()
        while method == "GET":
            try:
                handler.wfile.write(b"x" * 1024)
            except OSError:  # the probe hung up
                return

    links.routes["/stream"] = endless
    started = time.monotonic()
    answer = fetching.probe(links.url("/stream"))
    assert (answer.status, answer.method) == (200, "GET")
    assert time.monotonic() - started < 2


def test_probe_returns_an_error_status_rather_than_raising(links):
    answer = fetching.probe(links.url("/gone"))
    assert (answer.status, answer.reason, answer.ok) == (404, "Not Found", False)
    assert [r.method for r in links.requests] == ["HEAD"]  # a 404 is taken at its word


def test_probe_follows_a_redirect_chain_and_says_where_it_ended(links):
    answer = fetching.probe(links.url("/hop-1"))
    assert (answer.status, answer.url) == (200, links.url("/good"))
    assert answer.redirects == (links.url("/hop-1"), links.url("/hop-2"))
    assert [r.path for r in links.requests] == ["/hop-1", "/hop-2", "/good"]


def test_probe_refuses_a_redirect_to_a_private_address(links):
    with pytest.raises(RefusedURL, match=r"169.254.169.254"):
        fetching.probe(links.url("/to-metadata"))


def test_probe_of_a_slow_server_times_out(links):
    with pytest.raises(FetchFailed, match="did not answer in time"):
        fetching.probe(links.url("/slow"))


def test_probe_refuses_loopback_under_the_default_settings(links, settings):
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = []
    with pytest.raises(RefusedURL, match="private or reserved network"):
        fetching.probe(links.url("/good"))
    assert links.requests == []


def test_probe_keeps_to_the_redirect_limit(links, settings):
    settings.FETCH_MAX_REDIRECTS = 1
    with pytest.raises(FetchFailed, match="redirected more than 1 times"):
        fetching.probe(links.url("/hop-1"))
