"""The one place that opens a URL: `fetch` GETs a page (or a feed, conditionally), `post` sends a
body (webhooks), `probe` asks whether a link still answers (link checks).

http and https only; connect and read timeouts and an overall time limit; a size cap; content types
checked; redirects followed a few times, every hop checked again. The host is resolved here and the
connection made to the checked address, so a name that resolves differently a second time (DNS
rebinding) cannot slip past the check. Private, loopback, link-local, multicast and reserved
addresses are refused unless `FETCH_ALLOW_PRIVATE_NETWORKS` names their network.
"""

from __future__ import annotations

import functools
import http.client
import ipaddress
import re
import socket
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from email.message import Message
from urllib.parse import urljoin, urlsplit

import charset_normalizer
from django.conf import settings
from django.utils.translation import gettext as _

HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
# What news feeds are served as: RSS, Atom, JSON Feed, news sitemaps (and the generic XML and
# JSON types many servers use for them).
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
    "text/plain",
)
PAGE_HEADERS = {"Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"}
FEED_HEADERS = {"Accept": ", ".join(FEED_TYPES[:-1]) + ";q=0.9, */*;q=0.1"}
NOT_MODIFIED = 304
PROBE_HEADERS = {"Accept": "*/*"}
REDIRECTS = (301, 302, 303, 307, 308)
# Answers to HEAD after which a probe asks again with GET: servers that do not implement HEAD, or
# turn it away (405, 501, often 403 or 400), or fail on it (500). A 404 or 410 is taken at its word.
HEAD_REFUSED = frozenset({400, 403, 405, 406, 500, 501})
# A probe's GET reads this much of the body: enough to see the page is being sent, no more.
PROBE_BODY_BYTES = 8 * 1024
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchError(Exception):
    """A URL could not be fetched; the message says why in words an editor can act on."""


class RefusedURL(FetchError):
    """The address is not one the workbench may open (scheme, private network, credentials)."""


class FetchFailed(FetchError):
    """The site could not be reached in time, or answered with an error."""


class TooLarge(FetchError):
    """The page is bigger than the size cap."""


class NotAnArticle(FetchError):
    """The URL points at something other than a web page (a PDF, an image, …)."""


@dataclass(frozen=True)
class FetchPolicy:
    """What a fetch may do; `from_settings()` reads the FETCH_* settings."""

    max_bytes: int = 5 * 1024 * 1024
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 60.0
    max_redirects: int = 5
    allowed_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    content_types: tuple[str, ...] = HTML_TYPES
    user_agent: str = "FactcheckWorkbench/1.0 (+article import)"

    @classmethod
    def from_settings(cls) -> FetchPolicy:
        return cls(
            max_bytes=settings.FETCH_MAX_BYTES,
            connect_timeout=settings.FETCH_CONNECT_TIMEOUT,
            read_timeout=settings.FETCH_READ_TIMEOUT,
            total_timeout=settings.FETCH_TOTAL_TIMEOUT,
            max_redirects=settings.FETCH_MAX_REDIRECTS,
            allowed_networks=tuple(
                ipaddress.ip_network(net, strict=False)
                for net in settings.FETCH_ALLOW_PRIVATE_NETWORKS
            ),
        )


@dataclass(frozen=True)
class Fetched:
    """A page as it was served: its final URL, content type, charset and body; its status and
    the validators a conditional GET sends back (`ETag`, `Last-Modified`). A 304 answer to a
    conditional GET has no body (`not_modified`)."""

    url: str
    content_type: str
    body: bytes
    charset: str | None = None
    redirects: tuple[str, ...] = field(default=())
    status: int = 200
    etag: str = ""
    last_modified: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == NOT_MODIFIED

    def text(self) -> str:
        """The body decoded: declared charset, else <meta charset>, else UTF-8, else a guess."""
        for name in (self.charset, _meta_charset(self.body)):
            if name:
                try:
                    return self.body.decode(name)
                except (LookupError, UnicodeDecodeError):
                    continue
        try:
            return self.body.decode("utf-8")
        except UnicodeDecodeError:
            best = charset_normalizer.from_bytes(self.body).best()
            return str(best) if best else self.body.decode("utf-8", errors="replace")


