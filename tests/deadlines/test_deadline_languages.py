"""claims/deadlines/ in Spanish, French, German and Arabic: the same table as in English."""

from datetime import date

import pytest

from claims.deadlines import find_deadlines

MON = date(2019, 3, 4)


def dated(text: str, language: str | None) -> list:
    found = find_deadlines(text, MON, language)
    return [f.deadline.isoformat() if f.deadline else None for f in found]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("es", "La frontera se reabrirá en los próximos 60 días.", ["2019-05-03"]),
        ("es", "La obra estará lista dentro de dos semanas.", ["2019-03-18"]),
        ("es", "La planta abrirá antes del 1 de junio de 2019.", ["2019-05-31"]),
        ("es", "La planta abrirá a finales de año.", ["2019-12-31"]),
        ("es", "La planta abrirá la próxima semana.", ["2019-03-17"]),
        ("es", "La planta abrirá a mediados de 2022.", ["2022-06-30"]),
        ("es", "Los manifestantes tienen 48 horas para abandonar la plaza.", ["2019-03-06"]),
        ("es", "La planta abrirá pronto.", [None]),
        ("es", "La obra terminará en dos o tres meses.", ["2019-06-04"]),
        ("es", "La coalición opera desde 2015.", []),
        ("es", "El contrato se firmó hace 60 días.", []),
        ("fr", "La réforme serait adoptée d'ici la fin de l'année.", ["2019-12-31"]),
        ("fr", "Le pont rouvrira dans les 60 prochains jours.", ["2019-05-03"]),
        ("fr", "Le pont rouvrira d'ici fin juin.", ["2019-06-30"]),
        ("fr", "Le pont rouvrira avant le 15 avril 2019.", ["2019-04-14"]),
        ("fr", "Le pont rouvrira au premier trimestre 2020.", ["2020-03-31"]),
        ("fr", "Les habitants ont 48 heures pour partir.", ["2019-03-06"]),
        ("fr", "Le gouvernement a jusqu'à vendredi pour répondre.", ["2019-03-08"]),
        ("fr", "Il sera achevé dans deux à trois semaines.", ["2019-03-25"]),
        ("fr", "Le contrat a été signé en mars.", []),
        ("fr", "Le pont rouvrira dans les prochaines semaines.", [None]),
        ("fr", "Le contrat a été signé il y a 60 jours.", []),
        ("de", "Die Brücke soll innerhalb von zwei Wochen öffnen.", ["2019-03-18"]),
        ("de", "Die Brücke soll bis Jahresende öffnen.", ["2019-12-31"]),
        ("de", "Die Brücke soll bis zum 15. April öffnen.", ["2019-04-15"]),
        ("de", "Die Brücke soll vor März 2020 öffnen.", ["2020-02-29"]),
        ("de", "Die Brücke soll nächste Woche öffnen.", ["2019-03-17"]),
        ("de", "Die Brücke soll im ersten Quartal 2020 öffnen.", ["2020-03-31"]),
        ("de", "Die Bewohner haben 48 Stunden Zeit, um zu gehen.", ["2019-03-06"]),
        ("de", "Die Brücke soll bald öffnen.", [None]),
        ("de", "Die Brücke soll in den nächsten 60 Tagen öffnen.", ["2019-05-03"]),
        ("de", "Die Brücke soll bis Ende März 2020 öffnen.", ["2020-03-31"]),
        ("de", "Die Brücke soll bis Freitag öffnen.", ["2019-03-08"]),
        ("de", "Die Koalition ist seit 2015 aktiv.", []),
        ("de", "Der Vertrag wurde vor 60 Tagen unterzeichnet.", []),
        ("de", "Der Vertrag wurde im März unterzeichnet.", []),
        ("ar", "سيتم فتح المعبر خلال الـ60 يوما المقبلة.", ["2019-05-03"]),
        ("ar", "سيتم فتح المعبر خلال ستين يومًا.", ["2019-05-03"]),
        ("ar", "سيتم فتح المعبر في غضون أسبوعين.", ["2019-03-18"]),
        ("ar", "سيتم فتح المعبر بحلول نهاية العام.", ["2019-12-31"]),
        ("ar", "سيتم فتح المعبر الشهر المقبل.", ["2019-04-30"]),
        ("ar", "سيتم فتح المعبر قبل 15 نيسان 2019.", ["2019-04-14"]),
        ("ar", "أمام السكان 48 ساعة لمغادرة المدينة.", ["2019-03-06"]),
        ("ar", "سيتم فتح المعبر قريبا.", [None]),
        ("ar", "سيتم فتح المعبر بحلول عام 2022.", ["2022-12-31"]),
        ("ar", "سيتم فتح المعبر في الأسابيع المقبلة.", [None]),
        ("ar", "التحالف ناشط منذ عام 2015.", []),
        ("ar", "تم توقيع العقد قبل 60 يوما.", []),
    ],
)
def test_other_languages_follow_the_same_table(language, text, expected):
    assert dated(text, language) == expected
    assert dated(text, None) == expected, "language detection should find the same"


