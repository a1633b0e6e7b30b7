"""Follow-up matching measured on real news (tests/data/followups/): every claim of a set against
every news item of it, precision and recall printed (`pytest -s`). The development set is what the
matcher was built on; the held-out set was collected before it was written and is only printed.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from claims.intake import matching

FOLLOWUPS = Path(__file__).resolve().parents[1] / "data" / "followups"
DEV = FOLLOWUPS / "dev.json"
HELD_OUT = FOLLOWUPS / "heldout" / "heldout.json"


def day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def promise(claim: dict) -> matching.Promise:
    return matching.promise_of(
        statement=claim["statement"],
        quote=claim["quote"],
        claimant_names=[claim["claimant"], *claim["aliases"]],
        language=claim["lang"],
        statement_language=claim["statement_lang"],
        made_on=day(claim["made_on"]),
    )


def follow_up(claim: dict, news: dict) -> matching.Match | None:
    article = matching.read_article(
        headline=news["headline"], text=news["text"], language=news["lang"]
    )
    return matching.find_follow_up(promise(claim), article, published=day(news["published"]))


@dataclass
class Judged:
    """Every (claim, news) pair of a set: what was offered, and what should have been."""

    offered: dict[tuple[str, str], float] = field(default_factory=dict)
    expected: set[tuple[str, str]] = field(default_factory=set)
    kinds: dict[str, str] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        right = len(self.expected & self.offered.keys())
        return right / len(self.offered) if self.offered else 0.0

    @property
    def recall(self) -> float:
        return len(self.expected & self.offered.keys()) / len(self.expected)

    def offered_of_kind(self, kind: str) -> list[tuple[str, str]]:
        return [pair for pair in self.offered if self.kinds[pair[1]] == kind]

    def report(self, name: str) -> str:
        missed = sorted(self.expected - self.offered.keys())
        wrong = sorted(set(self.offered) - self.expected)
        return (
            f"{name}: precision {self.precision:.2f}, recall {self.recall:.2f} "
            f"({len(self.offered)} offered, {len(self.expected)} real follow-ups)\n"
            f"  missed: {missed}\n  offered wrongly: {wrong}"
        )


def judge(path: Path) -> Judged:
    data = json.loads(path.read_text(encoding="utf-8"))
    judged = Judged(kinds={news["id"]: news["kind"] for news in data["news"]})
    for claim in data["claims"]:
        for news in data["news"]:
            pair = (claim["id"], news["id"])
            if news["kind"] == "follow-up" and news["claim"] == claim["id"]:
                judged.expected.add(pair)
            found = follow_up(claim, news)
            if found is not None:
                judged.offered[pair] = found.score
    return judged


@pytest.fixture(scope="module")
def dev() -> Judged:
    return judge(DEV)


def test_development_set_precision_and_recall(dev):
    print("\n" + dev.report("development set"))
    assert dev.precision >= 0.85
    assert dev.recall >= 0.8


def test_unrelated_news_and_news_from_before_the_claim_are_never_offered(dev):
    assert dev.offered_of_kind("unrelated") == []
    assert dev.offered_of_kind("before") == []


def test_every_look_alike_ranks_below_every_real_follow_up_of_its_claim(dev):
    data = json.loads(DEV.read_text(encoding="utf-8"))
    for news in data["news"]:
        if news["kind"] != "look-alike":
            continue
        claim = news["claim"]
        look_alike = dev.offered.get((claim, news["id"]), 0.0)
        real = [dev.offered[pair] for pair in dev.expected & dev.offered.keys() if pair[0] == claim]
        assert real, claim
        assert look_alike < min(real), (news["id"], look_alike, min(real))


def test_a_follow_up_is_offered_only_for_its_own_claim(dev):
    """Another claim's follow-up is unrelated news for this one (the sets mix five languages and
    seven promises)."""
    crossed = [
        pair
        for pair in dev.offered
        if dev.kinds[pair[1]] == "follow-up" and pair not in dev.expected
    ]
    assert crossed == []


def test_held_out_set_is_scored_and_printed():
    """Collected before the matcher was written; scored, never tuned on."""
    held_out = judge(HELD_OUT)
    print("\n" + held_out.report("held-out set"))
    assert held_out.expected
