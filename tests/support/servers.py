"""Which servers this run has (PostgreSQL, a Redis broker), and the mark for tests that need one."""

from __future__ import annotations

import os
import socket

import pytest
from django.conf import settings


def server_reachable(url_env: str, default_port: int) -> bool:
    """Whether the server named by an environment variable (host:port) accepts connections."""
    from urllib.parse import urlparse

    url = os.environ.get(url_env, "")
    if not url or "://" not in url or url.startswith(("sqlite", "filesystem")):
        return False
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or default_port), timeout=1):
            return True
    except OSError:
        return False


ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
REDIS_BROKER = server_reachable("CELERY_BROKER_URL", 6379)


def needs(condition: bool, reason: str):
    """Skip, saying why, where a server is missing; in CI (REQUIRE_SERVERS=1) fail instead."""
    if os.environ.get("REQUIRE_SERVERS") == "1":
        return pytest.mark.server
    return pytest.mark.skipif(not condition, reason=reason)
