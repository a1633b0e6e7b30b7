"""A claim's search document and a reader's query, as terms both databases take as they are.

The document is one line of folded words: each word of the claim's own text followed by its
stems in the claim's language and the site's, then the names (claimant, aliases, source, who
relayed it), unstemmed. A query word matches a document that holds a word it begins (3 letters
or more: "Jaday" finds "Jadayan") or one of the query word's stems in any language of its script
("crossings" → "cross"). Every word of a query must match, in any part of the document.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from claims.search.stemmers import LANGUAGES, stems
from claims.search.text import words

MAX_QUERY_WORDS = 8  # more words narrow nothing a reader needs, and each costs a lookup
PREFIX_FROM = 3  # shorter words match whole words only: "al" is not every word in "al…"


def document(texts: Iterable[str], names: Iterable[str], languages: Iterable[str]) -> str:
    """The search document: the words of `texts` with their stems in `languages` (ISO 639-1
    codes; unknown ones are skipped), then the words of `names` as they are."""
    codes = tuple(dict.fromkeys(code for code in languages if code in LANGUAGES))
    terms: list[str] = []
    for text in texts:
        for word in words(text):
            terms.append(word)
            terms.extend(sorted(stems(word, codes)))
    for name in names:
        terms.extend(words(name))
    return " ".join(terms)


@dataclass(frozen=True)
class QueryWord:
    """One word of a query: matched as a prefix (`prefix`) or, if too short, as a whole word,
    or by one of its `stems` as a whole word."""

    word: str
    stems: tuple[str, ...]

    @property
    def prefix(self) -> bool:
        return len(self.word) >= PREFIX_FROM


def query(text: str) -> list[QueryWord]:
    """The words to look for in `text`, at most MAX_QUERY_WORDS, each with its stems in every
    language of its script (a query's language is not known). A lone letter left by an
    apostrophe ("Jadayan's", "l'élection") is dropped when the query has longer words."""
    found = list(dict.fromkeys(words(text)))
    longer = [word for word in found if len(word) > 1]
    return [
        QueryWord(word, tuple(sorted(stems(word, tuple(LANGUAGES)))))
        for word in (longer or found)[:MAX_QUERY_WORDS]
    ]


def fts5_match(query_words: list[QueryWord]) -> str:
    """The query in SQLite FTS5's syntax: each word and stem a quoted string (so no operator a
    reader types is ever read as one), alternatives joined by OR, words by AND."""
    return " AND ".join(
        "(" + " OR ".join(_alternatives(word, quoted='"{}"', prefixed='"{}" *')) + ")"
        for word in query_words
    )


def tsquery(query_words: list[QueryWord]) -> str:
    """The query in PostgreSQL's tsquery syntax (for `to_tsquery('simple', …)`), each lexeme
    quoted: `('crossings':* | 'cross') & ('jadayan':*)`."""
    return " & ".join(
        "(" + " | ".join(_alternatives(word, quoted="'{}'", prefixed="'{}':*")) + ")"
        for word in query_words
    )


def _alternatives(word: QueryWord, *, quoted: str, prefixed: str) -> list[str]:
    # Words hold only letters, digits and marks (text.words), so no quote needs escaping.
    first = (prefixed if word.prefix else quoted).format(word.word)
    return [first, *(quoted.format(stem) for stem in word.stems)]
