"""``symconv verify``: a readable report, exit 0 when every check passes and 1 when one fails."""

import pytest

import symconv.views

CHECKS = ("three views agree", "adjoint identity", "gradient identity")


@pytest.mark.parametrize(
    "argv",
    [
        ["--preset", "example-2d-s1"],
        [
            "--input",
            "3x2",
            "--kernel",
            "3x2",
            "--stride",
            "2x1",
            "--pads",
            "1,0,0,1",
            "--output-padding",
            "1x0",
        ],
        ["--input", "4", "--kernel", "3", "--stride", "2", "--dilation", "2"],
        [
            "--input",
            "2x2",
            "--kernel",
            "2x2",
            "--in-channels",
            "4",
            "--out-channels",
            "2",
            "--groups",
            "2",
            "--batch",
            "2",
        ],
    ],
)
def test_passing_configurations_exit_0(argv, cli):
    status, out, err = cli("verify", *argv)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 3
    for line, check in zip(lines, CHECKS):
        assert line.startswith(f"PASS  {check}")


def _shifted(view):
    """A broken view: its output planes are shifted by one entry."""

    def broken(problem):
        planes = view(problem)
        return [[plane[1:] + plane[:1] for plane in batch] for batch in planes]

    return broken


@pytest.mark.parametrize(
    "argv", [["--preset", "example-1d"], ["--input", "2", "--kernel", "2", "--in-channels", "2"]]
)
def test_a_broken_method_is_found_and_exits_1(argv, cli, monkeypatch):
    monkeypatch.setitem(symconv.views.METHODS, "matrix", _shifted(symconv.views.METHODS["matrix"]))
    status, out, err = cli("verify", *argv)
    assert status == 1 and err == ""
    first = out.splitlines()[0]
    assert first.startswith("FAIL  three views agree") and "matrix gives" in first
    assert "index" in first


def test_report_written_to_a_file_keeps_the_exit_status(tmp_path, cli, monkeypatch):
    monkeypatch.setitem(
        symconv.views.METHODS, "zero_insertion", _shifted(symconv.views.METHODS["zero_insertion"])
    )
    target = tmp_path / "report.txt"
    status, out, _ = cli("verify", "--preset", "example-2d-s2", "-o", str(target))
    assert status == 1 and out == ""
    assert target.read_text().startswith("FAIL  three views agree")


def test_bad_input_exits_2(cli):
    status, out, err = cli("verify", "--input", "2", "--kernel", "2", "--dilation", "0")
    assert status == 2 and out == "" and "dilation" in err and err.count("\n") == 1
