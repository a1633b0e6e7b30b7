"""A huge paste is refused with a message that says what to do, and extraction reads at most
MAX_TEXT_CHARS of any text: a 5 MB article never costs many seconds of CPU (unit tests of the
cap, not timings)."""

from __future__ import annotations

import datetime as dt

import pytest

from claims import intake
from claims.intake import extraction
from claims.models import Article, ArticleImport

PARAGRAPH = "The minister said the bridge will reopen within two weeks, officials added.\n\n"
FIVE_MB = PARAGRAPH * (5 * 2**20 // len(PARAGRAPH) - 10)  # just under FETCH_MAX_BYTES


def test_the_five_mb_text_is_under_the_byte_cap_but_over_the_article_cap():
    assert len(FIVE_MB.encode()) < 5 * 2**20
    assert len(FIVE_MB) > extraction.MAX_TEXT_CHARS


def test_a_five_mb_pasted_text_is_refused_with_what_to_do():
    with pytest.raises(intake.IntakeError) as refused:
        intake.check_size(FIVE_MB)
    message = str(refused.value)
    assert f"{len(FIVE_MB):,} characters" in message
    assert "Paste only the article's own text" in message and "give its address" in message


@pytest.mark.django_db
def test_a_refused_paste_creates_nothing():
    with pytest.raises(intake.IntakeError, match="read for claims up to"):
        intake.queue_import(content=FIVE_MB, published=dt.date(2024, 3, 5))
    assert not Article.objects.exists() and not ArticleImport.objects.exists()


def test_an_article_sized_text_passes():
    intake.check_size(PARAGRAPH * 100)


def test_extraction_reads_only_the_first_part_of_a_longer_text():
    part = extraction.readable_part(FIVE_MB)
    assert len(part) <= extraction.MAX_TEXT_CHARS
    assert FIVE_MB.startswith(part) and part.rstrip().endswith("officials added.")


def test_suggestions_of_a_huge_text_come_from_its_readable_part_only():
    suggestions = extraction.suggest_claims(FIVE_MB, dt.date(2024, 3, 5), "en")
    assert suggestions
    assert max(s.end for s in suggestions) <= extraction.MAX_TEXT_CHARS
