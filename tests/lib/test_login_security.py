"""Logins and sessions: password guessing is locked out (django-axes) with a page that says why
and for how long, an administrator lifts the lock with a command; a session ends at its
absolute age, after being idle, or with the browser."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse

from factcheck.lib import security

LOGIN = reverse("admin:login")
PASSWORD = "correct horse battery staple"


@pytest.fixture
def edna(editor):
    editor.set_password(PASSWORD)
    editor.save()
    return editor


def attempt(client: Client, username: str, password: str, address: str = "203.0.113.7"):
    return client.post(
        f"{LOGIN}?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def logged_in(client: Client) -> bool:
    return client.get(reverse("admin:index")).status_code == 200


def fail(client: Client, times: int, username: str = "edna", address: str = "203.0.113.7"):
    return [attempt(client, username, "wrong", address).status_code for _ in range(times)]


def test_wrong_passwords_lock_the_username_out_at_the_limit(client, edna, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert fail(client, 5) == [200, 200, 200, 200, 429]
    locked = attempt(client, "edna", PASSWORD)
    assert locked.status_code == 429
    assert not logged_in(client)


def test_the_lockout_page_says_why_for_how_long_and_how_to_lift_it(client, edna):
    fail(client, 5)
    page = attempt(client, "edna", PASSWORD).content.decode()
    assert "Too many failed logins" in page
    assert "5 logins in a row failed for <strong>edna</strong>" in page
    assert "Try again in 30 minutes" in page
    assert "manage.py axes_reset_username edna" in page


def test_the_lock_is_for_that_username_from_that_address_only(client, edna, reviewer):
    reviewer.set_password(PASSWORD)
    reviewer.save()
    fail(client, 5)
    # A colleague behind the same address logs in; so does edna from elsewhere.
    assert attempt(client, "rita", PASSWORD).status_code == 302
    client.logout()
    assert attempt(client, "edna", PASSWORD, address="198.51.100.9").status_code == 302


def test_a_successful_login_forgets_earlier_failures(client, edna):
    fail(client, 4)
    assert attempt(client, "edna", PASSWORD).status_code == 302
    client.logout()
    assert fail(client, 4) == [200] * 4  # counted from zero again


def test_an_administrator_lifts_the_lock_with_a_command(client, edna):
    fail(client, 5)
    call_command("axes_reset_username", "edna")
    assert attempt(client, "edna", PASSWORD).status_code == 302
    assert logged_in(client)


def test_axes_reset_lifts_every_lock(client, edna):
    fail(client, 5)
    call_command("axes_reset")
    assert AccessAttempt.objects.count() == 0
    assert attempt(client, "edna", PASSWORD).status_code == 302


def test_the_lock_lifts_by_itself_after_the_cool_off(client, edna):
    fail(client, 5)
    AccessAttempt.objects.update(attempt_time=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=31))
    assert attempt(client, "edna", PASSWORD).status_code == 302


def test_force_login_is_not_counted(client, edna):
    """The suite logs in with force_login: axes never sees those, so they cannot lock out."""
    fail(client, 4)
    client.force_login(edna)
    assert logged_in(client)


def test_behind_a_proxy_the_address_is_the_one_the_proxy_saw(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    request = RequestFactory().post(
        LOGIN, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.7"
    )
    # "1.1.1.1" is what the client wrote; the proxy appended the address it saw.
    assert security.client_ip(request) == "203.0.113.7"
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 0}
    assert security.client_ip(request) == "10.0.0.2"


# --- Sessions -------------------------------------------------------------------------------------


def age_session(client: Client, **seconds_ago: float) -> None:
    session = client.session
    for key, ago in seconds_ago.items():
        session[key] = time.time() - ago
    session.save()


def test_a_session_in_use_stays(client, edna):
    client.force_login(edna)
    age_session(client, _seen_at=600, _login_at=600)
    assert logged_in(client)
    assert time.time() - client.session["_seen_at"] < 5  # being used keeps it alive


def test_a_session_idle_too_long_ends(client, edna, settings):
    assert settings.SESSION_IDLE_SECONDS == 2 * 60 * 60
    client.force_login(edna)
    age_session(client, _seen_at=settings.SESSION_IDLE_SECONDS + 1)
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(LOGIN)
    assert "Nothing was done in this session for too long" in response.content.decode()
    assert not logged_in(client)


def test_a_busy_session_still_ends_at_its_absolute_age(client, edna, settings):
    assert settings.SESSION_COOKIE_AGE == 12 * 60 * 60
    client.force_login(edna)
    age_session(client, _login_at=settings.SESSION_COOKIE_AGE + 1, _seen_at=30)
    response = client.get(reverse("admin:index"), follow=True)
    assert "longest time a login lasts" in response.content.decode()
    assert not logged_in(client)


def test_a_session_without_a_login_time_ends(client, edna):
    client.force_login(edna)
    session = client.session
    del session["_login_at"]
    session.save()
    assert not logged_in(client)


def test_an_ended_session_no_longer_writes_to_the_api(client, edna, make_claim):
    client.force_login(edna)
    age_session(client, _seen_at=3 * 60 * 60)
    response = client.post("/api/claims/", {}, content_type="application/json")
    assert response.status_code in (401, 403)
    assert "credentials" in response.json()["detail"]


def test_the_session_cookie_ends_with_the_browser(client, edna):
    response = attempt(client, "edna", PASSWORD)
    cookie = response.cookies["sessionid"]
    assert cookie["expires"] == "" and cookie["max-age"] == ""
    assert cookie["httponly"] is True
