"""Names in running text: a person's or a body's, titles stripped, and whether a phrase is a
title alone ("the minister", "el presidente municipal", "محافظ القاهرة").

Pure Python, used by `claims.intake.attribution` (who said it) and `claims.intake.promises`.
Latin scripts are read by their capitals; Arabic, which has none, in `arabic.py`.
"""

from __future__ import annotations

import re
from functools import cache

from claims.intake.people import Cast, role_words
from claims.intake.speech import speech
from claims.intake.speech.base import Speech

_UPPER = "A-ZÀ-ÖØ-ÞŁŚŻŹĆŃ"
_WORD = rf"[{_UPPER}][\w’'\-]*(?:\.[{_UPPER}]\.?)?"


@cache
def name_pattern(code: str) -> re.Pattern[str]:
    """A run of capitalised words, joined by the language's particles ("Charles de Gaulle")."""
    sp = speech(code)
    particles = sp.particles + ("|of|for" if code == "en" else "")
    return re.compile(rf"{_WORD}(?:\s+(?:(?:{particles})[\s-]+)?{_WORD}){{0,5}}")


def names_in(text: str, language: str = "en") -> list[tuple[str, set[str]]]:
    """Personal names (two or more words, titles stripped) in order, with the titles said of
    them around the name ("Minister Nitin Gadkari", "El ministro de X, Fernando Perea")."""
    sp = speech(language)
    if sp.code == "ar":
        from claims.intake.arabic import arabic_names

        return arabic_names(text, sp)
    found = []
    for match in name_pattern(sp.code).finditer(text):
        raw = after_a_noun(strip_possessive(match.group(0)), sp)
        name = strip_titles(raw, sp)
        words = name.split()
        if (
            len(words) >= 2
            and not is_org(name, sp)
            and words[0].lower() not in sp.stop_caps
            and not (sp.not_name and any(re.fullmatch(sp.not_name, w, re.I) for w in words))
        ):
            roles = role_words(raw.split()[: -len(words)], sp) | apposed_roles(text, match, sp)
            found.append((name, roles))
    return found


def after_a_noun(run: str, sp: Speech) -> str:
    """ "État de Michel Djotodia" is a noun and the name after its particle; "Charles de
    Gaulle" and "Ministry of Health" stay whole."""
    parts = re.split(rf"\s+(?:{sp.particles})\s+", run, maxsplit=1)
    if len(parts) == 2 and len(parts[0].split()) == 1 and len(parts[1].split()) >= 2:
        return parts[1]
    return run


def apposed_roles(text: str, match: re.Match[str], sp: Speech) -> set[str]:
    """The roles said of a name in apposition: "El ministro de Infraestructura, Fernando Perea,"
    or "Fernando Perea, ministro de Infraestructura,"."""
    before = re.search(r"([^,.;:]{2,60}),\s*$", text[max(0, match.start() - 62) : match.start()])
    after = re.match(r"\s*,\s*([^,.;:]{2,60})", text[match.end() : match.end() + 62])
    roles: set[str] = set()
    for segment in (before, after):
        if segment and is_generic(segment.group(1).split(), sp):
            roles |= role_words(segment.group(1).split(), sp)
    return roles


def organisations_in(text: str, language: str = "en") -> list[str]:
    """Names of bodies (a capitalised run with an organisation word: "Ministry of Health")."""
    sp = speech(language)
    if sp.code == "ar":
        from claims.intake.arabic import arabic_organisations

        return arabic_organisations(text, sp)
    runs = (clean_name(m.group(0), sp) for m in name_pattern(sp.code).finditer(text))
    return [run for run in runs if run and is_org(run, sp) and not is_outlet(run, sp)]


# --- The pieces ---------------------------------------------------------------------------


def is_generic(words: list[str], sp: Speech) -> bool:
    """A title without a name: "the minister", "el presidente municipal", "Le président
    autoproclamé de la République centrafricaine", "محافظ القاهرة"."""
    keys = [w.lower().strip(".,:;“”\"'«»،") for w in words]
    content = [k for k in keys if k not in sp.stop_caps]
    if not content or keys[-1] in sp.generic_plural or len(words) > 8:
        return False
    first = content[0]
    if first not in sp.titles and not (sp.code == "ar" and first.removeprefix("ال") in sp.titles):
        return False
    if sp.code == "ar":  # a title and its complement ("محافظ القاهرة"), no name after it
        return all(k in sp.titles or k.startswith("ال") for k in content)
    run = longest = 0
    for word, key in zip(words, keys, strict=True):
        run = run + 1 if word[:1].isupper() and key not in sp.titles | sp.stop_caps else 0
        longest = max(longest, run)
    return longest < 2


def clean_name(raw: str, sp: Speech) -> str:
    words = raw.strip(" ,.“”\"'«»").split()
    while words and words[0].lower() in sp.stop_caps:
        words = words[1:]
    if not words or not words[0][:1].isupper():
        return ""
    return strip_titles(strip_possessive(" ".join(words)), sp)


def strip_possessive(name: str) -> str:
    words = name.split()
    for index in range(len(words) - 1, -1, -1):
        if words[index].endswith(("'s", "’s")) and index < len(words) - 1:
            return " ".join(words[index + 1 :])
    return name


def strip_titles(name: str, sp: Speech) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in sp.titles:
        words = words[1:]
    return " ".join(words)


def is_org(name: str, sp: Speech) -> bool:
    return any(word.lower().strip(".()") in sp.org_words for word in name.split())


def is_outlet(name: str, sp: Speech) -> bool:
    return any(word.lower().strip(".()") in sp.outlet_words for word in name.split())


def plausible(name: str, sp: Speech, cast: Cast | None) -> bool:
    """A name of one word only where it cannot be a common noun: not in German, which writes
    every noun with a capital ("Zeit"), unless the article named that person before."""
    if sp.code != "de" or len(name.split()) > 1 or is_org(name, sp) or name.isupper():
        return True
    return cast is not None and cast.full_name(name) != name
