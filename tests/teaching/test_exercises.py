"""Exercise sheets: drawn from the seed alone, valid parameters, the asked objects, compiling."""

from __future__ import annotations

import json
import math
import random

import pytest

from symconv.checker.homework import check_homework
from symconv.errors import SymconvError
from symconv.notation.statements import MATRIX_PRODUCT, TRANSPOSE
from symconv.notation.style import CANVAS
from symconv.teaching.exercises import ASKED, LEVELS, Sheet, exercises
from tests.tex_tools import compile_log, log_problems


@pytest.mark.parametrize("difficulty", ["easy", "medium", "hard"])
def test_same_seed_same_bytes_another_seed_another_sheet(difficulty):
    one, two = exercises(10, 5, difficulty), exercises(10, 5, difficulty)
    assert one.to_latex() == two.to_latex()
    assert one.to_latex(solutions=True) == two.to_latex(solutions=True)
    assert one.to_json() == two.to_json()
    assert exercises(10, 6, difficulty).to_json() != one.to_json()


def test_the_global_random_state_is_left_alone():
    random.seed(1)
    before = random.random()
    random.seed(1)
    exercises(10, 5, "hard")
    assert random.random() == before
    random.seed(99)
    assert exercises(10, 5, "hard") == exercises(10, 5, "hard")


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("difficulty", ["easy", "medium", "hard"])
def test_parameters_are_valid_and_follow_the_difficulty(seed, difficulty):
    sheet = exercises(30, seed, difficulty)
    level = LEVELS[difficulty]
    for e in sheet.exercises:
        g = e.geometry
        assert e.rank in (1, 2)
        for axis in g.axes:
            assert axis.output_padding < max(axis.stride, axis.dilation)
            assert axis.pad_begin <= level["padding"] and axis.pad_begin == axis.pad_end
            assert axis.dilation <= level["dilation"][1]
        assert e.asked in level["views"]
        if e.asked == "scaled":
            assert 0 <= e.element < math.prod(g.input_size)
    assert {e.asked for e in sheet.exercises} == set(level["views"])  # each view is asked
    if difficulty == "hard":
        assert any(max(e.dilation) == 2 for e in exercises(30, seed, "hard").exercises)
    else:
        assert all(max(e.dilation) == 1 for e in sheet.exercises)


def test_views_choose_what_is_asked():
    sheet = exercises(6, 3, "medium", views="block, CT")
    assert {e.asked for e in sheet.exercises} == {"scaled", "matrix-transposed"}
    assert sheet.views == ("scaled", "matrix-transposed")


@pytest.mark.parametrize(
    ("arguments", "parameter"),
    [
        ((0, 1, "easy"), "count"),
        ((31, 1, "easy"), "count"),
        ((True, 1, "easy"), "count"),
        ((3, -1, "easy"), "seed"),
        ((3, 1, "impossible"), "difficulty"),
    ],
)
def test_bad_requests_name_the_parameter(arguments, parameter):
    with pytest.raises(SymconvError) as error:
        exercises(*arguments)
    assert error.value.parameter == parameter


def test_bad_views_are_refused():
    with pytest.raises(SymconvError, match="views: must be among"):
        exercises(3, 1, "easy", views=["everything"])


def test_the_json_names_seed_difficulty_and_each_exercise():
    sheet = exercises(4, 9, "hard")
    data = json.loads(sheet.to_json())
    assert (data["seed"], data["difficulty"]) == (9, "hard")
    first = data["exercises"][0]
    assert set(first) >= {"input_size", "kernel_size", "stride", "padding", "output_padding"}
    assert first["asked"] in ASKED and first["dilation"]
    assert Sheet.from_json(sheet.to_json()) == sheet


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("{", "is not JSON"),
        ("[]", "is not a sheet"),
        ('{"format": "symconv-exercises/1", "exercises": []}', "lists no exercises"),
        (
            '{"format": "symconv-exercises/1", "exercises": [{"number": 1, "input_size": [2], '
            '"kernel_size": [3], "stride": [2], "padding": [0], "output_padding": [3], '
            '"dilation": [1], "asked": "result"}]}',
            "output_padding",
        ),
    ],
)
def test_a_broken_sheet_is_refused_in_one_line(text, rule):
    with pytest.raises(SymconvError, match=rule):
        Sheet.from_json(text)


def test_each_exercise_says_what_to_write_and_under_which_name():
    sheet = exercises(14, 2, "hard")
    tex = sheet.to_latex()
    for e in sheet.exercises:
        assert f"\\section*{{Exercise {e.number}}}" in tex
    chunks = tex.split("\\section*{Exercise ")[1:]
    for e, chunk in zip(sheet.exercises, chunks):
        assert "Write your answer as" in chunk
        assert e.configuration.replace("_", "\\_") in chunk
        assert "I = \\begin{pmatrix}" in chunk and "K = \\begin{pmatrix}" in chunk
        if e.asked != "size":
            typed = e.typed_name.replace("_", "\\_").replace("^", "\\textasciicircum{}")
            assert f"\\texttt{{{typed} = ...}}" in chunk
    solutions = sheet.to_latex(solutions=True)
    for e in sheet.exercises:
        assert e.answer_latex() in solutions
    assert "Write your answer" not in solutions


@pytest.mark.parametrize("seed", [0, 4, 9])
@pytest.mark.parametrize("difficulty", ["easy", "medium", "hard"])
def test_sheet_and_solutions_compile_without_overfull_boxes(tmp_path, difficulty, seed):
    sheet = exercises(30, seed, difficulty)
    for name, tex in (("sheet", sheet.to_latex()), ("solutions", sheet.to_latex(True))):
        assert log_problems(compile_log(tex, tmp_path, name)) == [], (difficulty, name)


@pytest.mark.parametrize(
    "sheet",
    [exercises(6, 42, "medium"), exercises(4, 3, "medium", views="canvas, CT")],
    ids=["seed-42-medium", "canvas-and-CT"],
)
def test_sheets_and_solutions_write_the_shared_notation(sheet):
    tex, solutions = sheet.to_latex(), sheet.to_latex(solutions=True)
    for text in (tex, solutions):
        for slip in ("C^{T}", "C^T", "O_{full}"):
            assert slip not in text
    assert MATRIX_PRODUCT in tex and f"${CANVAS}$" in tex
    asked = {e.asked for e in sheet.exercises}
    if "matrix-transposed" in asked:
        assert f"Write the matrix $C{TRANSPOSE}$" in tex and f"C{TRANSPOSE} = " in solutions
    if "canvas" in asked:
        assert f"{CANVAS} = " in solutions


def test_answers_under_the_shared_names_are_read_back_as_the_objects_asked():
    sheet = exercises(4, 3, "medium", views="canvas, CT")
    for e in sheet.exercises:
        assert e.name in (CANVAS, "C" + TRANSPOSE)
        assert check_homework("$$" + e.answer_latex() + "$$", e.derivation).ok
