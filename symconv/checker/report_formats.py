r"""A check report written out as a LaTeX document and as an HTML page.

The report itself (:class:`~symconv.checker.report.CheckReport`) is data and writes its
own text and JSON; these writers read it. User text (titles, written entries) is escaped.

>>> from symconv.checker.compare import check
>>> report = check("[x1*w2, x1*w3, x2*w2]", "example-1d")
>>> report_latex(report).startswith(r"\documentclass"), report_html(report).count("#fdd")
(True, 1)
"""

from __future__ import annotations

import html
import re

import sympy

from symconv.checker.homework import HomeworkReport, SizeCheck, plain_arithmetic
from symconv.checker.report import CheckReport
from symconv.checker.steps import normalised_name
from symconv.notation.expressions import symbol_latex
from symconv.notation.sentences import prose_latex, subscript_latex
from symconv.notation.style import RESULT
from symconv.notation.tex_text import check_symbols, tex_escape
from symconv.notation.words import capitalised, configuration_words

_PREAMBLE = (
    "\\documentclass{article}\n\\usepackage{amsmath}\n"
    "\\usepackage{xcolor}\n\\definecolor{symconvwrong}{rgb}{1,0.82,0.82}\n"
    "\\begin{document}\n"
)


def formula_latex(line: str) -> str:
    r"""A size formula line as mathematics: ``2*(2 - 1)`` as ``2 \cdot (2 - 1)``.

    A subscript that is a word is upright, as the canvas's ``O_{\text{full}}`` is.

    >>> formula_latex("O_1 = 2*(2 - 1) + 3 - 2*1 = 3")
    'O_{1} = 2 \\cdot (2 - 1) + 3 - 2 \\cdot 1 = 3'
    >>> formula_latex("O_full = 5")
    'O_{\\text{full}} = 5'
    """
    text = re.sub(r"[^A-Za-z0-9_ ()+\-*=.,]", "", line)
    text = re.sub(r"_([A-Za-z0-9]+)\b", lambda match: subscript_latex(match[1]), text)
    return text.replace("*", r" \cdot ").replace("  ", " ")


def report_latex(report: CheckReport, document: bool = True) -> str:
    r"""The report as LaTeX, wrong entries highlighted with xcolor's ``\colorbox``.

    A whole ``article`` document by default (it compiles with pdflatex); with
    ``document=False`` the body alone, for a document that loads amsmath and xcolor.
    """
    check_symbols(report.derivation)  # SymPy prints names as they are: no TeX in them
    body = [r"\section*{Check of a hand derivation}"]
    body += _report_body(report)
    text = "\n".join(body) + "\n"
    if not document:
        return text
    return _PREAMBLE + text + "\\end{document}\n"


def _report_body(report: CheckReport, configuration: bool = True) -> list[str]:
    body = []
    if configuration:
        body.append(r"\noindent Configuration: " + tex_escape(report.configuration) + ".")
        body.append("")
    body.append(r"\noindent\textbf{" + prose_latex(report.summary) + "}")
    if report.headline != report.summary:
        body.append("")
        body.append(r"\noindent " + prose_latex(report.headline))
    for note in report.notes:
        body.append("")
        body.append(r"\noindent " + prose_latex(capitalised(note)) + ".")
    matrix = report.written_matrix_latex(r"\colorbox{symconvwrong}{$\displaystyle {}$}")
    if matrix:
        body.append(rf"\[ {RESULT}_{{\text{{written}}}} = " + matrix + r" \]")
    items = []
    if report.shape is not None:
        formula = r" \\ ".join(
            f"${formula_latex(f)}$" if "=" in f else prose_latex(f)
            for f in report.shape.formula.splitlines()
        )
        items.append(r"\item Size: " + tex_escape(report.shape.text) + r". \\ " + formula)
        for cause in report.shape.causes:
            items.append(r"\item Likely cause: " + cause.latex + ".")
    for diagnosis in report.diagnoses:
        if diagnosis.headline == report.headline:
            continue
        fix = f" Fix: {prose_latex(diagnosis.fix)}." if diagnosis.fix else ""
        items.append(r"\item Whole result: " + diagnosis.latex + "." + fix)
    for e in report.entries:
        if e.explained:
            continue
        missing = ", ".join(f"${t}$" for t in e.missing_latex) or "none"
        extra = ", ".join(f"${t}$" for t in e.extra_latex) or "none"
        lines = [
            r"\item \textbf{" + tex_escape(capitalised(e.where)) + ".}",
            rf"Written: ${e.written_latex}$.",
            rf"Correct: ${e.expected_latex}$.",
            f"Missing: {missing}. Extra: {extra}.",
        ]
        lines += [capitalised(d.latex) + "." for d in e.diagnoses]
        items.append(" ".join(lines))
    for name in report.unknown:
        symbol = symbol_latex(sympy.Symbol(name.symbol.name))
        items.append(
            rf"\item Unknown symbol ${symbol}$ in "
            + tex_escape(name.where)
            + ": "
            + prose_latex(name.message)
            + "."
        )
    if items:
        body += [r"\begin{itemize}", *items, r"\end{itemize}"]
    return body


