"""factcheck/settings.py: everything from the environment, and .env.example names it all."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READ = re.compile(
    r"""(?:os\.environ\.get|os\.environ\[|env_bool|env_list)\(?\s*["']([A-Z][A-Z0-9_]+)["']"""
)


def test_env_example_lists_every_setting_read_from_the_environment():
    read = set(READ.findall((ROOT / "factcheck" / "settings.py").read_text()))
    listed = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert read, "no environment variables found in settings.py"
    assert sorted(read - listed) == []