def test_an_unsupported_language_code_falls_back_to_detection():
    assert dated("It will open within two weeks.", "xx") == ["2019-03-18"]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # "before the end of a quarter" is its last day, not the day before the quarter begins.
        ("fr", "L'usine ouvrira avant la fin du troisième trimestre 2020.", ["2020-09-30"]),
        ("fr", "L'usine ouvrira avant la fin du premier semestre 2020.", ["2020-06-30"]),
        ("fr", "L'usine ouvrira avant la fin du deuxième trimestre.", ["2019-06-30"]),
        ("fr", "L'usine ouvrira avant le début du troisième trimestre 2020.", ["2020-06-30"]),
        ("es", "La planta abrirá antes de finales del primer semestre de 2020.", ["2020-06-30"]),
        ("en", "The plant will open before the end of the first half of 2020.", ["2020-06-30"]),
    ],
)
def test_before_the_end_of_a_quarter_or_half_is_its_last_day(language, text, expected):
    assert dated(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("es", "La obra estará lista en dos años y medio.", ["2021-09-04"]),
        ("es", "La obra estará lista en un año y medio.", ["2020-09-04"]),
        ("es", "La obra estará lista en medio año.", ["2019-09-04"]),
        ("fr", "Le pont sera prêt dans deux ans et demi.", ["2021-09-04"]),
        ("fr", "Le pont sera prêt dans un an et demi.", ["2020-09-04"]),
        ("fr", "Le pont sera prêt d'ici six mois et demi.", ["2019-09-19"]),
        ("de", "Die Brücke soll in zweieinhalb Jahren fertig sein.", ["2021-09-04"]),
        ("de", "Die Brücke soll innerhalb von anderthalb Jahren fertig sein.", ["2020-09-04"]),
        ("de", "Die Brücke soll in einem halben Jahr fertig sein.", ["2019-09-04"]),
        ("ar", "سيكتمل الجسر خلال عامين ونصف.", ["2021-09-04"]),
        ("ar", "سيكتمل الجسر خلال عام ونصف.", ["2020-09-04"]),
        ("ar", "سيكتمل الجسر خلال ثلاثة أشهر ونصف.", ["2019-06-19"]),
        ("ar", "سيكتمل الجسر خلال نصف عام.", ["2019-09-04"]),
    ],
)
def test_and_a_half_adds_half_a_unit_in_every_language(language, text, expected):
    assert dated(text, language) == expected
    assert dated(text, None) == expected, "language detection should find the same"


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # "d'ici à" is "d'ici" (by), and "en l'espace de" is "within".
        ("fr", "Le pont sera prêt d'ici à 2030.", ["2030-12-31"]),
        ("fr", "Le pont sera prêt d'ici à juin 2020.", ["2020-06-30"]),
        ("fr", "Le pont sera prêt en l'espace de deux semaines.", ["2019-03-18"]),
        # Arabic "within days", "in the next few days", "at a later time": vague.
        ("ar", "سيكتمل الجسر في غضون أيام.", [None]),
        ("ar", "سيكتمل الجسر خلال أسابيع قليلة.", [None]),
        ("ar", "سيكتمل الجسر في غضون الأيام القليلة المقبلة.", [None]),
        ("ar", "سيتم الإعلان عن الموعد في وقت لاحق.", [None]),
    ],
)
def test_synonyms_of_by_within_and_vague_words(language, text, expected):
    assert dated(text, language) == expected
    assert dated(text, None) == expected, "language detection should find the same"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # Past tenses the clause reader did not know: Spanish preterite in -yeron, French
        # participles not in -é, German strong and weak preterites.
        ("es", "Las ventas cayeron en el primer trimestre."),
        ("es", "Los precios se contrajeron en marzo."),
        ("fr", "Le pont a rouvert en mars après des travaux."),
        ("fr", "Le ministre a pris ses fonctions en mars."),
        ("de", "Die Umsätze sanken im ersten Quartal."),
        ("de", "Die Regierung eröffnete im März die Brücke."),
        ("de", "Die Preise stiegen im März."),
    ],
)
def test_a_month_or_quarter_in_a_past_clause_is_no_deadline(language, text):
    assert dated(text, language) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # A year or month that sets the scene is no deadline unless the sentence says what will be
        ("en", "In 2019, officials are still making hopeful predictions.", []),
        ("en", "In 2019, the ministry will open two new clinics.", ["2019-12-31"]),
        ("es", "En 2019, los funcionarios siguen haciendo predicciones.", []),
        ("fr", "En 2019, les responsables font toujours des prévisions.", []),
        ("de", "Im Jahr 2019 sind die Prognosen noch immer optimistisch.", []),
        # A past meeting's weekday is when it met
        ("en", "At a meeting on Friday, ministers agreed that talks should continue.", []),
    ],
)
def test_a_scene_setting_date_is_no_deadline(language, text, expected):
    assert dated(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # The kinds of misses real news showed (issue 15), one or two per language
        ("en", "The group issued a 21-day ultimatum, effective from 18 February.", ["2019-03-25"]),
        ("en", "The contractor missed the planned 10 October completion date.", []),
        ("en", "They work to the planned 10 October completion date.", ["2019-10-10"]),
        ("en", "The hospital will open in the April.", ["2019-04-30"]),
        ("en", "The hospital will open this June.", ["2019-06-30"]),
        ("es", "El hospital abrirá este junio.", ["2019-06-30"]),
        ("fr", "L'hôpital ouvrira en juin prochain.", ["2019-06-30"]),
        ("de", "Das Krankenhaus soll im kommenden Juni öffnen.", ["2019-06-30"]),
        ("ar", "سيفتح المستشفى في يونيو المقبل.", ["2019-06-30"]),
        ("en", "The talks will resume in the next few days.", [None]),
        ("en", "The report will be published in due course.", [None]),
        ("de", "Die Behörde muss bis Freitagmittag antworten.", ["2019-03-08"]),
        ("de", "Die Entscheidung fällt am Sonnabend.", ["2019-03-09"]),
        ("ar", "أمهل المتظاهرون الحكومة 48 ساعة لتنفيذ مطالبهم.", ["2019-03-06"]),
        ("ar", "سيتم الإعلان عن النتائج قريبًا.", [None]),
        ("en", "Permits are issued within 10 days.", []),
        ("es", "Normalmente los permisos se emiten en 10 días.", []),
    ],
)
def test_the_kinds_of_misses_of_real_news(language, text, expected):
    assert dated(text, language) == expected
