"""Sentence boundaries in an article's language.

Pure Python. sentencex (Wikimedia's segmenter, with abbreviation lists for some 300 languages)
finds the boundaries within each paragraph; a title abbreviation or an initial it does not know
("M. Dupont", "Sr. Pérez", "X. Y") does not end a sentence.
"""

from __future__ import annotations

import itertools
import re

import sentencex

# A sentence may not end at a title or an initial: "Mr.", "M.", "Sr.", "Dr.", "J."
_TITLE_END = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Capt|St|No|Gov|Sen|Rep|Rev|Jr|Sr|Sra|Srta|Dra|"
    r"Lic|Ing|Mme|Mlle|Me|Pr|Hr|Fr|Nr|Abs|bzw|z\.\s?B|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|"
    r"Oct|Okt|Nov|Dec|Dez)|\b[A-ZÀ-Þ])\.\s*$"
)
_PARAGRAPH = re.compile(r"[^\n]+")
# sentencex keeps a quotation whole; a long one is cut at its own sentence ends
LONG = 60
_INNER_END = re.compile(r"(?<=[.!?؟])\s+(?=[\"“«]?[A-ZÀ-Þ\u0600-\u06ff])")


def split_sentences(text: str, language: str | None = "en") -> list[tuple[int, int]]:
    """Sentence spans of `text`, paragraph by paragraph, not cut at 'Mr.' or 'U.S.'."""
    code = (language or "en").lower()[:2] or "en"
    spans: list[tuple[int, int]] = []
    for paragraph in _PARAGRAPH.finditer(text):
        pieces = []
        for bound in sentencex.get_sentence_boundaries(code, paragraph.group(0)):
            start = paragraph.start() + bound["start_index"]
            end = paragraph.start() + bound["end_index"]
            chunk = text[start:end]
            start += len(chunk) - len(chunk.lstrip())
            end = start + len(chunk.strip())
            if end > start:
                pieces.append((start, end))
        for start, end in _joined_at_titles(text, pieces):
            spans.extend(_cut_long(text, start, end))
    return spans


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if len(text[start:end].split()) <= LONG:
        return [(start, end)]
    cuts = [start] + [m.end() for m in _INNER_END.finditer(text, start, end)] + [end]
    pieces = [(a, a + len(text[a:b].rstrip())) for a, b in itertools.pairwise(cuts)]
    return _joined_at_titles(text, [(a, b) for a, b in pieces if b > a])


def _joined_at_titles(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for start, end in pieces:
        if joined and _TITLE_END.search(text[joined[-1][0] : joined[-1][1]]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined
