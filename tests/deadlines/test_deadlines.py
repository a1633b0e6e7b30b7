"""claims/deadlines/: deadline expressions in text, resolved against the publication date.

Pure tests (no database). The dates follow shared/data/DEADLINES.md; MON is a Monday.
"""

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.deadlines import (
    Precision,
    find_deadlines,
    format_day,
    latest_possible_day,
)
from tests.support.realtext import deadline_line_is_right

MON = date(2019, 3, 4)
# A copy of shared/data/deadlines-dev.jsonl, so that the score is checked in every checkout.
DEV_SET = Path(__file__).resolve().parents[1] / "fixtures" / "deadlines-dev.jsonl"


def dated(text: str, published: date = MON, language: str | None = None, **kw) -> list:
    """The deadlines found, as ISO strings (None for a vague one), in order."""
    found = find_deadlines(text, published, language, **kw)
    return [f.deadline.isoformat() if f.deadline else None for f in found]


# --- The public helpers --------------------------------------------------------------------


def test_latest_possible_day_of_a_month_is_its_last_day():
    assert latest_possible_day(date(2019, 7, 1), Precision.MONTH) == date(2019, 7, 31)


def test_latest_possible_day_of_a_year_is_31_december():
    assert latest_possible_day(date(2019, 1, 1), Precision.YEAR) == date(2019, 12, 31)


def test_latest_possible_day_of_a_known_day_is_that_day():
    assert latest_possible_day(MON, Precision.DAY) == MON


def test_format_day_writes_day_month_year():
    assert format_day(date(2019, 9, 29)) == "29 September 2019"


def test_empty_text_has_no_deadline():
    assert find_deadlines("", MON) == []


# --- Relative: published + N units ------------------------------------------------------------


def test_in_the_next_n_days_adds_days_even_with_a_stray_article():
    assert dated("It will be opened in the next the 60 days.", date(2018, 9, 19)) == ["2018-11-18"]


def test_within_number_word_weeks_adds_weeks():
    assert dated("Officials promised the bridge would reopen within two weeks.") == ["2019-03-18"]


def test_in_n_months_keeps_the_day_of_month():
    assert dated("Repairs will be finished in six months.", date(2024, 1, 15)) == ["2024-07-15"]


def test_months_are_clamped_to_the_end_of_a_shorter_month():
    assert dated("It will be done within one month.", date(2019, 1, 31)) == ["2019-02-28"]


def test_within_a_year_adds_one_year():
    assert dated("The troops will leave within a year.") == ["2020-03-04"]


def test_over_the_next_n_years_adds_years():
    assert dated("Prices will double over the next 3 years.") == ["2022-03-04"]


def test_a_fortnight_is_two_weeks():
    assert dated("The work will be done within a fortnight.") == ["2019-03-18"]


def test_48_hours_is_two_days():
    assert dated("The results will be known within 48 hours.") == ["2019-03-06"]


def test_n_days_time_adds_days():
    assert dated("They will finish in 60 days' time.") == ["2019-05-03"]


def test_from_now_adds_the_units():
    assert dated("It will be done a year from now.") == ["2020-03-04"]


def test_compound_number_words_are_added_up():
    assert dated("It will open within one hundred and twenty days.") == ["2019-07-02"]


def test_hyphenated_number_words_are_added_up():
    assert dated("It will open within twenty-five days.") == ["2019-03-29"]


def test_a_range_counts_to_its_upper_end():
    assert dated("It will be finished within six to eight weeks.") == ["2019-04-29"]


def test_a_digit_range_counts_to_its_upper_end():
    assert dated("It will be finished in 6-8 weeks.") == ["2019-04-29"]


def test_working_days_skip_weekends():
    assert dated("A decision will come within 10 working days.") == ["2019-03-18"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The base will close within a year and a half.", "2020-09-04"),
        ("The base will close within two and a half years.", "2021-09-04"),
        ("The base will close in one and a half years.", "2020-09-04"),
        ("The base will close in half a year.", "2019-09-04"),
        ("The base will close within 1.5 years.", "2020-09-04"),
        ("The line will reopen in a month and a half.", "2019-04-19"),
        ("The line will reopen within two and a half weeks.", "2019-03-22"),
        ("The ceasefire will start within a day and a half.", "2019-03-06"),
    ],
)
def test_and_a_half_adds_half_a_unit_rounded_up(text, expected):
    """Years in months; a month's half as 15 days; weeks and days to the whole day after."""
    assert dated(text) == [expected]


def test_and_a_half_is_explained_with_its_amount():
    (found,) = find_deadlines("It will close within two and a half years.", MON)
    assert found.expression == "within two and a half years"
    assert "+ 2.5 years" in found.explanation


def test_within_n_days_of_an_event_is_vague():
    assert dated("It will be fixed within 30 days of the signing.") == [None]


# --- Ultimatums -------------------------------------------------------------------------------


def test_has_n_days_to_is_an_ultimatum():
    assert dated("The government has 30 days to respond.") == ["2019-04-03"]


def test_were_given_n_hours_to_counts_despite_the_past_tense():
    assert dated("Residents were given 48 hours to leave.") == ["2019-03-06"]


def test_gave_someone_n_hours_to_is_an_ultimatum():
    assert dated("The militia gave the residents 72 hours to leave.") == ["2019-03-07"]


def test_an_n_day_ultimatum_adds_the_days():
    assert dated("They issued a 60-day ultimatum.") == ["2019-05-03"]


# --- Absolute dates ---------------------------------------------------------------------------


def test_by_a_full_date_is_that_date():
    assert dated("The results will be out no later than April 15, 2019.") == ["2019-04-15"]


def test_on_day_month_is_that_date():
    assert dated("The vote will take place on 20 March.") == ["2019-03-20"]


def test_month_and_day_without_year_is_its_next_occurrence():
    assert dated("The payment is due by February 10.") == ["2020-02-10"]


def test_month_and_day_on_the_publication_day_counts():
    assert dated("The payment is due by March 4.") == ["2019-03-04"]


def test_by_month_year_is_the_last_day_of_that_month():
    assert dated("It will run at full capacity by June 2019.") == ["2019-06-30"]


def test_in_month_without_year_is_its_next_occurrence():
    assert dated("The plant will open in February.") == ["2020-02-29"]


def test_in_the_current_month_counts_this_month():
    assert dated("The plant will open in March.") == ["2019-03-31"]


def test_before_a_date_is_the_day_before():
    assert dated("The plant will open before 1 June 2019.") == ["2019-05-31"]


def test_before_month_year_is_the_last_day_of_the_month_before():
    assert dated("The metro line will open before March 2026.", date(2025, 6, 30)) == ["2026-02-28"]


def test_a_date_with_its_weekday_is_one_match():
    assert dated("It opens on Friday, March 8.") == ["2019-03-08"]


def test_an_impossible_date_gives_nothing():
    assert dated("It will be paid by 31 February 2020.") == []


# --- Ends of periods, weeks, weekdays ---------------------------------------------------------


def test_by_the_end_of_the_year():
    assert dated("Checkpoints will be removed by the end of the year.") == ["2019-12-31"]


def test_before_the_end_of_the_month_is_its_last_day():
    assert dated("Parliament will vote before the end of the month.") == ["2019-03-31"]


def test_by_the_end_of_next_year():
    assert dated("He promised results by the end of next year.") == ["2020-12-31"]


def test_this_week_ends_on_sunday():
    assert dated("He will deliver results this week.") == ["2019-03-10"]


def test_next_week_ends_on_the_following_sunday():
    assert dated("He will deliver results next week.") == ["2019-03-17"]


def test_next_month_is_its_last_day():
    assert dated("The tariffs take effect next month.", date(2025, 6, 30)) == ["2025-07-31"]


def test_next_year_is_31_december_of_next_year():
    assert dated("The law takes effect next year.") == ["2020-12-31"]


def test_by_weekday_is_the_next_one_strictly_after_publication():
    assert dated("The mayor vowed to publish the audit by Monday.") == ["2019-03-11"]


def test_before_weekday_is_the_day_before_it():
    assert dated("It must be paid before Friday.") == ["2019-03-07"]


def test_on_weekday_needs_a_future_verb():
    assert dated("The minister will meet them on Friday.") == ["2019-03-08"]


def test_has_until_weekday_is_that_weekday():
    assert dated("He has until Friday to decide.") == ["2019-03-08"]


def test_tomorrow_is_the_next_day():
    assert dated("The vote is due tomorrow.") == ["2019-03-05"]


# --- Years, parts of years, quarters ----------------------------------------------------------


def test_by_year_is_31_december():
    assert dated("The governor said the hospital would open by 2022.") == ["2022-12-31"]


