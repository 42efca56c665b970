"""Grading: submissions split at their headings, each part checked, slips named in the table."""

from __future__ import annotations

import csv
import io
import json

import pytest

from symconv.teaching.exercises import Exercise, Sheet, exercises
from symconv.teaching.grading import grade, split_parts
from tests.teaching.answers import kernel_flipped, not_cropped, plain_answer, transposed
from tests.tex_tools import compile_log, log_problems, page_ink

HEADINGS = {
    "latex": "\\section*{{Exercise {n}}}\n{body}\n",
    "markdown": "## Exercise {n}\n\n{body}\n",
    "colon": "Exercise {n}:\n{body}\n",
    "comment": "% Exercise {n}\n{body}\n",
    "bold": "**Exercise {n}.** {body}\n",
}


def submission(parts: dict[int, str], style: str) -> str:
    return "".join(HEADINGS[style].format(n=n, body=body) for n, body in sorted(parts.items()))


@pytest.mark.parametrize("style", sorted(HEADINGS))
def test_each_heading_form_splits_the_answers(style):
    text = "Name: Ann\n" + submission({1: "O = [1, 2]", 2: "Z = [0]", 12: "C = [3]"}, style)
    parts = split_parts(text)
    assert sorted(parts) == [1, 2, 12]
    assert "O = [1, 2]" in parts[1] and "Z = [0]" in parts[2] and "C = [3]" in parts[12]
    assert "Ann" not in "".join(parts.values())


def test_an_answer_on_the_heading_line_is_kept():
    assert split_parts("Exercise 3: O = [x1*w1]")[3].strip() == "O = [x1*w1]"


@pytest.fixture(scope="module")
def sheet():
    return exercises(12, seed=8, difficulty="hard")


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("difficulty", ["easy", "medium", "hard"])
def test_right_answers_are_right_in_latex_and_as_plain_lists(seed, difficulty):
    sheet = exercises(12, seed=seed, difficulty=difficulty)
    latex = {e.number: "$$" + e.answer_latex() + "$$" for e in sheet.exercises}
    plain = {e.number: plain_answer(e) for e in sheet.exercises}
    table = grade(sheet, {"tex": submission(latex, "latex"), "txt": submission(plain, "colon")})
    assert [(g.verdict, g.diagnosis) for g in table.grades] == [("right", "")] * 24, [
        g for g in table.grades if g.verdict != "right"
    ]


def _first(sheet, make):
    for e in sheet.exercises:
        written = make(e)
        if written is not None:
            return e, written
    raise AssertionError(f"no exercise of the sheet suits {make.__name__}: pick another seed")


def test_the_table_reproduces_exactly_the_injected_mistakes(sheet):
    right = {e.number: "$$" + e.answer_latex() + "$$" for e in sheet.exercises}
    flipped, flipped_text = _first(sheet, kernel_flipped)
    uncropped, uncropped_text = _first(sheet, not_cropped)
    swapped, swapped_text = _first(sheet, transposed)
    omitted, garbled = sheet.exercises[-1].number, sheet.exercises[-2].number
    students = {
        "ann": submission(right, "latex"),
        "ben": submission({**right, flipped.number: flipped_text}, "markdown"),
        "cat": submission({**right, uncropped.number: uncropped_text}, "colon"),
        "dan": submission({**right, swapped.number: swapped_text}, "comment"),
        "eve": submission({n: a for n, a in right.items() if n != omitted}, "markdown"),
        "fay": submission({**right, garbled: "@@@ no idea ??"}, "latex"),
    }
    table = grade(sheet, students)
    injected = {
        ("ben", flipped.number): ("wrong", "kernel-flipped"),
        ("cat", uncropped.number): ("wrong", "no-crop"),
        ("dan", swapped.number): ("wrong", "transposed"),
        ("eve", omitted): ("missing", ""),
        ("fay", garbled): ("unreadable", ""),
    }
    found = {
        (g.student, g.exercise): (g.verdict, g.diagnosis)
        for g in table.grades
        if g.verdict != "right"
    }
    assert found == injected
    assert len(table.grades) == 6 * len(sheet.exercises)
    keys = [(g.student, g.exercise) for g in table.grades]
    assert keys == sorted(keys)
    assert table.right_counts()[flipped.number] == 5
    assert ("kernel-flipped", 1) in [(code, n) for code, n, _ in table.mistakes()]


def test_an_unnamed_matrix_is_checked_as_the_object_asked_for():
    sheet = exercises(6, seed=3, difficulty="medium", views=["canvas"])
    e = sheet.exercises[0]
    answer = e.answer_latex().split("=", 1)[1]  # the matrix without its name
    (row,) = grade(sheet, {"ann": f"Exercise 1\n$${answer}$$"}).grades[:1]
    assert (row.verdict, row.diagnosis) == ("right", "")


