"""The LaTeX worked examples: the seed's derivations, entries and order, typed from the seed.

Every golden string below is copied from /work/shared/seed/understanding-transposed-
convolutions.md (the seed writes ``aw11`` or ``aw_{11}``; ``tex_of_seed`` only adds the
braces TeX needs), never produced by symconv.
"""

import dataclasses
import re

import pytest

import symconv
from symconv.errors import SymconvError
from symconv.latex.render import FORMS, render_latex
from symconv.notation.statements import MATRIX_PRODUCT, statement_latex
from symconv.notation.style import Notation


def squash(text: str) -> str:
    """Whitespace removed, so ``a w_{11}`` and ``aw_{11}`` compare equal."""
    return re.sub(r"\s+", "", text)


def tex_of_seed(plain: str) -> str:
    """The seed's plain notation (``x1*w3``, ``aw11``) as TeX subscripts (``x_{1}w_{3}``)."""
    return squash(re.sub(r"([a-z])(\d+)", r"\1_{\2}", plain.replace("*", "")))


def matrix_after(tex: str, name: str) -> list[list[str]]:
    """The cells of the first matrix written as ``name = \\begin{pmatrix} ... \\end{pmatrix}``."""
    match = re.search(
        r"(?<![A-Za-z])" + re.escape(name) + r" = \\begin\{(\w+)\}(.*?)\\end\{\1\}",
        tex,
        flags=re.S,
    )
    assert match, f"no matrix {name} in the LaTeX"
    return [[squash(c) for c in row.split("&")] for row in match.group(2).split(r"\\")]


# The seed's final outputs, row by row, as the seed prints them.
SEED_OUTPUT = {
    # "Output after padding: [x1*w2, x1*w3 + x2*w1, x2*w2]"
    "example-1d": [["x1*w2", "x1*w3 + x2*w1", "x2*w2"]],
    "example-2d-s2": [
        ["aw_{11}", "aw_{12}", "bw_{11}", "bw_{12}"],
        ["aw_{21}", "aw_{22}", "bw_{21}", "bw_{22}"],
        ["cw_{11}", "cw_{12}", "dw_{11}", "dw_{12}"],
        ["cw_{21}", "cw_{22}", "dw_{21}", "dw_{22}"],
    ],
    "example-2d-s1": [
        ["aw_{11}", "aw_{12}+bw_{11}", "bw_{12}"],
        ["aw_{21}+cw_{11}", "aw_{22}+bw_{21}+cw_{12}+dw_{11}", "bw_{22}+dw_{12}"],
        ["cw_{21}", "cw_{22}+dw_{21}", "dw_{22}"],
    ],
}


@pytest.fixture(scope="module")
def fragments():
    return {name: render_latex(symconv.preset(name), form="fragment") for name in SEED_OUTPUT}


@pytest.mark.parametrize("name", sorted(SEED_OUTPUT))
def test_result_entries_are_the_seeds_in_the_seeds_order(fragments, name):
    expected = [[tex_of_seed(cell) for cell in row] for row in SEED_OUTPUT[name]]
    assert matrix_after(fragments[name], "O") == expected


@pytest.mark.parametrize("name", sorted(SEED_OUTPUT))
def test_matrix_view_writes_the_same_entries_as_y(name):
    expected = [tex_of_seed(cell) for row in SEED_OUTPUT[name] for cell in row]
    tex = render_latex(symconv.preset(name), notation=Notation(full=True))
    line = next(ln for ln in tex.splitlines() if MATRIX_PRODUCT + " =" in ln)
    y = line.rsplit(r"\begin{pmatrix}", 1)[1].split(r"\end{pmatrix}")[0]  # the last matrix
    assert [squash(cell) for cell in y.split(r"\\")] == expected


def test_1d_steps_follow_the_seed(fragments):
    tex = squash(fragments["example-1d"])
    # "O=s(I-1)+k-2p = 2(2-1)+3-2*1 = 3", the canvas "s(I-1)+k = 2(2-1)+3 = 5"
    assert squash(r"O = s(I - 1) + k - 2p = 2(2-1) + 3 - 2\cdot 1 = 3") in tex
    assert squash(r"s(I - 1) + k = 2(2-1) + 3 = 5") in tex
    # "Take the first input pixel x1. Multiply it by the kernel: [x1*w1, x1*w2, x1*w3]"
    assert matrix_after(fragments["example-1d"], "x_{1} K") == [
        [tex_of_seed(c) for c in ("x1*w1", "x1*w2", "x1*w3")]
    ]
    assert matrix_after(fragments["example-1d"], "x_{2} K") == [
        [tex_of_seed(c) for c in ("x2*w1", "x2*w2", "x2*w3")]
    ]
    # "placed starting at index 0+s=2"; "to output positions ... here: 2, 3, 4"
    assert squash(r"$x_{2}$ starts at index $1\cdot 2 = 2$ and covers positions $2, 3, 4$") in tex
    # "Values: [x1*w1, x1*w2, x1*w3 + x2*w1, x2*w2, x2*w3]"
    assert matrix_after(fragments["example-1d"], r"O_{\text{full}}") == [
        [tex_of_seed(c) for c in ("x1*w1", "x1*w2", "x1*w3 + x2*w1", "x2*w2", "x2*w3")]
    ]
    # "remove 1 element from the beginning and 1 from the end of this 5-element ... result"
    assert squash("crops $1$ cell from the beginning and $1$ from the end") in tex
    assert squash("of the $5$-cell canvas") in tex
    assert squash("Cells $1$ to $3$ of the canvas remain: $3$ in all.") in tex
    # "the effective input becomes [x1, 0, x2]"
    assert "x_{1}&0&x_{2}" in "&".join(matrix_after(fragments["example-1d"], "Z")[0])