def homework_latex(report: HomeworkReport, document: bool = True) -> str:
    """A whole hand derivation's check as LaTeX: the headline, then each step in file order.

    >>> from symconv.checker.homework import check_homework
    >>> text = homework_latex(check_homework("Z = [0, x1, 0, x2, 0]\\ny = [x1*w2, 0, x2*w2]",
    ...                                      "example-1d"))
    >>> text.count(r"\\subsection*"), r"\\colorbox{symconvwrong}" in text
    (2, True)
    """
    check_symbols(report.derivation)
    body = [r"\section*{Check of a hand derivation}"]
    body.append(r"\noindent\textbf{" + prose_latex(report.headline) + "}")
    body.append("")
    configuration = configuration_words(report.derivation.geometry)
    body.append(r"\noindent Configuration: " + tex_escape(configuration) + ".")
    for c in report.checks:
        if isinstance(c, SizeCheck):
            verdict = "right" if c.ok else prose_latex(c.message)
            name = re.sub(r"[^A-Za-z0-9_]", "", normalised_name(c.name))
            line = " = ".join([name, *(plain_arithmetic(p) for p in c.parts)])
            body.append("")
            body.append(rf"\noindent Line {c.line}, size: ${formula_latex(line)}$: {verdict}.")
            continue
        if c.report is None:
            body.append(r"\subsection*{Line " + f"{c.line}" + "}")
            body.append(r"\noindent Not checked: " + prose_latex(c.note) + ".")
            continue
        label = prose_latex(c.step.label)
        body.append(r"\subsection*{Line " + f"{c.line}: ${c.step.latex}$, {label}" + "}")
        body += _report_body(c.report, configuration=False)
    text = "\n".join(body) + "\n"
    if not document:
        return text
    return _PREAMBLE + text + "\\end{document}\n"


def homework_html(report: HomeworkReport) -> str:
    """A whole hand derivation's check as HTML: the headline, then each step's report."""
    parts = ['<div class="symconv-homework">', f"<p><b>{html.escape(report.headline)}</b></p>"]
    for c in report.checks:
        if isinstance(c, SizeCheck):
            verdict = "right" if c.ok else c.message
            written = html.escape(c.written)
            parts.append(
                f"<p>Line {c.line}, size <code>{written}</code>: {html.escape(verdict)}</p>"
            )
        elif c.report is None:
            parts.append(f"<p>Line {c.line}: not checked: {html.escape(c.note)}</p>")
        else:
            parts.append(f"<h4>Line {c.line}: {html.escape(c.name or c.step.label)}</h4>")
            parts.append(report_html(c.report))
    parts.append("</div>")
    return "\n".join(parts)


def report_html(report: CheckReport) -> str:
    """The report as HTML: the written entries in a table, wrong ones shaded, then findings."""
    wrong = {e.index: e for e in report.entries}
    parts = ['<div class="symconv-check">', f"<p><b>{html.escape(report.headline)}</b></p>"]
    if report.headline != report.summary:
        parts.append(f"<p>{html.escape(report.summary)}</p>")
    parts.append(f"<p>Configuration: {html.escape(report.configuration)}</p>")
    grid = report.grid()
    if grid:
        parts.append('<table style="border-collapse:collapse">')
        for row in grid:
            parts.append("<tr>")
            for index in row:
                cell = report.written.cell(index)
                style = "border:1px solid #bbb;padding:2px 8px;font-family:monospace"
                title = ""
                if index in wrong and report.shape is None:
                    style += ";background:#fdd"
                    expected = report.written_expected(wrong[index])
                    title = f' title="expected {html.escape(expected)}"'
                parts.append(f'<td style="{style}"{title}>{html.escape(cell.text)}</td>')
            parts.append("</tr>")
        parts.append("</table>")
    items = []
    if report.shape is not None:
        formula = "<br>".join(html.escape(f) for f in report.shape.formula.splitlines())
        items.append(f"<li>Size: {html.escape(report.shape.text)}<br><code>{formula}</code></li>")
        items += [f"<li>Likely cause: {html.escape(c.text)}</li>" for c in report.shape.causes]
    items += [
        f"<li>Whole result: {html.escape(d.headline)}</li>"
        for d in report.diagnoses
        if d.headline != report.headline
    ]
    for e in report.entries:
        if e.explained:
            continue
        details = [
            f"<b>{html.escape(e.where)}</b>",
            f"written <code>{html.escape(e.written or '(empty)')}</code>",
            f"expected <code>{html.escape(report.written_expected(e))}</code>",
            f"missing <code>{html.escape(report.written_terms(e.missing) or 'none')}</code>",
            f"extra <code>{html.escape(report.written_terms(e.extra) or 'none')}</code>",
        ]
        details += [html.escape(d.text) for d in e.diagnoses]
        items.append("<li>" + "; ".join(details) + "</li>")
    for name in report.unknown:
        items.append(
            f"<li>Unknown symbol <code>{html.escape(name.symbol.written)}</code> in "
            f"{html.escape(name.where)}: {html.escape(name.message)}</li>"
        )
    if items:
        parts += ["<ul>", *items, "</ul>"]
    parts.append("</div>")
    return "\n".join(parts)
