"""``symconv exercises`` then ``symconv grade``: files, byte-identical sheets, errors, the table."""

from __future__ import annotations

import csv
import json

import pytest

from symconv.teaching.exercises import Sheet
from tests.cli.process import run_cli
from tests.teaching.answers import kernel_flipped, not_cropped, plain_answer, transposed
from tests.tex_tools import page_ink, require_tool

SHEET_ARGS = ["exercises", "--count", "12", "--seed", "8", "--difficulty", "hard"]


def test_same_seed_gives_byte_identical_files(cli, tmp_path):
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        status, _, err = cli(*SHEET_ARGS, "-o", str(tmp_path / folder / "sheet.tex"))
        assert status == 0 and "sheet-solutions.tex" in err
    for name in ("sheet.tex", "sheet-solutions.tex", "sheet.json"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    data = json.loads((tmp_path / "one" / "sheet.json").read_text())
    assert (data["seed"], data["difficulty"], len(data["exercises"])) == (8, "hard", 12)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--count", "0"], "--count: must be a whole number from 1 to 30"),
        (["--count", "many"], "--count: must be a whole number"),
        (["--count", "-3"], "--count: must be a whole number"),
        (["--difficulty", "extreme"], "invalid choice: 'extreme'"),
        (["--seed", "1.5"], "--seed: must be a whole number"),
        (["--views", "result,everything"], "--views: must be among"),
        (["-o", "sheet.pdf"], "-o: must name a .tex file"),
    ],
)
def test_bad_requests_are_one_line_exit_2(tmp_path, args, message):
    output = [] if "-o" in args else ["-o", "sheet.tex"]
    status, out, err = run_cli(["exercises", *args, *output], tmp_path)
    assert status == 2 and out == ""
    assert len(err.splitlines()) == 1 and message in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_existing_files_are_not_overwritten_without_force(cli, tmp_path):
    solutions = tmp_path / "sheet-solutions.tex"
    solutions.write_text("mine")
    status, _, err = cli(*SHEET_ARGS, "-o", str(tmp_path / "sheet.tex"))
    assert status == 2 and "file exists; pass --force" in err and len(err.splitlines()) == 1
    assert solutions.read_text() == "mine" and sorted(p.name for p in tmp_path.iterdir()) == [
        "sheet-solutions.tex"
    ]
    assert cli(*SHEET_ARGS, "-o", str(tmp_path / "sheet.tex"), "--force")[0] == 0
    assert solutions.read_text().startswith("\\documentclass")


def _write_submissions(folder, sheet: Sheet) -> dict:
    """Right answers, and one slip injected per student; returns the rows expected wrong."""
    right = {e.number: "$$" + e.answer_latex() + "$$" for e in sheet.exercises}

    def first(make):
        return next((e, w) for e in sheet.exercises if (w := make(e)) is not None)

    flipped, flipped_text = first(kernel_flipped)
    uncropped, uncropped_text = first(not_cropped)
    swapped, swapped_text = first(transposed)
    omitted = sheet.exercises[0].number
    garbled = sheet.exercises[1].number
    files = {
        "ann.tex": "".join(f"\\section*{{Exercise {n}}}\n{a}\n" for n, a in right.items()),
        "ben.md": "".join(
            f"## Exercise {n}\n\n{flipped_text if n == flipped.number else a}\n\n"
            for n, a in right.items()
        ),
        "cat.txt": "".join(
            f"Exercise {n}:\n{uncropped_text if n == uncropped.number else plain_answer(e)}\n"
            for n, e in ((e.number, e) for e in sheet.exercises)
        ),
        "dan.tex": "".join(
            f"% Exercise {n}\n{swapped_text if n == swapped.number else a}\n"
            for n, a in right.items()
        ),
        "eve.md": "".join(f"## Exercise {n}\n{a}\n" for n, a in right.items() if n != omitted),
        "fay.txt": "".join(
            f"Exercise {n}: {'#@! ??' if n == garbled else a}\n" for n, a in right.items()
        ),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return {
        ("ben", flipped.number): ("wrong", "kernel-flipped"),
        ("cat", uncropped.number): ("wrong", "no-crop"),
        ("dan", swapped.number): ("wrong", "transposed"),
        ("eve", omitted): ("missing", ""),
        ("fay", garbled): ("unreadable", ""),
    }


def test_exercises_then_grade_reproduces_the_injected_mistakes(tmp_path):
    status, _, err = run_cli([*SHEET_ARGS, "-o", "sheet.tex"], tmp_path)
    assert status == 0, err
    sheet = Sheet.from_json((tmp_path / "sheet.json").read_text())
    (tmp_path / "subs").mkdir()
    expected = _write_submissions(tmp_path / "subs", sheet)
    status, out, err = run_cli(["grade", "sheet.json", "subs", "-o", "results.csv"], tmp_path)
    assert status == 0, err
    assert out.splitlines()[0] == (
        "6 students, 12 exercises: 67 right, 3 wrong, 1 missing, 1 unreadable"
    )
    with (tmp_path / "results.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 72
    assert [(r["student"], int(r["exercise"])) for r in rows] == sorted(
        (r["student"], int(r["exercise"])) for r in rows
    )
    found = {
        (r["student"], int(r["exercise"])): (r["verdict"], r["diagnosis"])
        for r in rows
        if r["verdict"] != "right"
    }
    assert found == expected
    table = json.loads((tmp_path / "results.json").read_text())
    assert [{k: str(v) for k, v in row.items()} for row in table] == rows
    summary = (tmp_path / "results-summary.tex").read_text()
    assert "\\texttt{kernel-flipped} & 1 & kernel flipped" in summary
    status, _, err = run_cli(["grade", "sheet.json", "subs", "-o", "results.csv"], tmp_path)
    assert status == 2 and "file exists; pass --force" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nowhere.json", "subs", "-o", "r.csv"], "SHEET: is not a file"),
        (["sheet.json", "nowhere", "-o", "r.csv"], "SUBMISSIONS: is not a folder"),
        (["sheet.json", "subs", "-o", "r.txt"], "-o: must name a .csv file"),
        (["sheet.json", "subs"], "-o: is required"),
        (["subs/a.txt", "subs", "-o", "r.csv"], "sheet: is not JSON"),
    ],
)
def test_grade_errors_are_one_line_exit_2(cli, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    assert cli("exercises", "--count", "2", "-o", "sheet.tex")[0] == 0
    (tmp_path / "subs").mkdir()
    (tmp_path / "subs" / "a.txt").write_text("Exercise 1\nO = [1]")
    status, _, err = cli("grade", *args)
    assert status == 2 and len(err.splitlines()) == 1 and message in err


def test_pdf_sheet_solutions_and_a_one_page_summary(tmp_path):
    require_tool("pdflatex")
    status, _, err = run_cli([*SHEET_ARGS, "-o", "sheet.tex", "--pdf"], tmp_path)
    assert status == 0, err
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "sheet-solutions.pdf").read_bytes().startswith(b"%PDF")
    sheet = Sheet.from_json((tmp_path / "sheet.json").read_text())
    (tmp_path / "subs").mkdir()
    _write_submissions(tmp_path / "subs", sheet)
    status, _, err = run_cli(["grade", "sheet.json", "subs", "-o", "r.csv", "--pdf"], tmp_path)
    assert status == 0, err
    assert len(page_ink((tmp_path / "r-summary.pdf").read_bytes(), tmp_path)) == 1
