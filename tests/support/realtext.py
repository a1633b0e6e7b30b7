"""The real-text sets (tests/data/realtext/): loading them, and scoring by language.

Development files are what the rules were tuned on; the held-out files were set aside before any
tuning (tests/data/realtext/heldout/README.md), so their score tells how the code does on news
nobody here tuned on. Tests assert targets on the first and print the second.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REALTEXT = Path(__file__).resolve().parents[1] / "data" / "realtext"
SENTENCES = REALTEXT / "deadlines-real.jsonl"
HELD_OUT_SENTENCES = REALTEXT / "heldout" / "deadlines-heldout.jsonl"
ARTICLES = REALTEXT / "articles"
HELD_OUT_ARTICLES = REALTEXT / "heldout" / "articles"
# The first round's held-out articles: studied in the second round, not yet at the target
STUDIED_ARTICLES = REALTEXT / "studied"
LANGUAGES = ("en", "es", "fr", "de", "ar")


def sentences(path: Path) -> list[dict]:
    """One dict per line of a JSONL file (the dev set's shape plus lang, source, note)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def articles(folder: Path) -> list[dict]:
    """The articles of a folder, by file name."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def deadline_line_is_right(row: dict, found) -> bool:
    """shared/data/DEADLINES.md's rule: the set of dated deadlines found equals the expected set,
    and a vague one is found exactly where one is expected."""
    got = {f.deadline.isoformat() for f in found if f.deadline}
    expected = {e["deadline"] for e in row["expected"] if e.get("deadline")}
    vague_found = any(f.vague for f in found)
    vague_expected = any(e.get("vague") for e in row["expected"])
    return got == expected and vague_found == vague_expected


@dataclass
class Score:
    """Right and total per language, with what was missed."""

    name: str
    right: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, language: str, ok: bool, miss: str = "") -> None:
        self.total[language] += 1
        self.right[language] += ok
        if not ok and miss:
            self.misses.append(miss)

    def share(self, language: str) -> float:
        return self.right[language] / self.total[language] if self.total[language] else 1.0

    def below(self, target: float) -> list[str]:
        """The languages under target."""
        return [code for code in LANGUAGES if self.total[code] and self.share(code) < target]

    def report(self) -> str:
        """One line per language and overall, e.g. 'en 33/33 (100%)'."""
        lines = [f"{self.name}:"]
        for code in LANGUAGES:
            if self.total[code]:
                lines.append(
                    f"  {code} {self.right[code]}/{self.total[code]} ({self.share(code):.0%})"
                )
        right, total = sum(self.right.values()), sum(self.total.values())
        lines.append(f"  all {right}/{total} ({right / total:.0%})")
        return "\n".join(lines)


def quote_span(text: str, quote: str) -> tuple[int, int]:
    """Where an expected quote is in the article (its words, whitespace and quote marks aside)."""
    at = text.find(quote)
    if at != -1:
        return at, at + len(quote)
    core = quote.strip(" “”\"'«»")
    at = text.find(core)
    if at == -1:
        raise ValueError(f"expected quote not in the article: {quote[:60]!r}")
    return at, at + len(core)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two spans share at least half of the shorter one."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared * 2 >= min(a[1] - a[0], b[1] - b[0])


def same_claimant(found: str, expected: str) -> bool:
    """The same person or body: one spelling of the other (names.same_person), or one name held
    in the other once normalised ("Minister Nitin Gadkari" / "Nitin Gadkari")."""
    from claims.intake.names import normalise, same_person

    a, b = normalise(found), normalise(expected)
    if not a or not b:
        return False
    return same_person(found, expected) or a in b or b in a


def deadline_matches(suggestion, promise: dict) -> bool:
    """The same day, or both vague (a deadline expression without a day)."""
    if promise.get("vague") and not promise.get("deadline"):
        return suggestion.deadline is None and bool(suggestion.deadline_expression)
    return bool(suggestion.deadline) and suggestion.deadline.isoformat() == promise["deadline"]


def _claimants(promise: dict) -> list[str]:
    """The promiser, and (`also`) the speaker the article quotes as saying it on their behalf."""
    return [promise["claimant"], *promise.get("also", [])]


def promises_found(article: dict, suggestions: list, top: int = 10) -> list[tuple[dict, bool]]:
    """Each expected promise and whether one of the top suggestions finds it: its quote overlaps
    the promise's, its deadline matches, its claimant is the same. A suggestion counts for one
    promise at most (promises are matched in order, each to the first suggestion that fits)."""
    used: set[int] = set()
    results = []
    for promise in article["promises"]:
        span = quote_span(article["text"], promise["quote"])
        hit = next(
            (
                index
                for index, s in enumerate(suggestions[:top])
                if index not in used
                and overlaps((s.start, s.end), span)
                and deadline_matches(s, promise)
                and any(same_claimant(s.claimant, who) for who in _claimants(promise))
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
        results.append((promise, hit is not None))
    return results
