"""Whether a news article follows up a promise: what makes two texts about the same promise is
*who* made it (the claimant, by any of their names), *what* it is about (the claim's content words,
stemmed in its language), *where* (the names of places and things in it) and *when* (the article
is dated after the claim was made). Each sentence of the article (and its headline) is scored;
a follow-up needs who-or-where AND what, and a score above `THRESHOLD`. Another minister's bridge
or another crossing shares the what but not the who or the where, so it ranks below the real
thing; unrelated news shares too little to be offered.

In a script without capitals (Arabic) the where cannot be told from the other words: there a
sentence without the claimant must share more of the what instead.

Pure Python, used by `claims.intake.followups`; measured on real news in
tests/intake/test_matching_real.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from claims.intake.sentences import split_sentences
from claims.intake.terms import NOT_NAMES, Words, fold, named_words, stem, words_of

THRESHOLD = 0.5
WHAT_CAP = 5  # a sentence sharing this many of the claim's content words shares its whole what
WHERE_CAP = 4  # …and this many of its names, its whole where
MIN_WHAT_WORDS = 2
MIN_WHAT = 0.4
# A where stands in for the who only when it names at least this share of the claim's names:
# "a bridge" is not "the Harbour Bridge in Portmere".
MIN_WHERE = 0.5
# Without a who or a where to tell (a caseless script, no claimant named), the what must carry it.
WHAT_ALONE = 0.6
WHAT_ALONE_WORDS = 3
ELSEWHERE = 0.5  # a who or where named elsewhere in the article, not in the sentence, counts half
WEIGHTS = {"what": 0.55, "where": 0.25, "who": 0.2}
# Where no where can be told (a caseless script), what and who share its weight.
WEIGHTS_CASELESS = {"what": 0.75, "where": 0.0, "who": 0.25}
# A stem meets a longer one that begins with it ("centrafr", "centrafricain"), up to this much more.
LONGER_STEM = 5
LONGEST_SENTENCE = 600


@dataclass(frozen=True)
class Promise:
    """What a claim is, for the matcher: made from its words and claimant by `promise_of`."""

    language: str  # the quote's
    what: frozenset[str]
    where: frozenset[str]
    where_stems: frozenset[str]  # the same names stemmed: "Centrafrique" meets "centrafricaines"
    who: tuple[str, ...]  # the forms that name the claimant: joined full names, surnames, aliases
    made_on: dt.date | None


@dataclass(frozen=True)
class Match:
    """The sentence of an article that best follows up a promise, and how well."""

    sentence: str
    score: float
    who: float
    what: float
    where: float

    @property
    def matched(self) -> str:
        """Which of who, what and where the sentence has, in words for the reviewer."""
        return ", ".join(name for name in ("who", "what", "where") if getattr(self, name) > 0)


def promise_of(
    *,
    statement: str,
    quote: str,
    claimant_names: list[str],
    language: str,
    made_on: dt.date | None,
    statement_language: str = "",
) -> Promise:
    """The promise a claim makes: its quote read in the claim's language, its statement (the
    newsroom's words) in its own, which may be another."""
    language = language or "en"
    statement_language = statement_language or language
    who_words: set[str] = set()
    forms: list[str] = []
    for name in claimant_names:
        parts = [fold(part) for part in name.replace("-", " ").split() if part.strip(".,")]
        parts = [part.strip(".,()") for part in parts if part.strip(".,()")]
        who_words.update(parts)
        forms.extend(_name_forms(parts, language))
    said = words_of(quote, language).stems | words_of(statement, statement_language).stems
    named = named_words(quote, language) | named_words(statement, statement_language)
    what = said - {
        stem(word, code) for word in who_words for code in (language, statement_language)
    }
    where = named - who_words
    return Promise(
        language=language,
        what=frozenset(what),
        where=frozenset(where),
        where_stems=frozenset(stem(name, language) for name in where),
        who=tuple(dict.fromkeys(forms)),
        made_on=made_on,
    )


def _name_forms(parts: list[str], language: str) -> list[str]:
    """How an article may name someone: the whole name joined, the last two words joined, and
    the surname alone when it is no common word ("Jadayan", not "الوزير", "the minister")."""
    if not parts:
        return []
    forms = ["".join(parts)]
    if len(parts) > 2:
        forms.append("".join(parts[-2:]))
    surname = parts[-1]
    if language == "ar":
        surname = surname.removeprefix("ال")
    common = not words_of(surname, language).stems or surname in NOT_NAMES
    if len(surname) >= 4 and not common:
        forms.append(surname)
    return forms


