"""The extract_deadlines management command: JSON lines in, deadlines as JSON lines out."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

SEED = {
    "id": "seed",
    "text": "The border crossing will be opened in the next the 60 days.",
    "published": "2019-07-01",
    "precision": "month",
}


def run(*lines: str) -> tuple[list[dict], str]:
    """Run the command on these input lines; returns (output objects, standard error)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command(
        "extract_deadlines", stdin=io.StringIO("\n".join(lines)), stdout=stdout, stderr=stderr
    )
    return [json.loads(line) for line in stdout.getvalue().splitlines()], stderr.getvalue()


def run_failing(*lines: str) -> tuple[list[dict], str, str]:
    """Run the command expecting bad lines; returns (output objects, standard error, error)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command(
            "extract_deadlines", stdin=io.StringIO("\n".join(lines)), stdout=stdout, stderr=stderr
        )
    output = [json.loads(line) for line in stdout.getvalue().splitlines()]
    return output, stderr.getvalue(), str(raised.value)


def test_writes_one_line_per_input_with_its_deadlines():
    [result], errors = run(json.dumps(SEED))
    assert errors == ""
    assert result == {
        "id": "seed",
        "deadlines": [
            {
                "expression": "in the next the 60 days",
                "start": 35,
                "end": 58,
                "deadline": "2019-09-29",
                "vague": False,
                "approximate": True,
                "explanation": '"in the next the 60 days" → 31 July 2019 (latest possible '
                "publication day) + 60 days → 29 September 2019",
            }
        ],
    }


def test_precision_defaults_to_day():
    line = {"id": 1, "text": "It will open within 60 days.", "published": "2019-07-01"}
    [result], _ = run(json.dumps(line))
    assert result["deadlines"][0]["deadline"] == "2019-08-30"
    assert result["deadlines"][0]["approximate"] is False


def test_language_is_passed_on():
    line = {"id": 1, "text": "Il rouvrira d'ici 2022.", "published": "2019-07-01", "language": "fr"}
    [result], _ = run(json.dumps(line))
    assert result["deadlines"][0]["deadline"] == "2022-12-31"


def test_a_vague_deadline_has_a_null_date():
    [result], _ = run(
        json.dumps({"id": 1, "text": "Talks resume soon.", "published": "2020-01-01"})
    )
    assert result["deadlines"][0]["deadline"] is None
    assert result["deadlines"][0]["vague"] is True


def test_a_text_without_deadlines_gives_an_empty_list():
    [result], _ = run(json.dumps({"id": 7, "text": "Nothing here.", "published": "2020-01-01"}))
    assert result == {"id": 7, "deadlines": []}


def test_output_keeps_non_ascii_text_readable():
    line = {"id": "ar", "text": "سيتم فتح المعبر قريبا", "published": "2019-01-01"}
    stdout = io.StringIO()
    call_command("extract_deadlines", stdin=io.StringIO(json.dumps(line)), stdout=stdout)
    assert "قريبا" in stdout.getvalue()


def test_blank_lines_are_skipped():
    output, errors = run("", json.dumps(SEED), "   ", "")
    assert [r["id"] for r in output] == ["seed"]
    assert errors == ""


def test_a_line_that_is_not_json_is_reported_with_its_number():
    output, errors, error = run_failing(json.dumps(SEED), "not json", json.dumps(SEED))
    assert [r["id"] for r in output] == ["seed", "seed"]
    assert "line 2: not JSON" in errors
    assert "1 line(s)" in error


def test_a_missing_field_is_named():
    _, errors, _ = run_failing(json.dumps({"id": 1, "text": "x"}))
    assert "line 1: missing field(s): published" in errors


def test_a_bad_date_is_reported():
    _, errors, _ = run_failing(json.dumps({"id": 1, "text": "x", "published": "2019-02-30"}))
    assert "line 1: \"published\" must be a date as YYYY-MM-DD, not '2019-02-30'" in errors


def test_a_bad_precision_is_reported():
    line = {"id": 1, "text": "x", "published": "2019-02-01", "precision": "week"}
    _, errors, _ = run_failing(json.dumps(line))
    assert "line 1: \"precision\" must be one of day, month, year, not 'week'" in errors


def test_a_json_value_that_is_not_an_object_is_reported():
    _, errors, _ = run_failing("[1, 2]")
    assert "line 1: expected a JSON object, got list" in errors


def test_every_bad_line_is_reported_and_the_good_ones_still_processed():
    output, errors, error = run_failing("{", json.dumps(SEED), '{"id": 2}')
    assert [r["id"] for r in output] == ["seed"]
    assert "line 1:" in errors and "line 3:" in errors
    assert "2 line(s)" in error


def test_manage_py_exits_with_status_1_when_a_line_is_bad():
    root = Path(__file__).resolve().parents[2]
    process = subprocess.run(
        [sys.executable, "manage.py", "extract_deadlines"],
        cwd=root,
        input=json.dumps(SEED) + "\nnot json\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert process.returncode == 1
    assert json.loads(process.stdout)["id"] == "seed"
    assert "line 2: not JSON" in process.stderr
