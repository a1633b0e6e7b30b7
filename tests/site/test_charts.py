"""The server-drawn SVG charts: accessible (role, title, desc), escaped, and to scale."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

from claims import charts

SVG = "{http://www.w3.org/2000/svg}"
TODAY = dt.date(2024, 1, 15)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # well-formed XML, or this raises


def bars_chart(*bars: charts.Bar) -> ET.Element:
    return parse(charts.bar_chart(list(bars), title="Claims by rating", chart_id="c"))


def test_a_chart_is_an_image_named_by_its_title_and_described():
    root = bars_chart(charts.Bar("False", 3, "false"), charts.Bar("True", 1, "true"))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c-title c-desc"
    assert root.find(f"{SVG}title").text == "Claims by rating"
    assert root.find(f"{SVG}desc").text == "False: 3; True: 1"


def test_bars_are_to_scale():
    root = bars_chart(charts.Bar("False", 4, "false"), charts.Bar("True", 1, "true"))
    widths = [int(rect.get("width")) for rect in root.iter(f"{SVG}rect")]
    assert widths[0] == 4 * widths[1]


def test_a_zero_bar_has_no_length_and_an_empty_chart_says_so():
    root = bars_chart(charts.Bar("False", 0, "false"))
    assert [rect.get("width") for rect in root.iter(f"{SVG}rect")] == ["0"]
    empty = parse(charts.bar_chart([], title="Nothing", chart_id="e"))
    assert empty.find(f"{SVG}desc").text == "Nothing to show yet."


def test_labels_are_escaped():
    svg = charts.bar_chart([charts.Bar("<script>x</script>", 1, "x")], title="<b>", chart_id="s")
    assert "<script>" not in svg and "<b>" not in svg
    assert parse(svg).find(f"{SVG}title").text == "<b>"


def test_promise_chart_has_the_six_outcomes_in_order():
    record = {"on_time": 2, "late": 1, "partly": 4, "not_done": 3, "unverifiable": 0, "open": 1}
    root = parse(charts.promise_chart(record, title="Promises"))
    desc = root.find(f"{SVG}desc").text
    assert desc == (
        "Kept on time: 2; Kept late: 1; Kept in part: 4; Not done: 3; Unverifiable: 0; "
        "Still open: 1"
    )


def test_timeline_puts_overdue_deadlines_left_of_today_and_later_ones_in_order():
    svg = charts.deadline_timeline(
        [
            charts.Deadline("Overdue one", dt.date(2024, 1, 1)),
            charts.Deadline("Soon", dt.date(2024, 1, 20)),
            charts.Deadline("Later", dt.date(2024, 3, 1)),
        ],
        today=TODAY,
        days=90,
        title="Deadlines",
        chart_id="t",
    )
    root = parse(svg)
    xs = [float(circle.get("cx")) for circle in root.iter(f"{SVG}circle")]
    today_x = float(re.search(r'<line x1="([\d.]+)"', svg).group(1))
    assert xs[0] < today_x < xs[1] < xs[2]
    assert root.find(f"{SVG}desc").text.startswith(
        "2 deadlines in the next 90 days; 1 overdue, awaiting re-check."
    )


def test_timeline_clamps_deadlines_beyond_its_window_to_its_end():
    svg = charts.deadline_timeline(
        [
            charts.Deadline("Far", dt.date(2030, 1, 1)),
            charts.Deadline("Edge", dt.date(2024, 4, 14)),
        ],
        today=TODAY,
        days=90,
        title="Deadlines",
        chart_id="t",
    )
    xs = [float(circle.get("cx")) for circle in parse(svg).iter(f"{SVG}circle")]
    assert xs[0] == xs[1]


def test_timeline_labels_are_not_crossed_by_the_grid_and_each_claim_has_its_dot():
    """The grid lines run in the dot lanes only; two claims overdue on the same day are two
    dots, one per row, and a longer-overdue one sits further left in the band."""
    svg = charts.deadline_timeline(
        [
            charts.Deadline("Overdue twice", dt.date(2024, 1, 10)),
            charts.Deadline("Overdue twice too", dt.date(2024, 1, 10)),
            charts.Deadline("Long overdue", dt.date(2023, 12, 1)),
        ],
        today=TODAY,
        days=90,
        title="Deadlines",
        chart_id="t",
    )
    root = parse(svg)
    circles = [(float(c.get("cx")), float(c.get("cy"))) for c in root.iter(f"{SVG}circle")]
    assert len({cy for _, cy in circles}) == 3
    assert circles[2][0] < circles[0][0] == circles[1][0]
    label_rows = [
        float(t.get("y")) for t in root.iter(f"{SVG}text") if t.text.startswith(("Overdue", "Long"))
    ]
    for line in root.iter(f"{SVG}line"):
        if line.get("x1") == line.get("x2"):  # a grid line
            top, bottom = float(line.get("y1")), float(line.get("y2"))
            assert not any(top <= y - 4 <= bottom for y in label_rows)
