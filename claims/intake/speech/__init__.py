"""Each language's words for attribution and check-worthiness, keyed by ISO 639-1 code.

Adding a language: a module here with a `SPEECH` (see base.Speech), and its deadline words in
claims/deadlines/lang/ (docs/languages.md).
"""

from claims.intake.speech import ar, de, en, es, fr
from claims.intake.speech.base import Speech

SPEECH: dict[str, Speech] = {m.SPEECH.code: m.SPEECH for m in (en, es, fr, de, ar)}


def speech(language: str | None) -> Speech:
    """The words of a language, English when it is unknown."""
    return SPEECH.get((language or "en").lower()[:2], SPEECH["en"])
