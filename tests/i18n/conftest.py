"""A tiny catalogue of the tests' own, for checking that a string is looked up in the reader's
language without waiting for the real catalogues to translate it: whatever it holds wins over
`locale/` (an earlier LOCALE_PATHS entry), and its words are unmistakably the test's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polib
import pytest


@pytest.fixture
def test_catalogue(settings, tmp_path: Path) -> Callable[[str, dict[str, str]], None]:
    """`test_catalogue("fr", {"claim": "AFFIRMATION"})`: those messages, compiled, looked up
    before the project's own (changing LOCALE_PATHS empties Django's cache of catalogues)."""

    def install(code: str, messages: dict[str, str]) -> None:
        catalogue = polib.POFile()
        catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
        for msgid, msgstr in messages.items():
            context, _bar, text = msgid.rpartition("\x04")  # "context\x04message", as gettext
            catalogue.append(polib.POEntry(msgctxt=context or None, msgid=text, msgstr=msgstr))
        folder = tmp_path / "locale" / code / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        catalogue.save_as_mofile(str(folder / "django.mo"))
        settings.LOCALE_PATHS = [tmp_path / "locale", *settings.LOCALE_PATHS]

    return install
