"""claims/intake/attribution.py in Spanish, French, German and Arabic: the same readings as in
English, with each language's verbs, quotation marks and word order (pure, no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.intake.attribution import attribute
from claims.intake.extraction import split_sentences, suggest_claims


@pytest.mark.parametrize(
    ("language", "sentence", "claimant"),
    [
        (
            "es",
            "El ministro Carlos Ruiz afirmó que el puente estará listo en marzo.",
            "Carlos Ruiz",
        ),
        ("es", "“El puente estará listo en marzo”, dijo Carlos Ruiz.", "Carlos Ruiz"),
        ("es", "Según Carlos Ruiz, el puente estará listo en marzo.", "Carlos Ruiz"),
        ("es", "“El puente estará listo en marzo”, aseguró.", "Ana Díaz"),
        ("fr", "Marie Dubois a annoncé que le pont sera prêt en mars.", "Marie Dubois"),
        ("fr", "« Le pont sera prêt en mars », a déclaré Marie Dubois.", "Marie Dubois"),
        ("fr", "Selon Marie Dubois, le pont sera prêt en mars.", "Marie Dubois"),
        ("fr", "« Le pont sera prêt en mars », a-t-il précisé.", "Ana Díaz"),
        ("de", "Klaus Weber sagte, die Brücke werde im März fertig.", "Klaus Weber"),
        ("de", "Die Brücke werde im März fertig, sagte Klaus Weber.", "Klaus Weber"),
        ("de", "Laut Klaus Weber wird die Brücke im März fertig.", "Klaus Weber"),
        ("de", "Die Brücke werde im März fertig, sagte er.", "Ana Díaz"),
        ("ar", "قال وزير النقل خالد حسن إن الجسر سيفتح في مارس.", "خالد حسن"),
        ("ar", "وأضافت: سيفتح الجسر في مارس.", "Ana Díaz"),
        ("ar", "بحسب خالد حسن، سيفتح الجسر في مارس.", "خالد حسن"),
    ],
)
def test_speakers_in_each_language(language, sentence, claimant):
    who = attribute(sentence, ["Ana Díaz"], ["Ana Díaz"], language=language)
    assert who.claimant == claimant


@pytest.mark.parametrize(
    ("language", "text", "claimant"),
    [
        (
            "es",
            "El ministro de Obras, Carlos Ruiz, visitó la obra. "
            "El puente estará listo en marzo, afirmó el ministro.",
            "Carlos Ruiz",
        ),
        (
            "fr",
            "Le maire de Lyon, Marie Dubois, a visité le chantier. "
            "Le pont sera prêt en mars, a précisé la maire.",
            "Marie Dubois",
        ),
        (
            "de",
            "Bürgermeister Klaus Weber besuchte die Baustelle. "
            "Die Brücke werde im März fertig, sagte der Bürgermeister.",
            "Klaus Weber",
        ),
        (
            "ar",
            "زار المحافظ خالد حسن موقع المشروع. وقال المحافظ إن الجسر سيفتح في مارس.",
            "خالد حسن",
        ),
        (
            "en",
            "The Ministry of Health opened a clinic. "
            "The ministry said the hospital will open by June 2024.",
            "Ministry of Health",
        ),
        (
            "es",
            "El Ministerio de Salud abrió una clínica. "
            "El hospital abrirá en junio, informó el ministerio.",
            "Ministerio de Salud",
        ),
        (
            "ar",
            "افتتحت وزارة الصحة عيادة جديدة. وأعلنت الوزارة أن المستشفى سيفتح في يونيو.",
            "وزارة الصحة",
        ),
    ],
)
def test_a_generic_subject_is_the_person_or_body_the_article_names(language, text, claimant):
    """ "the minister" → the person named with that role; "the ministry" → the body named."""
    [promise] = [s for s in suggest_claims(text, dt.date(2024, 1, 10), language) if s.deadline]
    assert promise.claimant == claimant


def test_two_deadlines_in_one_sentence_are_two_suggestions():
    text = (
        "Die Ministerin Eva Koch kündigte an, sechs Gesetze noch 2024 und acht bis Ende 2025 "
        "vorzulegen."
    )
    found = sorted(
        (s for s in suggest_claims(text, dt.date(2024, 1, 10), "de") if s.deadline),
        key=lambda s: s.start,
    )
    assert [(s.deadline, s.claimant) for s in found] == [
        (dt.date(2024, 12, 31), "Eva Koch"),
        (dt.date(2025, 12, 31), "Eva Koch"),
    ]
    assert found[0].quote != found[1].quote


@pytest.mark.parametrize(
    ("language", "text", "count"),
    [
        ("fr", "M. Dupont a dit que le pont sera prêt. Mme Martin a confirmé.", 2),
        ("es", "El Sr. Pérez dijo que estará listo. La Dra. García lo confirmó.", 2),
        ("de", "Dr. Meier sagte das z. B. gestern. Prof. Weber widersprach.", 2),
        ("ar", "قال الوزير إن المعبر سيفتح. وأضاف: سيتم ذلك قريبا؟ نعم!", 3),
    ],
)
def test_sentences_are_split_in_the_articles_language(language, text, count):
    assert len(split_sentences(text, language)) == count
