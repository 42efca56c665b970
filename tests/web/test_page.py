"""The web page and the Markdown as text: every configuration, nothing raw, the same bytes."""

from __future__ import annotations

import re

import pytest
import sympy

import symconv
from symconv.errors import SymconvError
from symconv.web.mathml import mathml
from symconv.web.page import render_html, render_markdown

CONFIGURATIONS = [
    dict(x=(2,), w=(3,), stride=2, padding=1),
    dict(x=(5,), w=(3,), stride=3, padding=[(0, 2)], output_padding=1),
    dict(x=(3,), w=(2,), dilation=3, output_padding=2, stride=1),
    dict(x=(2, 3), w=(3, 2), stride=(2, 1), padding=1, output_padding=(1, 0)),
    dict(x=(4, 4), w=(3, 3), stride=2, padding=1),
    dict(x=(13, 13), w=(3, 3), stride=2),  # figures left out, matrices elided
    dict(x=(2, 2, 2), w=(2, 2, 2), stride=2),
]


def derivation(c: dict) -> symconv.Derivation:
    options = {k: v for k, v in c.items() if k not in ("x", "w")}
    return symconv.derive(
        symconv.symbols_array("x", c["x"]), symconv.symbols_array("w", c["w"]), **options
    )


@pytest.mark.parametrize("config", CONFIGURATIONS, ids=str)
def test_every_formula_becomes_mathml_and_no_tex_is_left(config):
    page = render_html(derivation(config))
    assert "<merror" not in page
    body = re.sub(r"<math.*?</math>|<svg.*?</svg>|<style>.*?</style>", "", page, flags=re.S)
    assert "\\" not in body and "$" not in body
    text, files = render_markdown(derivation(config), folder="f")
    assert "\\symconvfit" not in text and "\\item" not in text
    assert len(files) == text.count("](f/fig-")


def test_numbers_and_greek_letters_are_written():
    d = symconv.derive([sympy.Rational(1, 2), sympy.Symbol("alpha")], [-2, sympy.Symbol("w1")])
    page = render_html(d)
    assert "<merror" not in page and "<mfrac><mn>1</mn><mn>2</mn></mfrac>" in page
    assert "<mi>α</mi>" in page


def test_the_same_request_gives_the_same_bytes():
    d = symconv.preset("example-2d-s1")
    assert render_html(d) == render_html(symconv.preset("example-2d-s1"))
    assert render_markdown(d) == render_markdown(symconv.preset("example-2d-s1"))


def test_a_title_is_text_on_the_page_never_markup():
    page = render_html(symconv.preset("example-1d"), title='<script>alert("x")</script> & 😀')
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 😀" in page
    text, _ = render_markdown(symconv.preset("example-1d"), title="<b>*bold*</b> [link](x)")
    assert text.startswith(r"# \<b\>\*bold\*\</b\> \[link\](x)")


def test_the_steps_come_in_the_articles_order():
    page = render_html(symconv.preset("example-2d-s1"))
    steps = re.findall(r"<h[23]>(.*?)</h[23]>", page)
    assert steps == [
        "Scatter and crop",
        "Output size",
        "Each input element times the kernel",
        "Where each block lands",
        "Summing the blocks",
        "Cropping by the padding",
        "Result",
        "Zero insertion",
        "The matrix view",
        "The three views agree",
    ]
    tex = symconv.render_latex(symconv.preset("example-2d-s1"), form="article")
    assert [s for s in steps if "{" + s + "}" in tex] == steps


def test_the_canvas_is_built_block_by_block_with_the_keyboard():
    page = render_html(symconv.preset("example-2d-s1"))
    builds = re.findall(r'<details class="build">\s*<summary>Step (\d) of 4', page)
    assert builds == ["1", "2", "3", "4"]
    assert page.count("<summary>") == 6 + 4  # details and summary are focusable natively


def test_mathml_refuses_nothing_silently():
    assert "<merror><mtext>\\unknowncommand</mtext></merror>" in mathml(r"\unknowncommand x")


def test_html_on_the_command_line(cli, tmp_path):
    out = tmp_path / "page.html"
    status, _, err = cli("example", "--preset", "example-1d", "--form", "html", "-o", str(out))
    assert status == 0, err
    assert out.read_text() == render_html(symconv.preset("example-1d")) + ""
    status, _, err = cli("example", "--preset", "example-1d", "--form", "html", "-o", str(out))
    assert status == 2 and "--force" in err
    status, stdout, _ = cli("example", "--preset", "example-1d", "--form", "html", "--no-figures")
    assert status == 0 and "<svg" not in stdout and "<math" in stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--form", "html", "--pdf", "-o", "x.html"], "--pdf"),
        (["--form", "markdown"], "needs -o FILE"),
        (["--form", "html", "--in-channels", "2"], "one channel"),
    ],
)
def test_web_forms_refuse_what_they_cannot_do(cli, args, message):
    status, _, err = cli("example", "--input", "2", "--kernel", "3", *args)
    assert status == 2 and message in err


def test_markdown_figures_go_beside_it_and_are_not_overwritten(cli, tmp_path):
    out = tmp_path / "notes.md"
    status, _, err = cli(
        "example", "--preset", "example-2d-s2", "--form", "markdown", "-o", str(out)
    )
    assert status == 0, err
    assert sorted(p.name for p in (tmp_path / "notes_files").iterdir()) == [
        "fig-1.svg",
        "fig-2.svg",
    ]
    assert "](notes_files/fig-1.svg)" in out.read_text()
    out.unlink()
    status, _, err = cli(
        "example", "--preset", "example-2d-s2", "--form", "markdown", "-o", str(out)
    )
    assert status == 2 and "fig-1.svg" in err and not out.exists()
    status, _, err = cli(
        "example", "--preset", "example-2d-s2", "--form", "markdown", "-o", str(out), "--force"
    )
    assert status == 0 and out.exists()


def test_typeset_code_reaches_the_page_as_plain_text_and_carries_no_tex():
    from symconv.web.prose import html_blocks, markdown_blocks

    code = r"See \texttt{f(x\_1, \textless{}a\textgreater{}, \{1\})}."
    assert html_blocks(code) == "<p>See <code>f(x_1, &lt;a&gt;, {1})</code>.</p>"
    assert markdown_blocks(code) == "See `f(x_1, <a>, {1})`."
    for hostile in (r"\texttt{\input x}", r"\texttt{\relax{}}"):
        with pytest.raises(SymconvError):
            html_blocks(hostile)
