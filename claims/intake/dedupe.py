"""How an article is known to be in already, or on its way in: its canonical address, or the
hash of its pasted text."""

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.db.models import Q

from claims.models import Article, ArticleImport

_TRACKING = ("utm_", "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "_ga")
_TRACKING_EXACT = {"ref", "ref_src", "cmpid", "ocid", "spm", "share", "s_cid", "yclid"}


def canonical_url(url: str) -> str:
    """The URL with scheme and host in lower case, no tracking parameters, fragment, default port
    or trailing slash: the key under which an article is imported once."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 address keeps its brackets, or the address is no longer one
        host = f"[{host}]"
    port = parts.port if parts.port and parts.port not in (80, 443) else None
    netloc = f"{host}:{port}" if port else host
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith(_TRACKING) and key.lower() not in _TRACKING_EXACT
    ]
    path = parts.path.rstrip("/") if parts.path not in ("", "/") else ""
    return urlunsplit((parts.scheme.lower(), netloc, path, urlencode(sorted(query)), ""))


def find_duplicate(*, url: str = "", content: str = "") -> Article | None:
    """The article already imported from this URL (canonicalised) or with this pasted content."""
    if url:
        canonical = canonical_url(url)
        return Article.objects.filter(Q(url=canonical) | Q(url=url.strip())).first()
    if content:
        digest = content_hash(content)
        return Article.objects.filter(intake__content_hash=digest).first()
    return None


def find_running(
    *, url: str = "", digest: str = "", other_than: int | None = None
) -> ArticleImport | None:
    """The import of this canonical URL or pasted content's hash that is running now, if any."""
    key = Q(url=url) if url else Q(content_hash=digest) if digest else None
    if key is None:
        return None
    running = ArticleImport.objects.filter(key, state__in=ArticleImport.RUNNING_STATES)
    return running.exclude(pk=other_than).first()


def pasted_text(content: str) -> str:
    """Pasted text as it is kept and compared: a browser's CRLF line ends (and a file's trailing
    spaces) do not make the same article a different one."""
    return "\n".join(line.rstrip() for line in content.splitlines()).strip()


def content_hash(content: str) -> str:
    return hashlib.sha256(pasted_text(content).encode("utf-8")).hexdigest()
