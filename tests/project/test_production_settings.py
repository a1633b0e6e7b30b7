"""Production settings (DEBUG=0), each test in a process of its own with a production environment:
`check --deploy` passes, and the site's real responses carry HTTPS, HSTS, secure cookies, the
security headers and static files with hashed names served by whitenoise."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

# A key as `check --deploy` wants it: long, varied, not Django's "insecure" one.
SECRET = "prod-test-" + "k3Y9-vT7q!Zp2wXr8@Lm4#Nb6$Hj1%Gf5^Dd0&Sa" * 2


def production_env(tmp_path: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "SECURE_", "SESSION_"))
    }
    env.update(
        DEBUG="0",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="factcheck.example.org",
        CSRF_TRUSTED_ORIGINS="https://factcheck.example.org",
        VAR_DIR=str(tmp_path / "var"),
        STATIC_ROOT=str(tmp_path / "static"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        CELERY_BROKER_URL="filesystem://",
        DJANGO_SETTINGS_MODULE="factcheck.settings",
    )
    return env


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_check_deploy_passes_at_warning_level(tmp_path):
    result = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_fails_without_hsts(tmp_path):
    """The check above can fail: with HSTS off it does."""
    env = production_env(tmp_path) | {"SECURE_HSTS_SECONDS": "0"}
    result = manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "security.W004" in result.stderr + result.stdout


# What the production process answers, as JSON: status, headers and cookies of each request.
PROBE = r"""
import json, re
import django
django.setup()
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

call_command("migrate", verbosity=0)
User.objects.create_user("probe", password="a long probe password 42", is_staff=True)
host = {"HTTP_HOST": "factcheck.example.org"}
client = Client()

def answer(response):
    return {
        "status": response.status_code,
        "headers": dict(response.headers),
        "cookies": {name: dict(morsel) for name, morsel in response.cookies.items()},
        "body": b"".join(response) .decode("utf-8", "replace")
        if response.streaming else response.content.decode("utf-8", "replace"),
    }

out = {
    "plain_http": answer(client.get("/", **host)),
    "home": answer(client.get("/", secure=True, **host)),
    "login_page": answer(client.get("/admin/login/", secure=True, **host)),
}
out["login"] = answer(client.post(
    "/admin/login/?next=/admin/",
    {"username": "probe", "password": "a long probe password 42",
     "csrfmiddlewaretoken": client.cookies["csrftoken"].value},
    secure=True, HTTP_REFERER="https://factcheck.example.org/admin/login/", **host,
))
css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', out["home"]["body"])
out["css_path"] = css.group(1) if css else None
if css:
    out["css"] = answer(client.get(css.group(1), secure=True, **host))
out["api_docs"] = answer(client.get("/api/docs/", secure=True, **host))
print(json.dumps(out))
"""


# One test process runs them all: the production process below is started once.
pytestmark = pytest.mark.xdist_group("production")


@pytest.fixture(scope="module")
def production(tmp_path_factory) -> dict:
    """collectstatic, then a production process that migrates a database of its own and
    answers a few requests (Django's test client on the real middleware and settings)."""
    tmp_path = tmp_path_factory.mktemp("production")
    env = production_env(tmp_path)
    collected = manage(env, "collectstatic", "--noinput", "-v", "0")
    assert collected.returncode == 0, collected.stderr
    probe = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert probe.returncode == 0, probe.stderr
    return json.loads(probe.stdout.strip().splitlines()[-1])


def test_plain_http_is_redirected_to_https(production):
    answer = production["plain_http"]
    assert answer["status"] == 301
    assert answer["headers"]["Location"] == "https://factcheck.example.org/"


def test_https_pages_carry_hsts_and_the_security_headers(production):
    for name in ("home", "login_page", "api_docs"):
        headers = production[name]["headers"]
        assert production[name]["status"] == 200, name
        assert headers["Strict-Transport-Security"] == (
            "max-age=31536000; includeSubDomains; preload"
        ), name
        assert headers["X-Content-Type-Options"] == "nosniff", name
        assert headers["Referrer-Policy"] == "same-origin", name
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin", name
        assert headers["X-Frame-Options"] == "DENY", name
        assert "script-src 'self'" in headers["Content-Security-Policy"], name


def test_cookies_are_secure_and_the_session_cookie_is_http_only(production):
    csrf = production["login_page"]["cookies"]["csrftoken"]
    assert csrf["secure"] is True
    login = production["login"]
    assert login["status"] == 302 and login["headers"]["Location"] == "/admin/"
    session = login["cookies"]["sessionid"]
    assert session["secure"] is True and session["httponly"] is True
    assert session["samesite"] == "Lax"
    # Ends with the browser (no expiry on the cookie); the server ends it sooner still.
    assert session["expires"] == "" and session["max-age"] == ""


def test_static_files_have_hashed_names_and_are_served_by_whitenoise(production):
    assert production["css_path"], "the home page links site.css without a content hash"
    css = production["css"]
    assert css["status"] == 200
    assert css["headers"]["Content-Type"].startswith("text/css")
    # whitenoise: a hashed name never changes, so browsers may keep it for good.
    assert "immutable" in css["headers"]["Cache-Control"]
    assert ".claim-card" in css["body"]
    admin_css = r"/static/admin/css/base\.[0-9a-f]{12}\.css"
    assert re.search(admin_css, production["login_page"]["body"]), "the admin's CSS is not hashed"


def test_the_security_settings_come_from_the_environment(tmp_path):
    env = production_env(tmp_path) | {
        "LOGIN_FAILURE_LIMIT": "3",
        "LOGIN_LOCKOUT_MINUTES": "0",
        "SESSION_COOKIE_AGE": "3600",
        "SESSION_IDLE_SECONDS": "900",
        "SESSION_EXPIRE_AT_BROWSER_CLOSE": "0",
        "FETCH_MAX_BYTES": "1048576",
    }
    names = [
        "AXES_FAILURE_LIMIT",
        "AXES_COOLOFF_TIME",
        "SESSION_COOKIE_AGE",
        "SESSION_IDLE_SECONDS",
        "SESSION_EXPIRE_AT_BROWSER_CLOSE",
        "DATA_UPLOAD_MAX_MEMORY_SIZE",
    ]
    code = f"from django.conf import settings; print([getattr(settings, n) for n in {names}])"
    result = manage(env, "shell", "-c", code)
    assert result.returncode == 0, result.stderr
    # No cool-off: a lock lasts until an administrator lifts it (axes_reset).
    assert result.stdout.strip().splitlines()[-1] == str(
        [3, None, 3600, 900, False, 3 * 1048576 + 1048576]
    )


def test_the_policy_is_sent_in_debug_too(tmp_path):
    env = production_env(tmp_path) | {"DEBUG": "1", "ALLOWED_HOSTS": "testserver"}
    code = (
        "from django.conf import settings; from django.test import Client; "
        "print(settings.DEBUG, Client().get('/healthz/').headers['Content-Security-Policy'])"
    )
    result = manage(env, "shell", "-c", code)
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("True ") and "script-src 'self'" in last
