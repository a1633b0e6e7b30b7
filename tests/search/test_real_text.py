"""Search on real text (tests/data/realtext/): how often a word finds the other forms of it that
real news writes, per language. The pairs are those the real sentences and articles hold: a
word and the same word with a plural, feminine or verb ending, or (Arabic) with the article, a
joined preposition or conjunction, or a suffix. Printed with `pytest -s`; held to floors."""

from __future__ import annotations

import Stemmer

from claims.search import terms
from claims.search.stemmers import light10
from claims.search.text import words
from tests.support.realtext import (
    ARTICLES,
    HELD_OUT_ARTICLES,
    HELD_OUT_SENTENCES,
    SENTENCES,
    STUDIED_ARTICLES,
    articles,
    sentences,
)

# How a language writes another form of a word: endings added (and, for Arabic, beginnings).
ENDINGS = {
    "en": ("s", "es", "ed", "ing"),
    "fr": ("s", "e", "es", "x"),
    "es": ("s", "es", "a", "as"),
    "de": ("e", "en", "n", "er", "s"),
    "ar": ("ات", "ون", "ين", "ه", "ها", "ان"),
}
ARABIC_BEGINNINGS = ("ال", "وال", "بال", "لل", "و", "ب", "ف")
SITE_LANGUAGE = "en"  # the newsroom's, whose stems every claim's text also gets
FLOORS = {"en": 0.9, "fr": 0.9, "es": 0.9, "de": 0.8, "ar": 0.8}


def vocabulary(language: str) -> set[str]:
    texts = [
        row["text"]
        for path in (SENTENCES, HELD_OUT_SENTENCES)
        for row in sentences(path)
        if row["lang"] == language
    ]
    texts += [
        article["text"]
        for folder in (ARTICLES, HELD_OUT_ARTICLES, STUDIED_ARTICLES)
        for article in articles(folder)
        if article["lang"] == language
    ]
    return {word for text in texts for word in words(text) if not word.isdigit()}


def pairs(language: str) -> list[tuple[str, str]]:
    """(word, another form of it), both written in the real texts."""
    known = vocabulary(language)
    found = {
        (word, word + ending)
        for word in known
        if len(word) >= 3
        for ending in ENDINGS[language]
        if word + ending in known
    }
    if language == "ar":
        found |= {
            (word, beginning + word)
            for word in known
            if len(word) >= 3
            for beginning in ARABIC_BEGINNINGS
            if beginning + word in known
        }
    return sorted(found)


def finds(typed: str, written: str, language: str, *, stemmed: bool = True) -> bool:
    """Whether a query of `typed` finds a claim in `language` whose text has `written`: the
    rule FTS5 and PostgreSQL apply to the terms (a prefix, or a stem as a whole word). Without
    `stemmed`, as a search without stems would: by the word's beginning only."""
    languages = [language, SITE_LANGUAGE] if stemmed else []
    document = terms.document([written], [], languages).split()
    (word,) = terms.query(typed)
    return (
        word.word in document
        or (word.prefix and any(term.startswith(word.word) for term in document))
        or (stemmed and any(stem in document for stem in word.stems))
    )


def recall(language: str, *, stemmed: bool = True) -> tuple[float, int]:
    both_ways = [
        finds(a, b, language, stemmed=stemmed) and finds(b, a, language, stemmed=stemmed)
        for a, b in pairs(language)
    ]
    return sum(both_ways) / len(both_ways), len(both_ways)


def test_each_language_finds_the_forms_real_text_writes():
    scores = {language: recall(language) for language in ENDINGS}
    print("\nsearch recall on real text (a word ↔ another form of it, both ways):")
    for language, (score, n) in scores.items():
        without, _ = recall(language, stemmed=False)
        print(f"  {language}: {score:.0%} of {n} pairs (by beginnings only: {without:.0%})")
    low = {lang: score for lang, (score, _) in scores.items() if score < FLOORS[lang]}
    assert not low, low


def test_light10_unites_arabic_forms_more_often_than_snowballs_arabic_stemmer():
    snowball = Stemmer.Stemmer("arabic").stemWord
    arabic = pairs("ar")
    light = sum(light10(a) == light10(b) for a, b in arabic) / len(arabic)
    other = sum(snowball(a) == snowball(b) for a, b in arabic) / len(arabic)
    print(
        f"\nArabic forms with one stem, of {len(arabic)}: light10 {light:.0%}, Snowball {other:.0%}"
    )
    assert light > other
