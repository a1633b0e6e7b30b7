"""Each language's stemmer, so that "crossings" finds "crossing", "frontière" finds
"frontières" and "العبارة" finds "العبارات". A stemmer works on folded words (`text.fold`) and
only on words of its script: an English stemmer leaves an Arabic word alone, and the other way
round.

English, French, Spanish and German are Snowball's stemmers (PyStemmer: the Snowball project's C
code, the same algorithms as PostgreSQL's `english_stem` and kin). Arabic is Larkey, Ballesteros
and Connell's "light10" (2002, 2007), which strips the proclitic "و", the article with its
prepositions and the common suffixes: on the Arabic words of `tests/data/realtext/` it unites a
word with its prefixed and suffixed forms far more often than Snowball's Arabic stemmer
(`tests/search/test_real_text.py` measures both). Adding a language: docs/languages.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import Stemmer


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, as Claim.language has it
    script: str  # "latin" or "arabic": the words it stems
    stem: Callable[[str], str]


def _snowball(name: str) -> Callable[[str], str]:
    return Stemmer.Stemmer(name).stemWord


# light10: the "و" that joins, then an article, then suffixes, each only when enough is left
# (a stem of at least two letters, three for "و"). Words are folded: ة is written ه.
_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")


@lru_cache(maxsize=65536)
def light10(word: str) -> str:
    """The light10 stem of a folded Arabic word."""
    if word.startswith("و") and len(word) >= 4:
        word = word[1:]
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            word = word[len(article) :]
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[: -len(suffix)]
    return word


LANGUAGES = {
    language.code: language
    for language in (
        Language("en", "latin", _snowball("english")),
        Language("fr", "latin", _snowball("french")),
        Language("es", "latin", _snowball("spanish")),
        Language("de", "latin", _snowball("german")),
        Language("ar", "arabic", light10),
    )
}


def script(word: str) -> str:
    """The script of a folded word, by its first letter: "latin", "arabic" or "" (digits and
    every other script, which no stemmer here touches)."""
    first = word[0]
    if "a" <= first <= "z" or "\u00c0" <= first <= "\u024f":
        return "latin"
    if "\u0620" <= first <= "\u06ff" or "\u0750" <= first <= "\u077f":
        return "arabic"
    return ""


def stems(word: str, codes: tuple[str, ...]) -> set[str]:
    """The stems of `word` in the languages `codes` whose script it is written in (not itself)."""
    written_in = script(word)
    found = {
        LANGUAGES[code].stem(word)
        for code in codes
        if code in LANGUAGES and LANGUAGES[code].script == written_in
    }
    found.discard(word)
    return found