@pytest.mark.parametrize("name, size", [("example-2d-s2", 4), ("example-2d-s1", 3)])
def test_2d_output_size_formula_with_numbers(fragments, name, size):
    s = 2 if name == "example-2d-s2" else 1
    # "O_h = s(I_h-1)+k_h-2p = 2*(2-1)+2-0 = 4" and "a 4x4 output"
    assert squash(rf"{s}(2-1) + 2 - 2\cdot 0 = {size}") in squash(fragments[name])
    assert squash(rf"the output is ${size} \times {size}$") in squash(fragments[name])


def test_2d_scaled_kernels_and_placements_follow_the_seed(fragments):
    tex = fragments["example-2d-s2"]
    # "aK = (aw11 aw12; aw21 aw22)" ... "dK = (dw11 dw12; dw21 dw22)"
    for letter in "abcd":
        expected = [[tex_of_seed(f"{letter}w{r}{c}") for c in (1, 2)] for r in (1, 2)]
        assert matrix_after(tex, f"{letter} K") == expected
    # "Element b (Placed starting at column 0+s=2, row 0)", "d ... column 2, row 2"
    flat = squash(tex)
    corner = "has its top-left corner at"
    assert squash(rf"$b$ at $(0,1)$ {corner} $(0\cdot 2,\ 1\cdot 2) = (0, 2)$") in flat
    assert squash(rf"$d$ at $(1,1)$ {corner} $(1\cdot 2,\ 1\cdot 2) = (2, 2)$") in flat
    # "there's no overlap between the contributions ... in this specific case"
    assert "no two products land on the same canvas cell" in tex


def test_2d_stride_1_regions_are_the_seeds(fragments):
    flat = squash(fragments["example-2d-s1"]).replace("{:}", ":").replace("\\", "")
    # "a contributes to output region (0:1, 0:1)" ... "d ... (1:2, 1:2)"
    for letter, region in zip("abcd", ["(0:1,0:1)", "(0:1,1:2)", "(1:2,0:1)", "(1:2,1:2)"]):
        assert f"${letter}$" in flat and f"region${region}$" in flat
    # "This shows how overlaps are summed": the centre cell holds four products
    assert "upto$4$" in flat


@pytest.mark.parametrize("name", sorted(SEED_OUTPUT))
def test_every_verification_check_is_printed(fragments, name):
    checks = symconv.preset(name).verification.checks
    for check in checks:
        assert check.passed
        assert statement_latex(check.kind) in fragments[name]
    assert "Each of these statements was checked exactly" in fragments[name]


@pytest.mark.parametrize("form", FORMS)
def test_forms_are_what_they_say(form):
    tex = render_latex(symconv.preset("example-1d"), form=form)
    if form == "fragment":
        assert r"\documentclass" not in tex and r"\begin{document}" not in tex
    else:
        assert tex.startswith(r"\documentclass") and tex.rstrip().endswith(r"\end{document}")
    if form == "beamer":
        assert r"\documentclass[11pt]{beamer}" in tex
        assert tex.count(r"\begin{frame}") >= 10
        # overlays show one element at a time and paint its block in turn
        assert r"\only<2>" in tex and r"\fill<2->" in tex


