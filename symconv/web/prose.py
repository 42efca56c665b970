r"""The worked example's prose, written by the LaTeX macros, read into blocks for the web.

The steps' words live once, in ``templates/steps.tex.j2``; their output is running text
with ``$...$`` mathematics, ``\[...\]`` displays and ``itemize`` lists. :func:`blocks`
reads that into paragraphs, displays and lists, which :func:`html_blocks` writes as
HTML (mathematics as MathML) and :func:`markdown_blocks` as Markdown (``$``/``$$``).

>>> blocks(r"With $s = 1$ nothing. \[\symconvfit{$\displaystyle O = 3$}\]")
[('p', [('text', 'With '), ('math', 's = 1'), ('text', ' nothing.')]), ('display', 'O = 3')]
"""

from __future__ import annotations

import html
import re

from symconv.errors import SymconvError
from symconv.notation.tex_text import tex_unescape
from symconv.web.mathml import mathml

_PIECE = re.compile(
    r"\\\[(?P<display>.*?)\\\]"
    r"|\\centerline\{\$(?P<centred>.*?)\$\}"
    r"|\$(?P<math>[^$]*)\$"
    r"|\\begin\{itemize\}|\\end\{itemize\}|\\item(?:<[^>]*>)?"
    r"|\\(?P<style>emph|textbf)\{(?P<styled>[^{}]*)\}"
    r"|\\texttt\{(?P<code>(?:[^{}\\]|\\[{}$%#_&]|\\[A-Za-z]+\{\})*)\}"
    r"|\n[ \t]*\n",
    re.DOTALL,
)
_FIT = re.compile(r"^\s*\\symconvfit\{\$(?:\\displaystyle)?\s*(?P<body>.*)\$\}\s*$", re.DOTALL)
_PUNCTUATION = re.compile(r"[.,;:!?)]+")
_TEXT_COMMANDS = {"--": "–", "---": "—", "~": "\u00a0"}


def blocks(latex: str) -> list[tuple]:
    r"""``latex`` prose as ``('p', pieces)``, ``('display', latex)`` and ``('list', items)``.

    Pieces are ``('text', str)``, ``('math', latex)`` and ``('em'|'strong'|'code', str)``;
    each list item is a list of pieces. A TeX command left in the words is refused: nothing is
    written to a page that it would show as raw TeX.

    >>> blocks(r"\begin{itemize} \item $a$ lands. \item $b$ too. \end{itemize}")[0][0]
    'list'
    """
    out: list[tuple] = []
    pieces: list[tuple] = []
    items: list[list[tuple]] | None = None

    def flush():
        nonlocal pieces
        while pieces and pieces[-1][0] == "text" and not pieces[-1][1].strip():
            pieces.pop()
        if pieces:
            if items is not None:
                if items:
                    items[-1].extend(pieces)
            else:
                out.append(("p", _trimmed(pieces)))
        pieces = []

    at = 0
    for match in _PIECE.finditer(latex):
        _words(latex[at : match.start()], pieces)
        at = match.end()
        token = match.group(0)
        if match.group("display") is not None or match.group("centred") is not None:
            flush()
            body = match.group("display")
            if body is None:
                body = match.group("centred")
            fit = _FIT.match(body)
            body = fit.group("body") if fit else body
            target = ("display", re.sub(r"\n\s*\n", "\n", body).strip())
            if items is not None and items:
                items[-1].append(target)
            else:
                out.append(target)
        elif match.group("math") is not None:
            pieces.append(("math", re.sub(r"\s+", " ", match.group("math")).strip()))
        elif match.group("code") is not None:
            pieces.append(("code", tex_unescape(match.group("code"))))
        elif match.group("style"):
            pieces.append(
                ("em" if match.group("style") == "emph" else "strong", match.group("styled"))
            )
        elif token == r"\begin{itemize}":
            flush()
            items = []
        elif token == r"\end{itemize}":
            flush()
            out.append(("list", [_trimmed(i) for i in items or []]))
            items = None
        elif token.startswith(r"\item"):
            flush()
            if items is not None:
                items.append([])
        else:  # a blank line: a new paragraph
            flush()
    _words(latex[at:], pieces)
    flush()
    return out


