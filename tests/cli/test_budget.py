"""Large requests: the work is estimated first and refused above the limit, with the estimate."""

import io
import math
import sys
import time

import pytest

import symconv
import symconv.core.budget
from symconv.cli.main import main
from symconv.core.budget import DEFAULT_MAX_TERMS, stage_reporter


def test_estimate_counts_products_and_outputs():
    g = symconv.make_geometry((5, 7), (3, 2), stride=2, padding=1)
    work = symconv.estimate_work(g, batch=3, in_channels=4, out_channels=6, groups=2)
    assert work.terms == 5 * 7 * 3 * 2 * 4 * (6 // 2) * 3
    assert work.outputs == math.prod(g.output_size) * 6 * 3


def test_estimate_is_the_number_of_products_the_engine_forms():
    # Every product x*w survives into the canonical sums (distinct symbols), uncropped.
    g = symconv.make_geometry((3, 3), (2, 2), stride=2)
    x = symconv.symbols_array("x", (2, 2, 3, 3))
    w = symconv.symbols_array("w", (2, 3, 2, 2))
    y = symconv.conv_transpose(x, w, stride=2)
    products = sum(len(e.args) if e.is_Add else 1 for e in y._array if e != 0)
    work = symconv.estimate_work(g, batch=2, in_channels=2, out_channels=3)
    assert work.terms == products and work.outputs == len(y._array)


@pytest.mark.parametrize("name, value", [("batch", 0), ("groups", 0), ("in_channels", -1)])
def test_estimate_refuses_bad_counts(name, value):
    g = symconv.make_geometry(2, 2)
    with pytest.raises(symconv.SymconvError) as info:
        symconv.estimate_work(g, **{name: value})
    assert info.value.parameter == name


def test_python_api_refuses_above_the_limit():
    geometry = symconv.make_geometry((100, 100), (5, 5))
    at_limit = symconv.estimate_work(geometry, in_channels=8)  # 100*100*25*8
    assert at_limit.terms == DEFAULT_MAX_TERMS
    symconv.check_budget(at_limit)
    above = symconv.estimate_work(geometry, in_channels=9)
    with pytest.raises(symconv.SymconvError) as info:
        symconv.check_budget(above)
    assert info.value.parameter == "max_terms"
    assert "2,250,000 product terms" in str(info.value) and "raise the limit" in str(info.value)
    symconv.check_budget(above, max_terms=above.terms)


@pytest.mark.parametrize("command", ["derive", "matrix", "verify"])
def test_large_request_is_refused_quickly_with_the_estimate(command, capsys):
    start = time.perf_counter()
    status = main([command, "--input", "1000x1000", "--kernel", "3x3", "--stride", "2"])
    elapsed = time.perf_counter() - start
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "9,000,000 product terms" in err  # 1000*1000 inputs * 9 taps
    assert f"more than the limit of {DEFAULT_MAX_TERMS:,}" in err
    assert "--max-terms" in err
    assert elapsed < 5  # refused before any symbol is made


def test_the_limit_can_be_raised_and_lowered(capsys):
    argv = ["derive", "--input", "4", "--kernel", "3"]
    assert main([*argv, "--max-terms", "11"]) == 2
    assert "12 product terms" in capsys.readouterr().err
    assert main([*argv, "--max-terms", "12"]) == 0


def test_channels_multiply_the_estimate(capsys):
    argv = [
        "derive",
        "--input",
        "2",
        "--kernel",
        "2",
        "--in-channels",
        "3",
        "--out-channels",
        "4",
        "--groups",
        "1",
        "--batch",
        "5",
        "--max-terms",
        "10",
    ]
    assert main(argv) == 2
    assert f"{2 * 2 * 3 * 4 * 5} product terms" in capsys.readouterr().err


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_only_for_long_work_on_a_terminal():
    long, short = symconv.WorkEstimate(10**7, 10), symconv.WorkEstimate(10, 10)
    for work, stream, expected in [
        (long, Terminal(), True),
        (short, Terminal(), False),
        (long, io.StringIO(), False),
    ]:
        stage_reporter(work, stream)("deriving the output")
        assert ("symconv: deriving the output" in stream.getvalue()) == expected


@pytest.mark.parametrize("terminal", [True, False])
def test_command_reports_stages_of_long_work_on_a_terminal_only(terminal, capsys, monkeypatch):
    monkeypatch.setattr(symconv.core.budget, "PROGRESS_TERMS", 10)  # "long" from 10 terms
    stream = Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    assert main(["verify", "--input", "4", "--kernel", "3"]) == 0
    assert capsys.readouterr().out.startswith("PASS")
    if terminal:
        assert stream.getvalue() == (
            "symconv: verifying the three methods and the identities, "
            "12 product terms (6 output entries) ...\n"
        )
    else:
        assert stream.getvalue() == ""
    stream.seek(0)
    stream.truncate()
    assert main(["derive", "--input", "2", "--kernel", "3"]) == 0  # 6 terms: short
    assert stream.getvalue() == ""
