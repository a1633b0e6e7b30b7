"""The Makefile's `run`: what it starts, checked with `make -n` (nothing is run)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def planned(*args: str, **env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k != "SITE_URL"} | env
    done = subprocess.run(
        ["make", "-n", "run", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_run_on_another_port_links_to_that_port():
    """Feeds, ClaimReview and webhook payloads name SITE_URL: it must be where the site is."""
    commands = planned("PORT=8123")
    assert "SITE_URL=http://127.0.0.1:8123" in commands
    assert "runserver --noreload 127.0.0.1:8123" in commands


def test_a_site_url_given_is_kept():
    assert "SITE_URL=https://factcheck.example" in planned(SITE_URL="https://factcheck.example")