def _words(text: str, pieces: list[tuple]) -> None:
    if not text:
        return
    for tex, char in _TEXT_COMMANDS.items():
        text = text.replace(tex, char)
    command = re.search(r"\\[A-Za-z]+|[{}]", text)
    if command:
        raise SymconvError("templates", "prose holds TeX the web cannot show", command.group(0))
    text = re.sub(r"\s+", " ", text)
    if pieces and pieces[-1][0] == "text":
        pieces[-1] = ("text", pieces[-1][1] + text)
    else:
        pieces.append(("text", text))


def _trimmed(pieces: list[tuple]) -> list[tuple]:
    pieces = list(pieces)
    if pieces and pieces[0][0] == "text":
        pieces[0] = ("text", pieces[0][1].lstrip())
    if pieces and pieces[-1][0] == "text":
        pieces[-1] = ("text", pieces[-1][1].rstrip())
    return [p for p in pieces if p != ("text", "")]


def _inline_html(pieces: list[tuple]) -> str:
    out = []
    for k, (kind, value) in enumerate(pieces):
        if kind == "text":
            if k and pieces[k - 1][0] == "math" and _PUNCTUATION.match(value):
                mark = _PUNCTUATION.match(value).group(0)  # kept on the formula's line
                out[-1] = f'<span class="nowrap">{out[-1]}{html.escape(mark)}</span>'
                value = value[len(mark) :]
            out.append(html.escape(value))
        elif kind == "math":
            out.append(mathml(value, display=False))
        elif kind == "display":
            out.append(display_html(value))
        else:
            out.append(f"<{kind}>{html.escape(value)}</{kind}>")
    return "".join(out)


def display_html(latex: str) -> str:
    """A display formula as a block that scrolls sideways on a narrow screen."""
    return f'<div class="display" tabindex="0">{mathml(latex)}</div>'


def html_blocks(latex: str) -> str:
    r"""The prose ``latex`` as HTML: paragraphs, MathML mathematics, lists.

    >>> print(html_blocks(r"With $s$, none <here>."))
    <p>With <span class="nowrap"><math><mi>s</mi></math>,</span> none &lt;here&gt;.</p>
    """
    out = []
    for block in blocks(latex):
        if block[0] == "p":
            out.append(f"<p>{_inline_html(block[1])}</p>")
        elif block[0] == "display":
            out.append(display_html(block[1]))
        else:
            items = "".join(f"<li>{_inline_html(item)}</li>" for item in block[1])
            out.append(f"<ul>{items}</ul>")
    return "\n".join(out)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def markdown_text(text: str) -> str:
    """Plain text made safe in Markdown: its special characters escaped, HTML included.

    >>> markdown_text("a_b <script> *c*")
    'a\\\\_b \\\\<script\\\\> \\\\*c\\\\*'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _inline_markdown(pieces: list[tuple]) -> str:
    out = []
    for kind, value in pieces:
        if kind == "text":
            out.append(markdown_text(value))
        elif kind == "math":
            out.append(f"${value}$")
        elif kind == "display":
            out.append(f"\n\n$$\n{value}\n$$\n\n")
        elif kind == "code":  # a backtick inside needs a longer fence, spaced from it
            out.append(f"`` {value} ``" if "`" in value else f"`{value}`")
        else:
            mark = "*" if kind == "em" else "**"
            out.append(f"{mark}{markdown_text(value)}{mark}")
    return "".join(out)


def markdown_blocks(latex: str) -> str:
    r"""The prose ``latex`` as Markdown: ``$...$`` inline, ``$$`` displays, ``-`` lists.

    >>> print(markdown_blocks(r"Then \[\symconvfit{$\displaystyle O = 3$}\]"))
    Then
    <BLANKLINE>
    $$
    O = 3
    $$
    """
    out = []
    for block in blocks(latex):
        if block[0] == "p":
            out.append(_inline_markdown(block[1]))
        elif block[0] == "display":
            out.append(f"$$\n{block[1]}\n$$")
        else:
            out.append("\n".join("- " + _inline_markdown(item).strip() for item in block[1]))
    return "\n\n".join(out)