def test_another_object_than_the_one_asked_for_is_missing():
    sheet = exercises(1, seed=3, difficulty="medium", views=["canvas"])
    e = sheet.exercises[0]
    d = e.derivation
    z = "Z = " + str(d.stretched_input.tolist())
    (row,) = grade(sheet, {"ann": f"Exercise 1\n{z}\n"}).grades
    assert (row.verdict, row.diagnosis) == ("missing", "other-step")
    assert row.headline.startswith("no O_full found")


def test_size_exercises_need_every_axis():
    sheet = exercises(1, seed=0, difficulty="easy", views=["size"])
    e = sheet.exercises[0]
    lines = e.answer_latex().split(r", \quad ")
    whole = grade(sheet, {"a": "Exercise 1\n" + "\n".join(f"${x}$" for x in lines)})
    half = grade(sheet, {"a": f"Exercise 1\n${lines[0]}$"})
    assert whole.grades[0].verdict == "right"
    if e.rank == 2:
        assert (half.grades[0].verdict, half.grades[0].diagnosis) == ("wrong", "size-incomplete")


def test_a_folder_with_an_unreadable_file_is_graded_on(tmp_path, sheet):
    (tmp_path / "ann.md").write_text(
        submission({1: "$$" + sheet.exercises[0].answer_latex() + "$$"}, "markdown")
    )
    (tmp_path / "bob.tex").write_bytes(b"Exercise 1\n\xff\xfe O = [1]")
    (tmp_path / ".hidden").write_text("Exercise 1\nO = [1]")
    table = grade(sheet, tmp_path)
    assert table.students == ["ann", "bob"]
    assert table.grades[0].verdict == "right"
    bob = [g for g in table.grades if g.student == "bob"]
    assert {g.verdict for g in bob} == {"unreadable"} and "UTF-8" in bob[0].headline


def test_csv_and_json_hold_the_same_rows(sheet):
    table = grade(sheet, {"a,b": 'Exercise 1\nO = ["1"]', "z": ""})
    rows = list(csv.DictReader(io.StringIO(table.to_csv())))
    assert list(rows[0]) == ["student", "exercise", "verdict", "diagnosis", "headline"]
    assert rows == [{k: str(v) for k, v in r.items()} for r in json.loads(table.to_json())]
    assert rows[0]["student"] == "a,b"


def test_the_notebook_table_escapes_what_students_wrote(sheet):
    table = grade(sheet, {"<b>x</b>": "Exercise 1\n<script>"})
    shown = table._repr_html_()
    assert "<script>" not in shown and "&lt;b&gt;x&lt;/b&gt;" in shown


def test_the_summary_of_a_full_sheet_is_one_page_without_overfull_boxes(tmp_path):
    sheet = exercises(30, seed=2, difficulty="hard")
    right = {e.number: "$$" + e.answer_latex() + "$$" for e in sheet.exercises}
    students = {"ann": submission(right, "latex"), "bob": "Exercise 3: @", "cyd": ""}
    for e in sheet.exercises:
        wrong = kernel_flipped(e)
        if wrong is not None:
            students[f"s{e.number:02d}"] = submission({**right, e.number: wrong}, "markdown")
    table = grade(sheet, students)
    assert ("kernel-flipped", len(students) - 3) in [(c, n) for c, n, _ in table.mistakes()]
    tex = table.summary_latex()
    assert log_problems(compile_log(tex, tmp_path, "summary")) == []
    assert len(page_ink((tmp_path / "summary.pdf").read_bytes(), tmp_path)) == 1


def test_a_size_slip_with_no_padding_is_graded_as_the_output_padding_ignored():
    size = Exercise(1, (2,), (3,), (2,), (0,), (1,), (1,), "size")
    sheet = Sheet(0, "medium", ("size",), (size,))
    table = grade(sheet, {"ann": "Exercise 1\nO = 2(2-1)+3-0 = 5\n"})
    (row,) = csv.DictReader(io.StringIO(table.to_csv()))
    assert (row["verdict"], row["diagnosis"]) == ("wrong", "output-padding-ignored")
    assert "padding is not subtracted" not in row["headline"]


def test_the_summary_writes_what_was_asked_and_the_mistakes_in_the_shared_notation(tmp_path):
    sheet = exercises(2, seed=3, difficulty="medium", views="canvas, CT")
    (asked,) = [e for e in sheet.exercises if e.asked == "matrix-transposed"]
    matrix = asked.derivation.conv_matrix.tolist()  # C written under the name of its transpose
    wrong = "C^T = [" + ", ".join("[" + ", ".join(map(str, row)) + "]" for row in matrix) + "]"
    table = grade(sheet, {"ann": f"Exercise {asked.number}\n{wrong}\n"})
    assert [g.diagnosis for g in table.grades if g.verdict == "wrong"] == ["matrix-transposed"]
    tex = table.summary_latex()
    assert r"& $C^{\mathsf T}$ &" in tex and r"& $O_{\text{full}}$ &" in tex
    assert r"C and $C^{\mathsf T}$ confused" in tex
    assert "textasciicircum" not in tex and r"O\_full" not in tex
    assert log_problems(compile_log(tex, tmp_path, "summary")) == []
