"""Names compared across spellings and transliterations: "Ahmad Jadayan" and "Ahmed Jidyan".

Pure Python. Transliterations of the same name differ mostly in vowels, doubled letters, accents
and articles ("al-"), so two names match when their consonant skeletons are equal and the
spellings are still close.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

_ARTICLES = re.compile(r"\b(?:al|el|ul|ad|ar|as|at|az|an)[\s-]+")
_DIGRAPHS = (
    ("ph", "f"),
    ("q", "k"),
    ("ck", "k"),
    ("c", "k"),
    ("dh", "z"),
    ("zh", "z"),
    ("th", "t"),
)
_DIGRAPHS += (("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("w", "v"), ("j", "g"))
_VOWELS = re.compile(r"[aeiou]+")
_DOUBLES = re.compile(r"(.)\1+")


def normalise(name: str) -> str:
    """Lower case, no accents, apostrophes or punctuation, single spaces."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = re.sub(r"[’'`ʿʾ]", "", plain)
    return " ".join(re.sub(r"[^a-z0-9\u0600-\u06ff]+", " ", plain).split())


def skeleton(name: str) -> str:
    """The consonants of each word, with articles, doubled letters and vowels dropped."""
    words = []
    for word in _ARTICLES.sub("", normalise(name) + " ").split():
        for old, new in _DIGRAPHS:
            word = word.replace(old, new)
        consonants = _DOUBLES.sub(r"\1", _VOWELS.sub("", word[1:]))
        words.append((word[0] if word[0] not in "aeiou" else "") + consonants)
    return " ".join(words)


def same_person(a: str, b: str) -> bool:
    """Whether two spellings are plausibly one name (the editor confirms before it is used)."""
    if normalise(a) == normalise(b):
        return True
    if not skeleton(a) or skeleton(a) != skeleton(b):
        return False
    return SequenceMatcher(None, normalise(a), normalise(b)).ratio() >= 0.6
