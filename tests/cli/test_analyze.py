"""``symconv analyze``: each analysis from the command line."""

import pytest


def test_overlap_verdicts(cli):
    status, out, _ = cli(
        "analyze", "--input", "6", "--kernel", "3", "--stride", "2", "--what", "overlap"
    )
    assert status == 0 and "counts 1 and 2 alternate" in out
    status, out, _ = cli(
        "analyze",
        "--input",
        "4x4",
        "--kernel",
        "4x4",
        "--stride",
        "2",
        "--padding",
        "1",
        "--what",
        "overlap",
    )
    assert status == 0 and "even overlap" in out


def test_polyphase_of_seed_1d(cli):
    status, out, _ = cli("analyze", "--preset", "example-1d", "--what", "polyphase")
    assert status == 0
    assert "sub-kernel K^(0) = [w1, w3]" in out and "sub-kernel K^(1) = [w2]" in out
    assert "equals the direct derivation" in out


def test_closed_form_entries_of_seed_1d(cli):
    status, out, _ = cli("analyze", "--preset", "example-1d", "--what", "closed-form")
    assert status == 0
    assert "O[1] = x1*w3 + x2*w1" in out and "Sum(" in out


def test_sizes_and_gradient(cli):
    status, out, _ = cli(
        "analyze",
        "--input",
        "3",
        "--kernel",
        "3",
        "--stride",
        "2",
        "--padding",
        "1",
        "--output-padding",
        "1",
        "--what",
        "sizes",
    )
    assert status == 0
    assert "inputs giving 6: I=3 with output_padding=1" in out
    assert "a = (i + 2p - k) mod s: 1" in out
    status, out, _ = cli("analyze", "--preset", "example-2d-s2", "--what", "gradient")
    assert status == 0 and "dL/dz equals the transposed convolution" in out


@pytest.mark.parametrize("what", ["bogus", ""])
def test_unknown_analysis_is_refused(cli, what):
    status, _, err = cli("analyze", "--preset", "example-1d", "--what", what)
    assert status == 2 and err.count("\n") == 1 and "--what" in err


def test_sizes_say_when_the_relationships_do_not_apply(cli):
    status, out, _ = cli(
        "analyze",
        "--input",
        "3",
        "--kernel",
        "3",
        "--stride",
        "1",
        "--dilation",
        "2",
        "--output-padding",
        "1",
        "--what",
        "sizes",
    )
    assert status == 0
    assert "relationship: does not apply: output_padding 1 is not below the stride 1" in out
    assert "gives i' = 4, not the input's 3" in out


def test_one_direct_size_is_said_in_the_singular(cli):
    status, out, _ = cli(
        "analyze", "--input", "3", "--kernel", "3", "--padding", "1", "--what", "sizes"
    )
    assert status == 0 and "the direct convolution of size 3 shrinks to 3" in out
    assert "sizes 3 all shrink" not in out


@pytest.mark.parametrize("command", [["example"], ["analyze", "--format", "latex"]])
def test_a_missing_template_dir_is_named_as_typed(command, cli):
    status, _, err = cli(*command, "--preset", "example-1d", "--template-dir", "/no/such/folder")
    assert status == 2 and err.startswith("symconv: error: --template-dir: must be an existing")
