"""Which language a piece of text is in, read by py3langid (a maintained fork of langid.py).

Pure Python. Short quotes are where detectors err, so an answer below CONFIDENCE is no answer:
the caller falls back to the article's language.
"""

from __future__ import annotations

import functools

# A probability under this (of py3langid's normalised scores) is a guess, not a reading.
CONFIDENCE = 0.5
# Fewer letters than this say too little about their language.
MIN_LETTERS = 12


@functools.cache
def _identifier():
    # Loading the model takes a second or two: once per process, and only when first needed.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language `text` is written in ('ar', 'fr'), or '' if unsure."""
    if sum(character.isalpha() for character in text) < MIN_LETTERS:
        return ""
    code, probability = _identifier().classify(text)
    return code if probability >= CONFIDENCE else ""
