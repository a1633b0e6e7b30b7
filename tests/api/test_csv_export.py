"""claims/csv_export.py: one row builder for the admin's action and the API, safe to open in a
spreadsheet, and never holding a draft verdict."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from rest_framework.test import APIClient

from claims import csv_export, workflow
from tests.support.data import write_verdict


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1 555 0100", "'+1 555 0100"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t'=1"),
        ("Taxes rose = bad", "Taxes rose = bad"),
        # A locale that separates with ";" splits the cell there: no part may start a formula.
        ('Minister;=HYPERLINK("http://evil")', 'Minister;\'=HYPERLINK("http://evil")'),
        ("a; +1 555;@SUM(A1)", "a;' +1 555;'@SUM(A1)"),
        ("=1;=2", "'=1;'=2"),
        ("Two clauses; both plain", "Two clauses; both plain"),
        # Nor one that splits at a comma or a tab (a spreadsheet told those are separators).
        ('Minister,=HYPERLINK("http://evil")', 'Minister,\'=HYPERLINK("http://evil")'),
        ("Minister, +1 555 0100", "Minister,' +1 555 0100"),
        ("Minister\t@SUM(A1)", "Minister\t'@SUM(A1)"),
        ("a,b\tc;d", "a,b\tc;d"),
        (-5, "-5"),
        (None, ""),
        (True, "yes"),
        (dt.date(2019, 9, 29), "2019-09-29"),
    ],
)
def test_a_cell_never_starts_a_formula(value, cell):
    assert csv_export.safe_cell(value) == cell


def test_a_claims_row_has_its_current_verdict_only(watching_claim, reviewer):
    write_verdict(watching_claim, reviewer, "fulfilled", "SECRET DRAFT")
    row = dict(zip(csv_export.CLAIM_COLUMNS, csv_export.claim_row(watching_claim), strict=True))
    assert row["rating"] == "Pending" and row["verdict_summary"] == "S"
    assert "SECRET DRAFT" not in csv_export.write_csv(csv_export.CLAIM_COLUMNS, [row.values()])
    assert row["deadline"] == "2024-01-29" and row["status"] == "published"


def test_a_draft_claim_has_no_rating(make_claim, reviewer):
    claim = make_claim()
    write_verdict(claim, reviewer, "false", "SECRET DRAFT")
    row = csv_export.claim_row(claim)
    assert "SECRET DRAFT" not in row and "False" not in row


def test_the_csv_text_quotes_commas_and_new_lines():
    text = csv_export.write_csv(["a", "b"], [["x, y", "line\nbreak"]])
    assert list(csv.reader(io.StringIO(text))) == [["a", "b"], ["x, y", "line\nbreak"]]


@pytest.fixture
def formula_claim(make_claim, publish_claim):
    return publish_claim(make_claim("=cmd|' /C calc'!A0 said the minister"), "false")


SPLIT_FORMULAS = 'Minister;=HYPERLINK("a"),+1 555\t@SUM(A1), -2+3'


def formula_parts(rows: list[list[str]]) -> list[str]:
    """Every piece of every cell, split where a spreadsheet may split it, that starts a formula."""
    import re

    pieces = (piece for row in rows for cell in row for piece in re.split(r"[;,\t]", cell))
    return [piece for piece in pieces if piece.lstrip(" ").startswith(csv_export.FORMULA_STARTS)]


@pytest.fixture
def split_formulas(make_claim, reviewer, publisher):
    claim = make_claim(SPLIT_FORMULAS, quote=SPLIT_FORMULAS, reported_by=SPLIT_FORMULAS)
    write_verdict(claim, reviewer, "false", summary=SPLIT_FORMULAS)
    workflow.submit(claim, by=reviewer)
    workflow.publish(claim, by=publisher)
    return claim


def test_no_export_holds_a_formula_after_a_separator(client, editor, split_formulas):
    verdict = split_formulas.verdicts.get()
    client.force_login(editor)
    exports = {
        "admin claims": client.post(
            "/admin/claims/claim/",
            {"action": "export_csv", "_selected_action": [split_formulas.pk]},
        ),
        "admin verdicts": client.post(
            "/admin/claims/verdict/", {"action": "export_csv", "_selected_action": [verdict.pk]}
        ),
        "api claims": APIClient().get("/api/claims/?format=csv"),
        "api verdicts": APIClient().get("/api/verdicts/?format=csv"),
    }
    for name, response in exports.items():
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        assert SPLIT_FORMULAS.split(";")[0] in str(rows), name  # the text is there
        assert formula_parts(rows) == [], name


def admin_export(client, user, claims) -> list[list[str]]:
    client.force_login(user)
    response = client.post(
        "/admin/claims/claim/",
        {"action": "export_csv", "_selected_action": [claim.pk for claim in claims]},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    assert response["Content-Disposition"] == 'attachment; filename="claims.csv"'
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_the_admin_exports_the_selected_claims(client, editor, formula_claim, make_claim):
    draft = make_claim("A draft, which the newsroom may export.")
    make_claim("Not selected.")
    rows = admin_export(client, editor, [formula_claim, draft])
    assert rows[0] == csv_export.CLAIM_COLUMNS
    assert [row[1] for row in rows[1:]] == [
        "'=cmd|' /C calc'!A0 said the minister",
        "A draft, which the newsroom may export.",
    ]


def test_the_admin_and_the_api_give_the_same_rows(client, editor, formula_claim):
    from_admin = admin_export(client, editor, [formula_claim])
    from_api = APIClient().get("/api/claims/?format=csv").content.decode()
    assert list(csv.reader(io.StringIO(from_api))) == from_admin


def test_staff_without_a_role_cannot_export(client, outsider, formula_claim):
    client.force_login(outsider)
    response = client.post(
        "/admin/claims/claim/", {"action": "export_csv", "_selected_action": [formula_claim.pk]}
    )
    assert response.status_code == 403


def test_the_admin_exports_the_selected_verdicts_as_the_api_does(client, editor, formula_claim):
    client.force_login(editor)
    verdict = formula_claim.verdicts.get()
    response = client.post(
        "/admin/claims/verdict/", {"action": "export_csv", "_selected_action": [verdict.pk]}
    )
    assert response.status_code == 200 and response["Content-Type"] == "text/csv"
    assert response["Content-Disposition"] == 'attachment; filename="verdicts.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == csv_export.VERDICT_COLUMNS and rows[1] == csv_export.verdict_row(verdict)
    from_api = APIClient().get("/api/verdicts/?format=csv").content.decode()
    assert list(csv.reader(io.StringIO(from_api))) == rows


def test_staff_without_a_role_cannot_export_verdicts(client, outsider, formula_claim):
    client.force_login(outsider)
    response = client.post(
        "/admin/claims/verdict/",
        {"action": "export_csv", "_selected_action": [formula_claim.verdicts.get().pk]},
    )
    assert response.status_code == 403


def test_a_retracted_claim_exports_its_reason(watching_claim, publisher):
    workflow.retract(watching_claim, by=publisher, reason="Logged twice.")
    watching_claim.refresh_from_db()
    row = dict(zip(csv_export.CLAIM_COLUMNS, csv_export.claim_row(watching_claim), strict=True))
    assert (row["status"], row["retraction_reason"]) == ("retracted", "Logged twice.")
