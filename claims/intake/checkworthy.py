"""How worth checking a sentence is: a promise with a deadline by a named person first; numbers
and reported facts next; opinion, self-praise, hedges and questions last or not at all.

Pure Python, used by `claims.intake.extraction`. The words of each language are in
`claims.intake.speech`.
"""

from __future__ import annotations

import re
from functools import cache

from claims.intake.speech import speech

MIN_SCORE = 1.5
_NUMBER = re.compile(
    r"(?<![\w.])(?!(?:19|20)\d\d\b)\d[\d,.]*%?|\b(percent|per cent|million|billion|thousand|"
    r"hundred|dozens?|half|double[sd]?|tripled?|twice|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|first|largest|highest|lowest|por\s+ciento|millones|millions|milliards|Millionen|"
    r"Milliarden|Prozent|مليون|مليار|بالمئة)\b",
    re.I,
)


@cache
def _compiled(code: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    sp = speech(code)
    return (
        re.compile(sp.future, re.I),
        re.compile(sp.opinion or r"(?!)", re.I),
        re.compile(sp.hedge or r"(?!)", re.I),
    )


def is_forward(quote: str, language: str) -> bool:
    """Whether a quote speaks of the future: a promise, a plan, a prediction, an obligation. A
    deadline is kept only there, so "fell to 4.1 percent in March" gives none."""
    return bool(_compiled(language)[0].search(quote))


def score(sentence: str, quote: str, deadline, who, language: str, *, person: bool):
    """(raw score, reasons) of one suggestion; `person` says the claimant is a named person."""
    future, opinion, hedge = _compiled(language)
    raw, reasons = 0.0, []

    def add(points: float, reason: str) -> None:
        nonlocal raw
        raw += points
        reasons.append(reason)

    if deadline is not None:
        add(1.0 if deadline.vague else 3.0, "vague deadline" if deadline.vague else "deadline")
    if future.search(quote):
        add(1.0, "promise or prediction")
    numbers = len(_NUMBER.findall(quote))
    if numbers:
        add(min(numbers, 3) * 0.6, "number")
    if who is not None and who.claimant:
        add(1.0, "attributed")
        if person and deadline is not None:
            add(0.5, "a named person's promise")
    if who is not None and who.reported_by:
        add(1.0, "reported")
    if who is not None and who.has_speech_verb:
        add(0.5, "statement")
    opinions = len(opinion.findall(sentence))
    if opinions:
        add(-min(opinions, 2) * 1.2, "opinion")
    if hedge.search(quote):
        add(-0.5, "hedged")
    if sentence.rstrip().endswith(("?", "؟")):
        add(-2.0, "question")
    if len(quote.split()) < 6 and (deadline is None or deadline.vague):
        add(-1.0, "short")  # a dated promise is worth checking however few its words
    return raw, reasons


def normalised(raw: float) -> float:
    """A raw score as a number between 0 and 1 (monotonic, so the order is kept)."""
    return round(raw / (raw + 4), 2)
