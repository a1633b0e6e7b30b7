"""The translation catalogues are complete and compiled: every message of every language has its
translation, none fuzzy, each with the placeholders of its English, and the committed `.mo` file
is the `.po` file compiled (so `make run` needs no GNU gettext)."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

LOCALE = Path(settings.BASE_DIR) / "locale"
TRANSLATED = [code for code, _name in settings.LANGUAGES if not code.startswith("en")]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|\{(\w*)\}")


def catalogue(code: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / code / "LC_MESSAGES" / "django.po"))


def placeholders(text: str) -> set[str]:
    return {"".join(found) for found in PLACEHOLDER.findall(text)}


def entries(code: str) -> list[polib.POEntry]:
    return [entry for entry in catalogue(code) if not entry.obsolete]


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated_and_none_is_fuzzy(code):
    untranslated = [entry.msgid for entry in entries(code) if not entry.translated()]
    fuzzy = [entry.msgid for entry in entries(code) if "fuzzy" in entry.flags]
    assert (untranslated, fuzzy) == ([], [])


@pytest.mark.parametrize("code", TRANSLATED)
def test_each_translation_keeps_the_placeholders_of_its_english(code):
    wrong = []
    for entry in entries(code):
        given = placeholders(entry.msgid) | placeholders(entry.msgid_plural)
        if entry.msgid_plural:
            # A plural form may say its number in words ("one hour"), never a new placeholder.
            if any(placeholders(text) - given for text in entry.msgstr_plural.values()):
                wrong.append(entry.msgid)
        elif placeholders(entry.msgstr) != given:
            wrong.append(entry.msgid)
    assert wrong == []


def message(entry: polib.POEntry | polib.MOEntry) -> tuple[tuple, str | dict]:
    return (entry.msgctxt, entry.msgid), entry.msgstr or entry.msgstr_plural


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_committed_mo_file_is_the_po_file_compiled(code):
    compiled = polib.mofile(str(LOCALE / code / "LC_MESSAGES" / "django.mo"))
    found = dict(map(message, compiled))
    expected = dict(map(message, entries(code)))
    assert {key: found.get(key) for key in expected} == expected


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_site_speaks_the_language(code):
    with translation.override(code):
        assert translation.gettext("All claims") != "All claims"
