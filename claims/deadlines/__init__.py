"""Deadlines in text: every deadline expression, resolved against the article's publication date.

The convention is shared/data/DEADLINES.md. Pure Python (Django only for the words of an
explanation, in `words`, spoken in the active language), so it can be tested and
benchmarked alone: `reader` finds the expressions, `rules` compiles each language's patterns and
resolves what they match, `lang/` holds the words of each language.
"""

from claims.deadlines.reader import FoundDeadline, Precision, find_deadlines, latest_possible_day
from claims.deadlines.words import format_day

__all__ = ["FoundDeadline", "Precision", "find_deadlines", "format_day", "latest_possible_day"]
