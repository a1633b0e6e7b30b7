"""Fixtures of the intake tests: a promise the local news site's articles follow up."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.models import Claim, Claimant


@pytest.fixture
def bridge_claim(make_claim, publish_claim) -> Claim:
    """Watched: Dana Whitlock's promise, made on 15 January 2024, deadline 29 January; the
    local news site (tests/support/newsserver.py) reports the bridge reopened."""
    whitlock = Claimant.objects.create(name="Dana Whitlock", role="Mayor of Portmere")
    return publish_claim(
        make_claim(
            "The Harbour Bridge in Portmere will reopen within two weeks.",
            quote="the Harbour Bridge will be reopened to traffic in two weeks",
            claimant=whitlock,
            deadline=dt.date(2024, 1, 29),
        )
    )
