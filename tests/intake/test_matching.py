"""The follow-up matcher's rules one by one (claims/intake/matching.py, terms.py): pure Python."""

from __future__ import annotations

import datetime as dt

from claims.intake import matching
from claims.intake.terms import fold, named_words, words_of

BRIDGE = matching.promise_of(
    statement="The Harbour Bridge in Portmere will reopen within two weeks.",
    quote="the Harbour Bridge will be reopened to traffic in two weeks",
    claimant_names=["Dana Whitlock", "D. Whitlock"],
    language="en",
    made_on=dt.date(2024, 1, 15),
)


def find(text: str, headline: str = "", published=dt.date(2024, 2, 1), promise=BRIDGE):
    article = matching.read_article(headline=headline, text=text, language="en")
    return matching.find_follow_up(promise, article, published=published)


def test_the_news_that_settles_the_promise_is_found_with_its_sentence():
    found = find(
        "Traffic is heavy in the city. The Harbour Bridge in Portmere reopened to traffic on "
        "Monday, Whitlock said. Other news follows."
    )
    assert found is not None
    assert (
        found.sentence
        == "The Harbour Bridge in Portmere reopened to traffic on Monday, Whitlock said."
    )
    assert found.matched == "who, what, where"
    assert found.score > matching.THRESHOLD


def test_another_ministers_bridge_elsewhere_ranks_below_the_real_thing():
    real = find("The Harbour Bridge in Portmere reopened to traffic on Monday.")
    other = find("Minister Ola Berg reopened the Kestrel Bridge in Lundby to traffic on Monday.")
    assert real is not None
    assert other is None or other.score < real.score


def test_unrelated_news_is_not_offered():
    assert find("The city council approved a new budget for schools and libraries.") is None


def test_what_without_who_or_where_is_not_enough():
    assert find("A bridge was reopened to traffic after repairs.") is None


def test_who_and_where_without_what_is_not_enough():
    assert find("Dana Whitlock visited Portmere's harbour market on Sunday.") is None


def test_an_article_dated_on_or_before_the_claim_is_never_a_follow_up():
    text = "The Harbour Bridge in Portmere reopened to traffic on Monday."
    assert find(text, published=dt.date(2024, 1, 15)) is None
    assert find(text, published=dt.date(2024, 1, 10)) is None
    assert find(text, published=None) is not None  # undated: judged on its words


def test_the_headline_can_be_the_sentence():
    found = find("Cars crossed again this morning.", headline="Portmere's Harbour Bridge reopens")
    assert found is not None and found.sentence == "Portmere's Harbour Bridge reopens"


def test_a_surname_alone_names_the_claimant_but_a_common_word_does_not():
    assert "whitlock" in BRIDGE.who
    wazir = matching.promise_of(
        statement="x", quote="", claimant_names=["كامل الوزير"], language="ar", made_on=None
    )
    assert wazir.who == ("كاملالوزير",)  # "الوزير" alone is "the minister"


def test_arabic_is_folded_diacritics_tatweel_and_alef_forms():
    assert fold("إفتتاح") == fold("افتتاح") == fold("أفتتاح")
    assert fold("كوبرى") == fold("كوبري")
    assert fold("الطَّرِيق") == fold("الطريق")
    assert fold("جـــديد") == fold("جديد")


def test_arabic_follow_up_without_names_needs_more_of_the_what():
    promise = matching.promise_of(
        statement="افتتاح كوبري محور روض الفرج أمام حركة المرور",
        quote="انتهاء تنفيذ كوبرى محور روض الفرج خلال 5 أشهر",
        claimant_names=["كامل الوزير"],
        language="ar",
        made_on=dt.date(2017, 11, 5),
    )
    found = matching.find_follow_up(
        promise,
        matching.read_article(
            headline="الرئيس يفتتح محور روض الفرج وكوبري تحيا مصر",
            text="افتتح الرئيس اليوم محور روض الفرج.",
            language="ar",
        ),
        published=dt.date(2019, 5, 15),
    )
    assert found is not None and found.matched == "what"
    other = matching.find_follow_up(
        promise,
        matching.read_article(
            headline="افتتاح كوبري جديد على الطريق الدائري",
            text="تم افتتاح كوبري جديد.",
            language="ar",
        ),
        published=dt.date(2019, 5, 15),
    )
    assert other is None


def test_stems_meet_across_inflection_and_the_re_prefix():
    assert "open" in words_of("reopened", "en").stems
    assert words_of("élections", "fr").stems & words_of("l'élection", "fr").stems
    assert "ici" not in words_of("d'ici 18 mois", "fr").stems


def test_german_compounds_meet_their_parts():
    promise = matching.promise_of(
        statement="Lauterbach will present his cannabis law by March.",
        quote="will bis Ende März seinen Gesetzentwurf zur Legalisierung von Cannabis "
        "fertigstellen",
        claimant_names=["Karl Lauterbach"],
        language="de",
        statement_language="en",
        made_on=dt.date(2023, 1, 1),
    )
    found = matching.find_follow_up(
        promise,
        matching.read_article(
            headline="Cannabislegalisierung: Gesetzentwurf vorgelegt",
            text="Lauterbach legte den Gesetzentwurf vor.",
            language="de",
        ),
        published=dt.date(2023, 4, 12),
    )
    assert found is not None


def test_place_names_are_the_capitalised_words_not_sentence_openers_or_titles():
    names = named_words("The Minister said the Al-Qa'im crossing with Syria will open.", "en")
    assert {"qaim", "syria"} <= names
    assert "minister" not in names and "the" not in names
    assert named_words("روض الفرج", "ar") == frozenset()