def test_beamer_canvas_is_built_up_one_element_at_a_time():
    tex = render_latex(symconv.preset("example-2d-s1"), form="beamer")
    step = tex[tex.index("{Step 4: summing the blocks}") :]
    stages = re.findall(r"\\only<(\d)>\{%\s*(.*?)\\centerline", step, flags=re.S)
    assert [n for n, _ in stages] == ["1", "2", "3", "4"]
    # each cell is \symconvsame{final}{stage}: the stage, in the final cell's room
    last = [[shown(c) for c in row] for row in matrix_after(stages[-1][1], r"O_{\text{full}}")]
    assert last == [[tex_of_seed(c) for c in row] for row in SEED_OUTPUT["example-2d-s1"]]
    first = [[shown(c) for c in row] for row in matrix_after(stages[0][1], r"O_{\text{full}}")]
    assert first == [["aw_{11}", "aw_{12}", "0"], ["aw_{21}", "aw_{22}", "0"], ["0", "0", "0"]]
    reserved = [[room(c) for c in row] for row in matrix_after(stages[0][1], r"O_{\text{full}}")]
    assert reserved == last  # the first overlay already takes the final matrix's room


def _arguments(cell: str) -> list[str]:
    r"""The brace-delimited arguments of ``\symconvsame{...}{...}``, nesting respected."""
    assert cell.startswith("\\symconvsame{"), cell
    found, depth, start = [], 0, None
    for n, ch in enumerate(cell):
        if ch == "{":
            depth += 1
            if depth == 1:
                start = n + 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                found.append(cell[start:n])
    return found


def shown(cell: str) -> str:
    return _arguments(cell)[1]


def room(cell: str) -> str:
    return _arguments(cell)[0]


def test_figures_show_each_block_its_overlap_counts_and_the_crop():
    tex = render_latex(symconv.preset("example-2d-s1"), form="article")
    assert tex.count(r"\begin{tikzpicture}") == 2  # the canvas and the zero-insertion view
    counts = re.findall(r"bfseries\] at \([^)]*\) \{(\d+)\};", tex)
    assert counts == ["2", "2", "4", "2", "2"]  # the centre cell and its four neighbours
    one_d = render_latex(symconv.preset("example-1d"), form="article")
    assert "[very thick, dashed] ( 1," in one_d  # the crop keeps canvas cells 1..3


def test_big_examples_summarise_instead_of_drawing():
    d = symconv.derive_symbolic((6, 6), (3, 3), stride=2, padding=1)  # a 13 x 13 canvas
    tex = render_latex(d, form="article")
    assert r"A canvas of $13 \times 13$ cells is too large to draw legibly" in tex
    assert tex.count(r"\begin{tikzpicture}") == 1  # only the 11 x 11 zero-insertion view
    assert r"\cdots" in tex and r"\vdots" in tex
    assert "remaining $27$ elements" in tex


def test_delimiter_and_full_notation():
    d = symconv.derive_symbolic(12, 3)
    elided = render_latex(d)
    assert r"\cdots" in elided and r"\begin{bmatrix}" not in elided
    full = render_latex(d, notation=Notation(delimiter="bmatrix", full=True))
    assert r"\cdots" not in full and r"\begin{pmatrix}" not in full
    # 12 input elements: more columns than amsmath's matrices take
    assert r"\left[\begin{array}{cccccccccccc} x_{1} & x_{2}" in full


def test_symbol_names_and_index_base_come_from_the_derivation():
    d = symconv.derive_symbolic(2, 2, input_name="u", kernel_name="k", base=0)
    tex = render_latex(d)
    assert r"u_{0} k_{1} + u_{1} k_{0}" in tex and "w_{" not in tex


def test_three_dimensional_examples_are_summarised():
    tex = render_latex(symconv.derive_symbolic((2, 2, 2), (2, 2, 2), stride=2), form="article")
    assert squash(r"O_1 = O_2 = O_3 = s(I - 1) + k - 2p = 2(2-1) + 2 - 2\cdot 0 = 4") in squash(tex)
    assert "O[0,:,:] =" in tex and "Canvas figures are drawn for 1-D and 2-D" in tex


def test_same_request_same_bytes():
    first = render_latex(symconv.preset("example-2d-s1"), form="beamer")
    assert render_latex(symconv.preset("example-2d-s1"), form="beamer") == first


HOSTILE = r"\input{/etc/passwd} \write18{touch /tmp/pwned} ^^5c $x$ % # _ & ~ { }"


def test_titles_are_escaped_never_commands():
    d = dataclasses.replace(symconv.preset("example-1d"), title=HOSTILE)
    for form in FORMS:
        tex = render_latex(d, form=form)
        assert r"\input{/etc" not in tex and r"\write18" not in tex and "^^5c" not in tex
        assert r"\textbackslash{}input\{/etc/passwd\}" in tex


@pytest.mark.parametrize("title", ["two\nlines", "bell\x07", "nul\x00"])
def test_control_characters_in_titles_are_refused(title):
    d = dataclasses.replace(symconv.preset("example-1d"), title=title)
    with pytest.raises(SymconvError) as error:
        render_latex(d)
    assert error.value.parameter == "title"


def test_symbols_whose_names_would_be_tex_are_refused():
    from sympy import Symbol

    d = symconv.derive([Symbol(r"\input{/etc/passwd}"), Symbol("b")], ["w1", "w2"])
    with pytest.raises(SymconvError) as error:
        render_latex(d)
    assert error.value.parameter == "input"