def fetch(
    url: str,
    *,
    policy: FetchPolicy | None = None,
    headers: Mapping[str, str] | None = None,
) -> Fetched:
    """GET `url` within the policy, following redirects; raise a FetchError subclass if refused.

    `headers` are sent besides (or instead of) the page's `Accept`: `If-None-Match` and
    `If-Modified-Since` make the GET conditional, and a 304 comes back as a Fetched without a
    body rather than as an error."""
    policy = policy or FetchPolicy.from_settings()
    started = time.monotonic()
    sent = {**PAGE_HEADERS, **(headers or {})}
    url, response, connection, hops = _follow(url, policy, started, headers=sent)
    try:
        if response.status == NOT_MODIFIED:
            return Fetched(
                url, "", b"", redirects=hops, status=NOT_MODIFIED, **_validators(response)
            )
        return _read(url, response, policy, started, hops)
    finally:
        connection.close()


def _validators(response: http.client.HTTPResponse) -> dict[str, str]:
    """The answer's `ETag` and `Last-Modified` for the next conditional GET, cut to what is kept."""
    return {
        "etag": (response.getheader("ETag") or "")[:300],
        "last_modified": (response.getheader("Last-Modified") or "")[:100],
    }


@dataclass(frozen=True)
class LinkStatus:
    """A link's answer, whatever its status: where it ended after redirects, and how it was asked
    (HEAD, or GET when the server refused HEAD)."""

    url: str
    status: int
    reason: str
    method: str
    redirects: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.status < 400


def probe(url: str, *, policy: FetchPolicy | None = None) -> LinkStatus:
    """Ask whether `url` still answers: HEAD, then GET (reading only the start of the body) if the
    server refuses HEAD; redirects followed and every hop checked as for `fetch`, with the same
    timeouts. Any content type will do. An error status is returned, not raised; a FetchError
    subclass is raised when there is no answer (refused address, unknown host, timeout)."""
    policy = policy or FetchPolicy.from_settings()
    started = time.monotonic()
    method = "HEAD"
    final, response, connection, hops = _follow(
        url, policy, started, method=method, headers=PROBE_HEADERS
    )
    if response.status in HEAD_REFUSED:
        connection.close()
        method = "GET"
        final, response, connection, hops = _follow(
            url, policy, started, method=method, headers=PROBE_HEADERS
        )
    try:
        if method == "GET":
            # A little of the body, within the time limits: the page is really being sent.
            _read_body(final, response, replace(policy, max_bytes=PROBE_BODY_BYTES), started)
        return LinkStatus(final, response.status, response.reason, method, hops)
    finally:
        connection.close()


@dataclass(frozen=True)
class Answer:
    """A server's answer to a POST, whatever its status: the start of its body is for the record."""

    status: int
    reason: str
    body: bytes
    truncated: bool = False


def post(
    url: str, body: bytes, *, headers: Mapping[str, str], policy: FetchPolicy | None = None
) -> Answer:
    """POST `body` to `url` within the policy (the address checked as for `fetch`, the same
    timeouts) and return the answer; raise a FetchError subclass if it cannot be sent.

    Redirects are not followed: a 3xx is returned like any other answer, since sending a body on
    to another address is for the caller to decide. The answer's body is read up to the size cap
    and cut there rather than refused: it is kept for the record, not used.
    """
    policy = policy or FetchPolicy.from_settings()
    started = time.monotonic()
    response, connection = _open(url, policy, method="POST", body=body, headers=headers)
    try:
        answer, truncated = _read_body(url, response, policy, started)
        return Answer(response.status, response.reason, answer, truncated)
    finally:
        connection.close()


