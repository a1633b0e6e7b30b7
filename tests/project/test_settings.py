"""factcheck/settings.py: everything from the environment, and .env.example names it all."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
READ = re.compile(r"""\b(?:os\.environ\.get|env|env_bool|env_list)\(\s*["']([A-Z][A-Z0-9_]+)["']""")
LISTED = re.compile(r"^#?\s*([A-Z][A-Z0-9_]+)=", re.M)
DUMP = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({n: repr(getattr(s, n, None)) for n in %r}))"
)


def listed() -> list[str]:
    return LISTED.findall((ROOT / ".env.example").read_text())


def test_env_example_lists_every_setting_read_from_the_environment():
    read = set(READ.findall((ROOT / "factcheck" / "settings.py").read_text()))
    assert len(read) > 20, "the environment variables of settings.py were not found"
    assert sorted(read - set(listed())) == []


def settings_loaded(*, with_env_example: bool) -> dict[str, str]:
    export = "set -e; set -a; . ./.env.example; set +a; " if with_env_example else ""
    script = f"{export}{sys.executable} -c {DUMP % listed()!r}"
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "factcheck.settings"}
    run = subprocess.run(
        ["bash", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0 and run.stderr == "", run.stderr
    return json.loads(run.stdout)


def test_env_example_exported_as_the_readme_says_gives_the_embedded_defaults():
    """`set -a; . ./.env; set +a` with the file as it ships: its values are the defaults, and a
    blank one means the default (an empty broker URL, mail backend or var/ broke the run)."""
    assert settings_loaded(with_env_example=True) == settings_loaded(with_env_example=False)


def test_each_parallel_test_process_has_a_cache_database_of_its_own(settings):
    """Clearing the cache before each test (conftest) must not empty another process's."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    location = settings.CACHES["default"].get("LOCATION", "")
    if not (worker and location.startswith("redis")):
        pytest.skip("one process, or no Redis cache: nothing is shared")
    assert os.environ["REDIS_URL"] == location
    assert location != os.environ.get("CELERY_BROKER_URL")
    from django.core.cache import cache

    assert cache._cache._servers == [location]