def test_by_the_end_of_year():
    assert dated("The base would close by the end of 2020.") == ["2020-12-31"]


def test_in_a_future_year_is_31_december():
    assert dated("The line will open in 2022.") == ["2022-12-31"]


def test_late_year_is_31_december():
    assert dated("The line will open in late 2022.") == ["2022-12-31"]


def test_early_year_is_31_march():
    assert dated("The line will open in early 2022.") == ["2022-03-31"]


def test_mid_year_is_30_june():
    assert dated("Inflation should fall below 3% by mid-2025.") == ["2025-06-30"]


def test_quarter_of_year_is_its_last_day():
    assert dated("Routes will be restored by the first quarter of 2025.") == ["2025-03-31"]


def test_quarter_without_year_is_its_next_occurrence():
    assert dated("Sales will recover by the fourth quarter.") == ["2019-12-31"]


def test_q_number_year_is_a_quarter():
    assert dated("Sales will recover in Q2 2020.") == ["2020-06-30"]


def test_half_of_year_is_its_last_day():
    assert dated("Sales will recover in the second half of 2020.") == ["2020-12-31"]


def test_later_this_year_is_31_december():
    assert dated("Prices will fall later this year.") == ["2019-12-31"]


# --- Vague ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Negotiators hope to sign the deal soon.",
        "Talks will resume shortly.",
        "Talks are set to resume in the coming weeks.",
        "Talks will resume in the near future.",
        "Talks will resume before the elections.",
        "Talks will resume after the summit.",
        "The reform will pass within weeks.",
    ],
)
def test_vague_expressions_are_found_without_a_date(text):
    [found] = find_deadlines(text, MON)
    assert found.vague and found.deadline is None and not found.approximate


# --- Past references give nothing --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The contract was signed 60 days ago.",
        "The coalition has been active since early September 2015.",
        "Last week the agency reported that exports had fallen by 12 percent.",
        "In 2017 the company collapsed.",
        "The deal was signed in March.",
        "The bridge reopened in May.",
        "The project was completed within two weeks.",
        "On Monday, the minister said the plan was ready.",
        "Over the past 60 days the agency reported losses.",
        "By March, the army had retaken the city.",
        "The population grew by 2,000 in March.",
        "In 60 years of independence, the country has changed.",
        "The mayor may resign.",
    ],
)
def test_past_references_and_non_deadlines_give_nothing(text):
    assert find_deadlines(text, MON) == []


def test_a_deadline_before_publication_is_never_returned():
    assert dated("The plant was to open by June 2018.") == []


# --- Several deadlines, overlaps, spans -----------------------------------------------------


def test_one_sentence_can_hold_several_deadlines():
    text = (
        "He said the troops would leave within a year and the base would close by the end of 2020."
    )
    assert dated(text, date(2018, 9, 19)) == ["2019-09-19", "2020-12-31"]


def test_overlapping_matches_keep_the_longest():
    [found] = find_deadlines("It will open by the end of March 2020.", MON)
    assert found.expression == "by the end of March 2020"


def test_expression_is_the_exact_matched_text():
    text = "Officials said the bridge would reopen within two weeks."
    [found] = find_deadlines(text, MON)
    assert found.expression == "within two weeks" == text[found.start : found.end]


def test_explanation_shows_the_arithmetic():
    [found] = find_deadlines("It will open within two weeks.", MON)
    assert found.explanation == '"within two weeks" → 4 March 2019 + 2 weeks → 18 March 2019'


# --- Imprecise publication dates -------------------------------------------------------------


def test_seed_article_counts_from_the_last_day_of_july_and_is_approximate():
    text = "The border crossing will be opened in the next the 60 days."
    [found] = find_deadlines(text, date(2019, 7, 1), precision=Precision.MONTH)
    assert found.deadline == date(2019, 9, 29) and found.approximate
    assert found.explanation == (
        '"in the next the 60 days" → 31 July 2019 (latest possible publication day)'
        " + 60 days → 29 September 2019"
    )


def test_year_precision_counts_from_31_december():
    [found] = find_deadlines("It will open within 60 days.", date(2019, 1, 1), precision="year")
    assert found.deadline == date(2020, 2, 29) and found.approximate


def test_an_absolute_date_is_not_approximate_when_precision_is_month():
    [found] = find_deadlines(
        "It will open by June 2020.", date(2019, 7, 1), precision=Precision.MONTH
    )
    assert found.deadline == date(2020, 6, 30) and not found.approximate