def check_url(url: str, policy: FetchPolicy | None = None) -> list[IPAddress]:
    """The addresses `url` may be fetched from; raise RefusedURL if it may not be fetched at all."""
    policy = policy or FetchPolicy.from_settings()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise RefusedURL(
            _("Only http and https addresses can be imported, not “%(url)s”.") % {"url": url[:100]}
        )
    if not parts.hostname:
        raise RefusedURL(_("“%(url)s” has no host name.") % {"url": url[:100]})
    if parts.username or parts.password:
        raise RefusedURL(_("Addresses with a user name or password in them are not imported."))
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise RefusedURL(_("“%(url)s” has an invalid port.") % {"url": url[:100]}) from error
    try:
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchFailed(
            _("The site %(host)s could not be found: check the address.") % {"host": parts.hostname}
        ) from (error)
    addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0]) for info in infos))
    refused = [address for address in addresses if not _allowed(address, policy)]
    if refused:
        raise RefusedURL(
            _(
                "%(host)s is on a private or reserved network (%(address)s); the workbench does "
                "not open such addresses."
            )
            % {"host": parts.hostname, "address": refused[0]}
        )
    return addresses


# IPv6 ranges that carry an IPv4 address in their last 32 bits (NAT64, RFC 6052) or route to a
# local NAT64 (RFC 8215) and IPv4-compatible addresses (::a.b.c.d, deprecated but still routed).
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_LOCAL_NAT64 = ipaddress.IPv6Network("64:ff9b:1::/48")
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")