@dataclass(frozen=True)
class ReadArticle:
    """An article's words and sentences (its headline first), read once for every claim."""

    words: Words
    sentences: tuple[tuple[str, Words], ...]


def read_article(*, headline: str, text: str, language: str) -> ReadArticle:
    """The article's words in its language (English when unknown)."""
    language = language or "en"
    sentences = [headline, *_sentences(text, language)]
    return ReadArticle(
        words=words_of(f"{headline}\n{text}", language),
        sentences=tuple((s, words_of(s, language)) for s in sentences if s.strip()),
    )


def find_follow_up(
    promise: Promise, article: ReadArticle, *, published: dt.date | None
) -> Match | None:
    """The best sentence of the article that follows up `promise`, or None. An article dated on
    or before the day the claim was made is never one."""
    if promise.made_on and published and published <= promise.made_on:
        return None
    compounds = promise.language == "de"
    if _shared(promise.what, article.words.stems, compounds) < MIN_WHAT_WORDS:
        return None  # the cheap test first: most news shares nothing with most claims
    who_elsewhere = ELSEWHERE if _names(promise.who, article.words) else 0.0
    where_elsewhere = ELSEWHERE * _where(promise, article.words)
    best: Match | None = None
    for sentence, words in article.sentences:
        found = _score(promise, words, who_elsewhere, where_elsewhere)
        if found is not None and (best is None or found[0] > best.score):
            best = Match(sentence.strip()[:LONGEST_SENTENCE], *found)
    return best


def _sentences(text: str, language: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, language) if end > start]


def _score(
    promise: Promise, sentence: Words, who_elsewhere: float, where_elsewhere: float
) -> tuple[float, float, float, float] | None:
    """(score, who, what, where) of one sentence, or None if it is no follow-up."""
    compounds = promise.language == "de"
    shared = _shared(promise.what, sentence.stems, compounds)
    what = min(1.0, shared / min(WHAT_CAP, len(promise.what) or 1))
    if shared < MIN_WHAT_WORDS or what < MIN_WHAT:
        return None
    if not _shared(promise.what - promise.where_stems, sentence.stems, compounds):
        return None  # names alone say where, not what happened
    who = 1.0 if _names(promise.who, sentence) else who_elsewhere
    where = max(_where(promise, sentence), where_elsewhere)
    alone = not promise.where and what >= WHAT_ALONE and shared >= WHAT_ALONE_WORDS
    if not who and where < MIN_WHERE and not alone:
        return None
    weights = WEIGHTS if promise.where else WEIGHTS_CASELESS
    score = weights["what"] * what + weights["where"] * where + weights["who"] * who
    if score < THRESHOLD:
        return None
    return round(score, 3), who, round(what, 3), round(where, 3)


def _shared(stems: frozenset[str], words: frozenset[str], compounds: bool = False) -> int:
    """How many of `stems` are among `words`, or begin a word a little longer (a stemmer leaves
    "centrafricain" whole and cuts "Centrafrique" to "centrafr"). With `compounds` (German), a
    stem also meets a word that begins or ends with it ("Cannabislegalisierung")."""
    return sum(_meets(stem, words, compounds) for stem in stems)


def _meets(stem: str, words: frozenset[str], compounds: bool) -> bool:
    if stem in words:
        return True
    if len(stem) < 5:
        return False
    for word in words:
        if word.startswith(stem) and (compounds or len(word) - len(stem) <= LONGER_STEM):
            return True
        if compounds and len(stem) >= 6 and word.endswith(stem):
            return True
    return False


def _where(promise: Promise, words: Words) -> float:
    """The share of the promise's names the words write as names (by name or by stem)."""
    if not promise.where:
        return 0.0
    found = sum(_present(name, words.names) for name in promise.where)
    by_stem = _shared(promise.where_stems, words.stems)
    return min(1.0, max(found, by_stem) / min(WHERE_CAP, len(promise.where)))


def _names(forms: tuple[str, ...], words: Words) -> bool:
    return any(_present(form, words.names) for form in forms)


def _present(name: str, words: frozenset[str]) -> bool:
    """`name` among `words`, or a word that is it with a short ending ("Syria" in "Syrian",
    "Jadayan" in "Jadayans")."""
    if name in words:
        return True
    if len(name) < 4:
        return False
    return any(word.startswith(name) and len(word) - len(name) <= 2 for word in words)
