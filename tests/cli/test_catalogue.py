"""Every row of the bad-input catalogue: a clear error naming the parameter, nothing left behind."""

import subprocess
import sys

import pytest

import symconv
from symconv.cli.main import main
from tests.cli.catalogue import ROWS, argv_in, prepare


def test_catalogue_has_at_least_40_rows():
    assert len(ROWS) >= 40


@pytest.mark.parametrize("what, surface, parameter", ROWS, ids=[r[0] for r in ROWS])
def test_bad_input(what, surface, parameter, tmp_path, capsys):
    kind, action = surface
    prepare(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    if kind == "api":
        with pytest.raises(symconv.SymconvError) as info:
            action()
        assert info.value.parameter == parameter
        assert str(info.value).startswith(parameter + ": ")
        return
    status = main(argv_in(action, tmp_path))
    captured = capsys.readouterr()
    assert status == 2
    assert captured.err.count("\n") == 1, captured.err
    assert captured.err.startswith("symconv: error: ")
    assert parameter in captured.err.replace(str(tmp_path), "$TMP")
    assert "Traceback" not in captured.err
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no file written or removed
    assert (tmp_path / "exists.txt").read_text() == "keep me\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["size", "--input", "2x2", "--kernel", "3x3", "--stride", "0"],
        ["derive", "--input", "2x"],
        ["example", "--preset", "example-1d", "--form", "poster"],
    ],
)
def test_no_traceback_from_the_real_command(argv):
    result = subprocess.run(
        [sys.executable, "-m", "symconv", *argv], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr and result.stdout == ""