def embedded_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address leads to: mapped (::ffff:a.b.c.d), compatible
    (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d), 6to4 (2002:AABB:CCDD::) and Teredo (2001::/32, its
    server and its client). A private one among them makes the IPv6 address private too."""
    found = [address.ipv4_mapped, address.sixtofour, *(address.teredo or ())]
    low32 = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address in _NAT64 or (address in _IPV4_COMPATIBLE and int(address) > 1):
        found.append(low32)
    return [ipv4 for ipv4 in found if ipv4 is not None]


def _allowed(address: IPAddress, policy: FetchPolicy) -> bool:
    if any(address in network for network in policy.allowed_networks):
        return True
    if isinstance(address, ipaddress.IPv6Address):
        if address.is_site_local or address in _LOCAL_NAT64:
            return False
        inner = embedded_ipv4(address)
        if inner:
            return all(_allowed(ipv4, policy) for ipv4 in inner)
    return address.is_global and not address.is_multicast


def _follow(
    url: str,
    policy: FetchPolicy,
    started: float,
    *,
    method: str = "GET",
    headers: Mapping[str, str] = PAGE_HEADERS,
) -> tuple[str, http.client.HTTPResponse, _PinnedConnection, tuple[str, ...]]:
    """Open `url`, following redirects a few times, each hop's address checked again; return the
    final URL, its answer (still open: the caller closes the connection) and the hops before it."""
    hops: list[str] = []
    while True:
        if time.monotonic() - started > policy.total_timeout:
            raise FetchFailed(_("%(url)s took too long to answer; try again later.") % {"url": url})
        response, connection = _open(url, policy, method=method, headers=headers)
        if response.status not in REDIRECTS:
            return url, response, connection, tuple(hops)
        connection.close()
        location = response.getheader("Location")
        if not location:
            raise FetchFailed(_("%(url)s redirects without saying where to.") % {"url": url})
        if len(hops) >= policy.max_redirects:
            raise FetchFailed(
                _(
                    "%(url)s redirected more than %(times)s times; open it in a browser to see the "
                    "address it ends at."
                )
                % {"url": url, "times": policy.max_redirects}
            )
        hops.append(url)
        url = urljoin(url, location)


def _open(
    url: str,
    policy: FetchPolicy,
    *,
    method: str = "GET",
    body: bytes | None = None,
    headers: Mapping[str, str] = PAGE_HEADERS,
) -> tuple[http.client.HTTPResponse, _PinnedConnection]:
    addresses = check_url(url, policy)
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    connection = _PinnedConnection(parts, str(addresses[0]), policy)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", parts.netloc.rsplit("@", 1)[-1])
        connection.putheader("User-Agent", policy.user_agent)
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.putheader("Accept-Encoding", "identity")
        if body is not None:
            connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body)
        return connection.getresponse(), connection
    except TimeoutError as error:
        connection.close()
        raise FetchFailed(
            _("%(host)s did not answer in time; try again later.") % {"host": parts.hostname}
        ) from error
    except ssl.SSLError as error:
        connection.close()
        raise FetchFailed(
            _("%(host)s has no valid secure connection (%(error)s).")
            % {"host": parts.hostname, "error": error}
        ) from error
    except (OSError, http.client.HTTPException) as error:
        connection.close()
        raise FetchFailed(
            _("%(host)s could not be reached (%(error)s).")
            % {"host": parts.hostname, "error": error}
        ) from error


def _read(
    url: str,
    response: http.client.HTTPResponse,
    policy: FetchPolicy,
    started: float,
    hops: tuple[str, ...],
) -> Fetched:
    if response.status >= 400:
        reason = f"{response.status} {response.reason}".strip()
        if response.status < 500:
            answered = _("The site answered “%(reason)s” for %(url)s: check the address.")
        else:
            answered = _("The site answered “%(reason)s” for %(url)s: try again later.")
        raise FetchFailed(answered % {"reason": reason, "url": url})
    header = Message()
    header["content-type"] = response.getheader("Content-Type") or "text/html"
    content_type = header.get_content_type()
    if content_type not in policy.content_types:
        raise NotAnArticle(
            _("%(url)s is not a web page but “%(type)s”; paste the article's text instead.")
            % {"url": url, "type": content_type}
        )
    length = response.getheader("Content-Length")
    too_large = _("The page is larger than the %(limit)s MB the workbench accepts.") % {
        "limit": f"{policy.max_bytes / 1024 / 1024:g}"
    }
    if length and length.isdigit() and int(length) > policy.max_bytes:
        raise TooLarge(too_large)
    body, more = _read_body(url, response, policy, started)
    if more:
        raise TooLarge(too_large)
    return Fetched(
        url=url,
        content_type=content_type,
        body=body,
        charset=header.get_content_charset(),
        redirects=hops,
        status=response.status,
        **_validators(response),
    )


def _read_body(
    url: str, response: http.client.HTTPResponse, policy: FetchPolicy, started: float
) -> tuple[bytes, bool]:
    """The body up to the size cap, and whether there was more (reading stops there); within the
    overall time limit."""
    chunks: list[bytes] = []
    size = 0
    try:
        # Never more than one byte past the cap: enough to know there was more.
        while size <= policy.max_bytes and (
            chunk := response.read(min(64 * 1024, policy.max_bytes + 1 - size))
        ):
            size += len(chunk)
            if time.monotonic() - started > policy.total_timeout:
                raise FetchFailed(
                    _("%(url)s took too long to download; try again later.") % {"url": url}
                )
            chunks.append(chunk)
    except TimeoutError as error:
        raise FetchFailed(
            _("%(url)s stopped sending in the middle; try again later.") % {"url": url}
        ) from error
    except (OSError, http.client.HTTPException) as error:
        raise FetchFailed(
            _("The download of %(url)s broke off (%(error)s).") % {"url": url, "error": error}
        ) from error
    return b"".join(chunks)[: policy.max_bytes], size > policy.max_bytes


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii") if match else None


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """One verifying TLS context for every connection: loading the system's certificates costs
    about 20 ms, which made it most of the time of a webhook delivery."""
    return ssl.create_default_context()


class _PinnedConnection(http.client.HTTPSConnection):
    """An HTTP(S) connection to an address already checked, with TLS verified for the host name."""

    def __init__(self, parts, address: str, policy: FetchPolicy) -> None:
        self._tls = parts.scheme == "https"
        port = parts.port or (443 if self._tls else 80)
        super().__init__(address, port, timeout=policy.connect_timeout, context=_tls_context())
        self._server_name = parts.hostname
        self._read_timeout = policy.read_timeout

    def connect(self) -> None:
        sock = socket.create_connection((self.host, self.port), self.timeout)
        sock.settimeout(self._read_timeout)
        if self._tls:
            sock = _tls_context().wrap_socket(sock, server_hostname=self._server_name)
        self.sock = sock