def test_bad_form_and_template_folder_are_refused(tmp_path):
    with pytest.raises(SymconvError, match="form"):
        render_latex(symconv.preset("example-1d"), form="poster")
    with pytest.raises(SymconvError, match="template_dir"):
        render_latex(symconv.preset("example-1d"), template_dir=tmp_path / "missing")


def test_a_users_template_folder_comes_first(tmp_path):
    (tmp_path / "setup.tex.j2").write_text("% my house style\n\\newcommand\\symconvfit[1]{#1}\n")
    (tmp_path / "article.tex.j2").write_text(
        "\\documentclass{report}\n((* include 'setup.tex.j2' *))\n"
        "\\title{((( ex.title | tex )))}\n((( ex.output.latex )))\n"
    )
    d = symconv.preset("example-1d")
    article = render_latex(d, form="article", template_dir=tmp_path)
    assert article.startswith("\\documentclass{report}\n% my house style")
    assert r"x_{1} w_{3} + x_{2} w_{1}" in article
    fragment = render_latex(d, form="fragment", template_dir=tmp_path)  # built-in, own setup
    assert "% my house style" in fragment and r"\subsection*{" in fragment


def test_undefined_template_variables_are_errors(tmp_path):
    (tmp_path / "fragment.tex.j2").write_text("((( ex.no_such_step )))")
    with pytest.raises(symconv.SymconvError) as info:
        render_latex(symconv.preset("example-1d"), template_dir=tmp_path)
    assert info.value.parameter == "template_dir" and "no_such_step" in str(info.value)


def test_broken_user_template_is_one_line_on_the_command_line(tmp_path, capsys):
    from symconv.cli.main import main

    (tmp_path / "fragment.tex.j2").write_text("((* if *))")
    status = main(["example", "--preset", "example-1d", "--template-dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1
    assert "--template-dir: fragment.tex.j2, line 1" in err


def test_slides_share_a_cell_among_the_blocks_placed_so_far():
    # The centre cell of the 2-D stride-1 example receives a, b, c and d in turn: on each
    # overlay its whole width is split among those placed, so no placed block shows a gap.
    tex = render_latex(symconv.preset("example-2d-s1"), form="beamer")
    centre = [
        line
        for line in tex.splitlines()
        if line.startswith(r"\fill<") and "-1) rectangle" in line and "( 1." in line
    ]
    assert r"\fill<1-1>[symconv0!45] ( 1.0,-1) rectangle ( 2.0,-2);" in centre
    assert r"\fill<2-2>[symconv1!45] ( 1.5,-1) rectangle ( 2.0,-2);" in centre
    assert r"\fill<4->[symconv3!45] ( 1.75,-1) rectangle ( 2.0,-2);" in centre


def _title(tex: str) -> str:
    """The argument of \\title (and \\subtitle, when there is one), as written."""
    found = re.findall(r"^\\(?:sub)?title\{(.*)\}$", tex, flags=re.M)
    assert found, "no title"
    return " ".join(found)


@pytest.mark.parametrize("form", ["article", "beamer"])
def test_titles_carry_the_configuration_as_mathematics(form):
    d = symconv.derive_symbolic((3, 3), (3, 3), stride=2, padding=1, output_padding=1)
    title = _title(render_latex(d, form=form))
    assert (
        r"Input of size $3 \times 3$, kernel of size $3 \times 3$, stride $s = 2$, "
        r"padding $p = 1$, output padding $a = 1$" in title
    )
    # a user's title stays text beside the mathematics
    hostile = _title(render_latex(dataclasses.replace(d, title=HOSTILE), form=form))
    assert r"\textbackslash{}input\{/etc/passwd\}" in hostile and r"\input{" not in hostile
    assert r"Input of size $3 \times 3$" in hostile


def test_analysis_and_channel_titles_carry_the_configuration():
    d = symconv.derive_symbolic((3, 3), (3, 3), stride=2, padding=1)
    analysis = _title(symconv.render_analysis(d, form="article"))
    configuration = r"Input of size $3 \times 3$, kernel of size $3 \times 3$, stride $s = 2$"
    assert configuration + ", padding $p = 1$" in analysis
    problem = symconv.make_problem(
        symconv.symbols_array("x", (2, 2, 2)), symconv.symbols_array("w", (2, 1, 2, 2)), groups=2
    )
    for form in ("article", "beamer"):
        title = _title(symconv.render_channels(problem, form, title=HOSTILE))
        shapes = r"$1 \times 2 \times 2 \times 2$ input, $2 \times 1 \times 2 \times 2$ weight"
        assert shapes in title
        assert r"\input{" not in title
