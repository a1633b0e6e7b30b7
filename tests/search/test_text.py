"""claims/search/, pure: folding, words, stems, a claim's document and a query in both syntaxes."""

from __future__ import annotations

import re

import pytest

from claims.search import terms
from claims.search.stemmers import light10, script, stems
from claims.search.text import fold, words


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("العبّارات", "العبارات"),  # shadda
        ("يومًا", "يوما"),  # tanween
        ("مُدَرِّسَةٌ", "مدرسه"),  # damma, fatha, kasra, sukun-free, taa marbuta → haa
        ("الرحمٰن", "الرحمن"),  # superscript alef (U+0670)
        ("جـــديد", "جديد"),  # tatweel
        ("أحمد إبراهيم آمال ٱلله", "احمد ابراهيم امال الله"),  # alef forms
        ("مستشفى", "مستشفي"),  # alef maqsura → yaa
        ("٦٠ ۶۰", "60 60"),  # Arabic-Indic and Eastern Arabic-Indic digits
        ("سؤال رئيس", "سؤال رئيس"),  # hamza on waw and yaa are letters, kept
        ("Élections À Bogotá, Ñandú", "elections a bogota, nandu"),  # Latin accents, case
        ("Straße", "strasse"),  # case folding, not lowering
        ("ﬁnance Ａ", "finance a"),  # NFKC: ligature, full-width letter
    ],
)
def test_fold(typed, folded):
    assert fold(typed) == folded


def test_words_are_letters_digits_and_marks_only():
    assert words('Al-Qa’im: "NEAR(x) OR -y*" 4+1 x_y') == [
        "al", "qa", "im", "near", "x", "or", "y", "4", "1", "x", "y",
    ]  # fmt: skip
    assert words("नमस्ते दुनिया") == ["नमस्ते", "दुनिया"]  # a vowel sign stays in its word


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("العبارات", "عبار"),
        ("عباره", "عبار"),  # عبارة, folded
        ("والمشروعات", "مشروع"),
        ("بالميناء", "ميناء"),
        ("للحكومه", "حكوم"),
        ("وعد", "وعد"),  # a waw stays when too little would be left
        ("ال", "ال"),  # nothing left to strip to
    ],
)
def test_light10(word, stem):
    assert light10(word) == stem


def test_a_stemmer_only_stems_words_of_its_script():
    assert script("crossings") == "latin" and script("العبارات") == "arabic"
    assert script("60") == script("नमस्ते") == ""
    assert stems("crossings", ("en", "ar")) == {"cross"}
    assert stems("العبارات", ("en", "ar")) == {"عبار"}
    assert stems("crossings", ("xx",)) == set()  # a language without a stemmer
    assert stems("cross", ("en",)) == set()  # a word is not its own stem


def test_the_document_stems_the_text_in_its_languages_and_keeps_names_as_they_are():
    document = terms.document(["Ferries reopened"], ["Jadayan Ferries"], ["ar", "en", "zz"])
    assert document.split() == ["ferries", "ferri", "reopened", "reopen", "jadayan", "ferries"]


def test_a_query_word_is_a_prefix_and_its_stems_in_every_language_of_its_script():
    (crossings,) = terms.query("Crossings")
    assert crossings.word == "crossings" and crossings.prefix
    assert set(crossings.stems) == {"cross", "crossing"}  # English; French and German keep it
    (arabic,) = terms.query("العبّارات")
    assert (arabic.word, arabic.stems) == ("العبارات", ("عبار",))


def test_short_words_match_whole_words_only():
    assert [word.prefix for word in terms.query("al 60 qaim")] == [False, False, True]


def test_a_lone_letter_is_dropped_unless_it_is_all_there_is():
    assert [word.word for word in terms.query("Jadayan's l'élection")] == ["jadayan", "election"]
    assert [word.word for word in terms.query("a")] == ["a"]


def test_a_query_keeps_its_first_words_once_each():
    typed = " ".join(f"word{n}" for n in range(20))
    assert [w.word for w in terms.query(f"word0 {typed}")] == [f"word{n}" for n in range(8)]
    assert terms.query("  ,;: ") == []


def test_both_syntaxes_quote_every_word():
    query = terms.query('crossings "NEAR(x) OR -Jadayan*"')
    assert terms.fts5_match(query) == (
        '("crossings" * OR "cross" OR "crossing") AND ("near" *) AND ("or") AND ("jadayan" *'
        ' OR "jaday")'
    )
    assert terms.tsquery(query) == (
        "('crossings':* | 'cross' | 'crossing') & ('near':*) & ('or') & ('jadayan':* | 'jaday')"
    )


@pytest.mark.parametrize(
    "typed", ['"', "'", "*", "NEAR(", "a OR b", "-x", "(", ")", ":*", "\\", "&|!"]
)
def test_no_operator_survives_outside_quotes(typed):
    query = terms.query(f"bridge {typed} {typed}bridge")
    outside_fts5 = re.sub(r'"[^"]*"', "", terms.fts5_match(query))
    assert set(outside_fts5) <= set("()* ANDOR")
    outside_tsquery = re.sub(r"'[^']*'", "", terms.tsquery(query))
    assert set(outside_tsquery) <= set("()|&:* ")
