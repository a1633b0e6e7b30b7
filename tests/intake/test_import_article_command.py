"""`manage.py import_article`: the seed from a fresh database, JSON as documented, clear errors."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
from django.core.management import CommandError, call_command

from claims.models import Article, ArticleImport
from tests.support.pages import FIXTURES, SEED_TEXT, PageServer, serve


@pytest.fixture
def pages(settings) -> Iterator[PageServer]:
    yield from serve(settings)


pytestmark = pytest.mark.django_db
KEYS = {"text", "quote", "start", "end", "claimant", "reported_by", "deadline"}
KEYS |= {"deadline_expression", "score"}


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("import_article", *args, stdout=out)
    return out.getvalue()


def test_the_seed_gives_the_border_claim_among_the_first_three_as_json():
    output = json.loads(run("--file", str(SEED_TEXT), "--published", "2018-09-19", "--json"))
    article = Article.objects.get()
    assert output["article"] == article.pk
    suggestions = output["suggestions"]
    assert all(set(s) == KEYS for s in suggestions)
    border = next(s for s in suggestions[:3] if "border crossing connecting" in s["quote"])
    assert border["claimant"] == "Ahmad Jadayan"
    assert border["deadline"] == "2018-11-18"
    assert border["deadline_expression"] == "in the next the 60 days"
    assert article.text[border["start"] : border["end"]] == border["quote"]
    assert [s["score"] for s in suggestions] == sorted(
        (s["score"] for s in suggestions), reverse=True
    )
    everything = json.dumps(suggestions).lower()
    assert "newsletter" not in everything and "subscribe" not in everything


def test_the_seed_as_html_gives_the_same_claim():
    output = json.loads(run("--file", str(FIXTURES / "seed.html"), "--json"))
    border = output["suggestions"][0]
    assert (border["claimant"], border["deadline"]) == ("Ahmad Jadayan", "2018-11-18")


def test_a_url_is_imported_with_its_source(pages):
    output = json.loads(run(pages.url("/good"), "--source", "Lakeside Chronicle", "--json"))
    article = Article.objects.get(pk=output["article"])
    assert article.source.name == "Lakeside Chronicle"
    assert output["suggestions"][0]["deadline"] == "2024-03-19"


def test_without_json_it_prints_a_readable_list():
    output = run("--file", str(SEED_TEXT), "--published", "2018-09-19")
    assert output.startswith("Article #")
    assert "[Ahmad Jadayan] — deadline 2018-11-18" in output


def test_a_second_import_says_where_the_first_is():
    run("--file", str(SEED_TEXT))
    first = Article.objects.get()
    with pytest.raises(CommandError, match=f"imported already: article #{first.pk}"):
        run("--file", str(SEED_TEXT))
    assert Article.objects.count() == 1


def test_a_failed_fetch_is_an_error_with_the_reason(pages):
    with pytest.raises(CommandError, match=r"failed: .*404"):
        run(pages.url("/missing"))
    assert ArticleImport.objects.get().state == ArticleImport.State.FAILED


def test_a_url_and_a_file_together_are_refused():
    with pytest.raises(CommandError, match="either a URL or --file"):
        run("https://news.example/a", "--file", str(SEED_TEXT))
    assert not Article.objects.exists()


def test_a_bad_date_is_refused():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        run("--file", str(SEED_TEXT), "--published", "19/09/2018")
    assert not Article.objects.exists()


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run("--file", str(tmp_path / "nothing.txt"))


# --- Real articles in other languages (tests/data/realtext/articles/) -----------------------


def _real_article(name: str) -> dict:
    from tests.support.realtext import ARTICLES

    return json.loads((ARTICLES / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "name",
    [
        "es-canal13sanjuan-perea-obras",
        "fr-autoactu-plastic-omnium",
        "de-apotheke-adhoc-lauterbach",
        "ar-soutalomma-cairo-projects",
    ],
)
def test_a_real_article_in_another_language_gives_its_promises(name, tmp_path):
    from types import SimpleNamespace

    from tests.support.realtext import promises_found

    real = _real_article(name)
    path = tmp_path / f"{name}.txt"
    path.write_text(f"{real['headline'] or real['id']}\n\n{real['text']}\n", encoding="utf-8")
    output = json.loads(run("--file", str(path), "--published", real["published"], "--json"))
    article = Article.objects.get(pk=output["article"])
    assert article.language == real["lang"]
    suggestions = [
        SimpleNamespace(
            start=s["start"],
            end=s["end"],
            claimant=s["claimant"] or "",
            deadline=dt.date.fromisoformat(s["deadline"]) if s["deadline"] else None,
            deadline_expression=s["deadline_expression"] or "",
        )
        for s in output["suggestions"]
    ]
    assert all(article.text[s.start : s.end] for s in suggestions)
    found = promises_found({**real, "text": article.text}, suggestions)
    missed = [promise["quote"] for promise, ok in found if not ok]
    assert not missed, f"promises not among the top suggestions: {missed}"