def test_next_month_from_an_imprecise_month_is_exact_when_the_month_is_unambiguous():
    [found] = find_deadlines("It opens next month.", date(2019, 7, 1), precision=Precision.MONTH)
    assert found.deadline == date(2019, 8, 31) and not found.approximate


def test_next_month_from_an_imprecise_year_is_approximate():
    [found] = find_deadlines("It opens next month.", date(2019, 1, 1), precision=Precision.YEAR)
    assert found.deadline == date(2020, 1, 31) and found.approximate


# --- The dev set ----------------------------------------------------------------------------------


def test_dev_set_scores_at_least_20_of_21():
    rows = [json.loads(line) for line in DEV_SET.read_text().splitlines() if line.strip()]
    misses = []
    for row in rows:
        found = find_deadlines(row["text"], date.fromisoformat(row["published"]))
        if not deadline_line_is_right(row, found):
            misses.append(f"{row['id']}: expected {row['expected']}, found {found}")
    print(f"dev set: {len(rows) - len(misses)}/{len(rows)}", *misses, sep="\n")
    assert len(rows) - len(misses) >= 20, "\n".join(misses)


# --- Properties -----------------------------------------------------------------------------------

FRAGMENTS = st.sampled_from(
    [
        "within two weeks",
        " by the end of ",
        "2020",
        " in the next 60 days",
        "قبل 15 نيسان",
        " d'ici la fin de l'année",
        "bis Ende ",
        " 31 February ",
        "by Friday",
        "9999999999 years",
        "Q4",
        "\x00",
        "\n",
        " ",
        ".",
    ]
)
TEXTS = st.one_of(st.text(), st.lists(st.one_of(FRAGMENTS, st.text(max_size=8))).map("".join))
PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(
    text=TEXTS,
    published=st.dates(),
    language=st.sampled_from([None, "en", "es", "fr", "de", "ar", "zz"]),
    precision=st.sampled_from(list(Precision)),
)
def test_never_raises_never_before_publication_and_spans_point_into_the_text(
    text, published, language, precision
):
    found = find_deadlines(text, published, language, precision=precision)
    for item in found:
        assert 0 <= item.start < item.end <= len(text)
        assert item.expression == text[item.start : item.end]
        assert item.deadline is None or item.deadline >= published
        assert item.vague == (item.deadline is None)
    assert [f.start for f in found] == sorted(f.start for f in found)


def test_very_long_text_is_handled():
    text = "The bridge will reopen within two weeks, and \x07 nothing else. " * 3000
    assert len(find_deadlines(text, MON)) == 3000


def test_a_weekday_right_after_a_reporting_verb_dates_the_saying_not_a_deadline():
    found = find_deadlines(
        "The ministry said on Monday the plan will be ready within a month.", date(2024, 1, 15)
    )
    assert [(f.expression, f.deadline) for f in found] == [("within a month", date(2024, 2, 15))]


@pytest.mark.parametrize(
    "text",
    [
        "The ministry announced on 10 March that the plant will reopen by June.",
        "The ministry said in March that the plant will reopen by June.",
    ],
)
def test_a_date_right_after_a_reporting_verb_dates_the_saying_not_a_deadline(text):
    """Not rolled over to next year's 10 March: it is when the ministry spoke."""
    found = find_deadlines(text, date(2024, 3, 14))
    assert [(f.expression, f.deadline) for f in found] == [("by June", date(2024, 6, 30))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The money will be paid by year-end.", "2019-12-31"),
        ("The money will be paid before year end.", "2019-12-31"),
        ("The accounts will be closed by month-end.", "2019-03-31"),
    ],
)
def test_year_end_and_month_end_are_the_end_of_the_year_and_month(text, expected):
    assert dated(text) == [expected]


def test_a_weekday_with_a_future_verb_is_still_a_deadline():
    found = find_deadlines("The vote will be held on Monday.", date(2024, 1, 15))
    assert [f.deadline for f in found] == [date(2024, 1, 22)]


def test_to_after_a_past_verb_is_a_preposition_not_a_future():
    """ "fell to 4.1 percent in March" reports the past; "to" does not make it a plan."""
    text = "Unemployment fell to 4.1 percent in March, the ministry said."
    assert find_deadlines(text, date(2024, 5, 10)) == []
