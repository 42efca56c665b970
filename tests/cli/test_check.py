r"""``symconv check``: exit statuses 0, 1 and 2, stdin, formats, and one run in a subprocess."""

import io
import json
import os
import subprocess
import sys

import pytest

# The seed's stride-1 result, as the seed document writes it.
SEED_2D_S1 = r"""$$ O = \begin{pmatrix}
aw_{11} & aw_{12}+bw_{11} & bw_{12} \\
aw_{21}+cw_{11} & aw_{22}+bw_{21}+cw_{12}+dw_{11} & bw_{22}+dw_{12} \\
cw_{21} & cw_{22}+dw_{21} & dw_{22}
\end{pmatrix} $$
"""
ONE_WRONG = SEED_2D_S1.replace("aw_{22}+bw_{21}+cw_{12}+dw_{11}", "aw_{22}+bw_{21}+dw_{11}")


@pytest.fixture
def seed_file(tmp_path):
    path = tmp_path / "mine.tex"
    path.write_text(SEED_2D_S1, encoding="utf-8")
    return path


@pytest.fixture
def wrong_file(tmp_path):
    path = tmp_path / "wrong.tex"
    path.write_text(ONE_WRONG, encoding="utf-8")
    return path


def test_seed_matrix_as_typed_is_accepted(cli, seed_file):
    status, out, err = cli("check", "--preset", "example-2d-s1", str(seed_file))
    assert status == 0 and err == ""
    assert out.splitlines()[0] == "All 9 entries are right."


def test_one_wrong_entry_is_named_with_the_terms_expected(cli, wrong_file):
    status, out, err = cli("check", "--preset", "example-2d-s1", str(wrong_file))
    assert status == 1 and err == ""
    assert "row 2, column 2: wrong" in out
    # written in LaTeX, so the correct terms are written back the same way
    assert "expected:  aw_{22} + bw_{21} + cw_{12} + dw_{11}" in out
    assert "missing:   cw_{12}" in out
    assert out.splitlines()[0] == "1 of 9 entries wrong: row 2, column 2."


def test_parameters_instead_of_a_preset(cli, tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text("[x1*w2, x1*w3 + x2*w1, x2*w2]\n", encoding="utf-8")
    args = ["--input", "2", "--kernel", "3", "--stride", "2", "--padding", "1", str(path)]
    assert cli("check", *args)[0] == 0
    status, out, _ = cli("check", *args[:-3], "--padding", "0", str(path))
    assert status == 1 and "expected 5 entries, got 3 entries" in out
    assert "O = 2*(2 - 1) + 3 - 2*0 = 5" in out


def test_letters_and_names_flags(cli, tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text("[a k_1, a k_2 + b k_1, b k_2]", encoding="utf-8")
    args = ["--input", "2", "--kernel", "2", "--letters", "--kernel-name", "k", str(path)]
    assert cli("check", *args)[0] == 0


def test_stdin_with_dash_and_without_file(cli, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("[x1*w2, x1*w3 + x2*w1, x2*w2]"))
    assert cli("check", "--preset", "example-1d", "-")[0] == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO("[x1*w2, x1*w3, x2*w2]"))
    status, out, _ = cli("check", "--preset", "example-1d")
    assert status == 1 and "entry 2: wrong" in out and "missing:   x2*w1" in out


def test_json_format(cli, wrong_file):
    status, out, _ = cli("check", "--preset", "example-2d-s1", str(wrong_file), "--format", "json")
    assert status == 1
    data = json.loads(out)
    assert data["ok"] is False and data["exit_status"] == 1
    (entry,) = data["entries"]
    assert entry["position"] == [2, 2] and entry["missing"] == ["c*w12"]
    assert entry["diagnoses"][0]["code"] == "overlap-term-missing"


def test_latex_format_to_a_file(cli, wrong_file, tmp_path):
    target = tmp_path / "report.tex"
    args = ["--preset", "example-2d-s1", str(wrong_file), "--format", "latex", "-o", str(target)]
    status, out, err = cli("check", *args)
    assert status == 1 and out == "" and err == ""
    assert r"\colorbox{symconvwrong}" in target.read_text(encoding="utf-8")
    status, _, err = cli("check", *args)
    assert status == 2 and "--force" in err


def unreadable_cases(tmp_path):
    (tmp_path / "empty.tex").write_text("", encoding="utf-8")
    (tmp_path / "blank.tex").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "latin1.tex").write_bytes("[x1*w2, x1*w3 \xe9]".encode("latin-1"))
    (tmp_path / "broken.tex").write_text(r"\begin{pmatrix} a & (b \end{pmatrix}", "utf-8")
    (tmp_path / "folder").mkdir()
    return {
        "empty.tex": "is empty",
        "blank.tex": "is empty",
        "latin1.tex": "is not UTF-8 text",
        "broken.tex": "result: row 1, column 2",
        "folder": "is not a regular file",
        "missing.tex": "does not exist",
    }


def test_unreadable_input_exits_2_with_one_line(cli, tmp_path):
    for name, words in unreadable_cases(tmp_path).items():
        status, out, err = cli("check", "--preset", "example-2d-s1", str(tmp_path / name))
        assert status == 2, name
        assert out == ""
        assert err.count("\n") == 1 and err.startswith("symconv: error: "), err
        assert words in err, (name, err)


def test_bad_configuration_exits_2(cli, seed_file):
    status, out, err = cli("check", "--stride", "2", str(seed_file))
    assert status == 2 and out == "" and "--input: is required" in err
    status, _, err = cli("check", "--preset", "example-2d-s1", "--format", "pdf", str(seed_file))
    assert status == 2 and err.count("\n") == 1


def test_subprocess_exit_statuses_and_identical_bytes(seed_file, wrong_file):
    def symconv(path, seed):
        env = dict(os.environ, PYTHONHASHSEED=str(seed))
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "symconv",
                "check",
                "--preset",
                "example-2d-s1",
                str(path),
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    right = symconv(seed_file, 0)
    assert right.returncode == 0 and right.stderr == ""
    first, second = symconv(wrong_file, 1), symconv(wrong_file, 2)
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout  # deterministic, whatever the hash seed
    assert json.loads(first.stdout)["entries"][0]["where"] == "row 2, column 2"


def test_channels_are_refused(cli, seed_file):
    status, out, err = cli(
        "check", "--preset", "example-2d-s1", "--in-channels", "2", str(seed_file)
    )
    assert status == 2 and out == "" and err.count("\n") == 1
