"""One command-line request builds its Geometry once and checks the work budget once.

The counts come from the interpreter's profiler, which sees every call of
``Geometry.__init__`` and of :func:`symconv.core.budget.check_budget`, however the
function was imported.
"""

from __future__ import annotations

import sys

import pytest

from symconv.cli.main import main
from symconv.core.budget import check_budget
from symconv.core.geometry import Geometry

COUNTED = {Geometry.__init__.__code__: "Geometry", check_budget.__code__: "check_budget"}

REQUESTS = [
    ["derive", "--preset", "example-2d-s1"],
    ["derive", "--input", "3x3", "--kernel", "2x2", "--stride", "2", "--format", "latex"],
    ["derive", "--input", "3", "--kernel", "2", "--method", "matrix", "--format", "json"],
    [
        "derive",
        "--input",
        "2x2",
        "--kernel",
        "2x2",
        "--in-channels",
        "2",
        "--out-channels",
        "4",
        "--groups",
        "2",
        "--batch",
        "2",
    ],
    ["matrix", "--input", "3", "--kernel", "3", "--stride", "2", "--padding", "1"],
    ["matrix", "--input", "2", "--kernel", "2", "--in-channels", "2", "--out-channels", "2"],
    ["verify", "--input", "3x3", "--kernel", "3x3", "--stride", "2", "--pads", "1,1,0,0"],
    [
        "verify",
        "--input",
        "2",
        "--kernel",
        "2",
        "--in-channels",
        "2",
        "--groups",
        "2",
        "--out-channels",
        "2",
    ],
    ["example", "--preset", "example-1d", "--form", "article"],
    [
        "example",
        "--input",
        "2x2",
        "--kernel",
        "2x2",
        "--in-channels",
        "2",
        "--out-channels",
        "2",
        "--form",
        "article",
    ],
    ["analyze", "--input", "4", "--kernel", "3", "--stride", "2", "--padding", "1"],
    ["analyze", "--preset", "example-2d-s1", "--format", "latex"],
]


def counted(run) -> tuple[object, dict[str, int]]:
    """``run()``'s result, and how often it constructed a Geometry and checked the budget."""
    counts = {"Geometry": 0, "check_budget": 0}

    def profile(frame, event, arg):
        if event == "call" and frame.f_code in COUNTED:
            counts[COUNTED[frame.f_code]] += 1

    sys.setprofile(profile)
    try:
        result = run()
    finally:
        sys.setprofile(None)
    return result, counts


def counted_calls(argv: list[str], capsys) -> tuple[int, dict[str, int]]:
    status, counts = counted(lambda: main(argv))
    capsys.readouterr()
    return status, counts


@pytest.mark.parametrize("argv", REQUESTS, ids=lambda argv: " ".join(argv[:3]))
def test_one_geometry_and_one_budget_check_per_request(argv, capsys):
    status, counts = counted_calls(argv, capsys)
    assert status == 0
    assert counts == {"Geometry": 1, "check_budget": 1}


def test_size_builds_one_geometry_and_needs_no_budget(capsys):
    status, counts = counted_calls(["size", "--input", "4x4", "--kernel", "3"], capsys)
    assert status == 0 and counts == {"Geometry": 1, "check_budget": 0}


def test_check_of_a_right_answer_builds_one_geometry(tmp_path, capsys):
    written = tmp_path / "mine.txt"
    written.write_text("[x1*w2, x1*w3 + x2*w1, x2*w2]")
    status, counts = counted_calls(["check", "--preset", "example-1d", str(written)], capsys)
    assert status == 0 and counts == {"Geometry": 1, "check_budget": 1}


def test_the_counter_sees_a_second_geometry():
    # The library's own entry points validate again: a second request is counted as such.
    import symconv

    _, counts = counted(lambda: [symconv.derive_symbolic(2, 3) for _ in range(2)])
    assert counts == {"Geometry": 2, "check_budget": 2}
