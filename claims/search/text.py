"""Text folded one way for searching, and cut into words: what is stored and what is typed go
through the same two functions, so "Crossing", "crossing" and "CROSSING" are one word, and so
are "العبّارات" and "العبارات", "élection" and "election".
"""

from __future__ import annotations

import re
import unicodedata

# Arabic: short vowels, shadda, sukun and the Quranic marks (U+0610–U+061A, U+064B–U+065F,
# U+0670, U+06D6–U+06ED) are dropped, and so is tatweel (U+0640), which only stretches a line.
# Hamza-carrying alefs and alef wasla are written as bare alef, taa marbuta as haa and alef
# maqsura as yaa: readers type them either way. Arabic-Indic digits become ASCII digits.
_ARABIC = {
    **dict.fromkeys(range(0x0610, 0x061B)),
    **dict.fromkeys(range(0x064B, 0x0660)),
    0x0670: None,
    **dict.fromkeys(range(0x06D6, 0x06EE)),
    0x0640: None,
    **dict.fromkeys(map(ord, "أإآٱ"), "ا"),
    ord("ة"): "ه",
    ord("ى"): "ي",
    **{0x0660 + n: str(n) for n in range(10)},
    **{0x06F0 + n: str(n) for n in range(10)},
}
# Accents of Latin (and Greek and Cyrillic) letters, once decomposed (NFD).
_ACCENTS = re.compile("[\u0300-\u036f]")


def _marks() -> str:
    """Every combining mark (Unicode category M) of the Basic Multilingual Plane, as ranges of a
    character class: a vowel sign is part of its word in Devanagari and its kin, as it is for
    FTS5's tokenizer as configured (`claims/models/search.py`)."""
    ranges: list[list[int]] = []
    for code in range(0x0300, 0x10000):
        if unicodedata.category(chr(code))[0] != "M":
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(f"{chr(first)}-{chr(last)}" for first, last in ranges)


# A word: letters, digits and the marks inside them; everything else (spaces, punctuation, the
# underscore, symbols, FTS5's and tsquery's operators) separates words.
_WORD = re.compile(f"(?:[^\\W_]|[{_marks()}])+")


def fold(text: str) -> str:
    """`text` in the one form searching compares: NFKC, case-folded, Arabic diacritics and
    tatweel dropped and its letter forms unified, Latin accents dropped."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_ARABIC)
    text = _ACCENTS.sub("", unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", text)


def words(text: str) -> list[str]:
    """The words of `text`, folded, in order."""
    return _WORD.findall(fold(text))
