"""Compile LaTeX to PDF with pdflatex, safely: no shell escape, no files read or written outside.

pdflatex runs in a fresh temporary folder with ``-no-shell-escape`` and with
``openin_any=p`` and ``openout_any=p`` (paranoid: no absolute paths, no ``..``), so a
document can neither run commands nor read or write files beyond its own folder and
TeX's own library. ``SOURCE_DATE_EPOCH`` fixes the PDF's dates, so the same source
gives the same PDF.

>>> find_pdflatex() is None or find_pdflatex().endswith("pdflatex")
True
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from symconv.errors import SymconvError

COMMAND = ("-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error")
_SEARCH_PATHS = {"TEXINPUTS", "BIBINPUTS", "BSTINPUTS", "TEXMFHOME", "TEXMFLOCAL"}
RUNS = 3  # at most; a run is repeated only while LaTeX asks for it
TIMEOUT = 300  # seconds per run


def find_pdflatex() -> str | None:
    """The path of pdflatex, or None when it is not installed."""
    return shutil.which("pdflatex")


def compile_pdf(source: str) -> bytes:
    r"""The PDF pdflatex makes of the LaTeX ``source``; SymconvError with TeX's first error if none.

    >>> broken = r"\documentclass{article}\begin{document}\undefined\end{document}"
    >>> compile_pdf(broken)  # doctest: +SKIP
    Traceback (most recent call last):
    ...
    symconv.errors.SymconvError: latex: pdflatex stopped: ! Undefined control sequence. (l.1 ...)
    """
    pdflatex = find_pdflatex()
    if pdflatex is None:
        raise SymconvError("pdflatex", "is not installed (it comes with TeX Live)")
    # Search paths a user set for their own documents must not widen what TeX may read.
    inherited = {k: v for k, v in os.environ.items() if k not in _SEARCH_PATHS}
    env = dict(
        inherited,
        openin_any="p",
        openout_any="p",
        shell_escape="f",
        SOURCE_DATE_EPOCH="0",
        FORCE_SOURCE_DATE="1",
    )
    with tempfile.TemporaryDirectory(prefix="symconv-tex-") as folder:
        work = Path(folder)
        (work / "document.tex").write_text(source, encoding="utf-8")
        for _ in range(RUNS):
            try:
                done = subprocess.run(
                    [pdflatex, *COMMAND, "document.tex"],
                    cwd=work,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    timeout=TIMEOUT,
                )
            except subprocess.TimeoutExpired:
                raise SymconvError("latex", f"pdflatex took longer than {TIMEOUT} s") from None
            log = _read_log(work, done.stdout)
            if done.returncode != 0 or not (work / "document.pdf").is_file():
                raise SymconvError("latex", f"pdflatex stopped: {first_error(log)}")
            if not rerun_requested(log, work):
                break
        return (work / "document.pdf").read_bytes()


_FILE_CHANGED = re.compile(  # the warning and its continuation lines
    r"Package rerunfilecheck Warning: File `([^']+)' has changed\.\n"
    r"(?:\(rerunfilecheck\)[^\n]*\n?)*"
)


def rerun_requested(log: str, folder: Path) -> bool:
    r"""Whether another pdflatex run would change the PDF, as the ``log`` of the last run says.

    LaTeX asks for a rerun when labels or auxiliary files changed. A request about a file
    that is empty (beamer's outline, written empty on the first run) is not one: a second
    run reads nothing from it and writes the same PDF.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "document.out").write_text("")
    0
    >>> outline = "Package rerunfilecheck Warning: File `document.out' has changed.\n"
    >>> outline += "(rerunfilecheck)                Rerun to get outlines right\n"
    >>> rerun_requested(outline, folder)
    False
    >>> (folder / "document.out").write_text("BOOKMARK")
    8
    >>> rerun_requested(outline, folder)
    True
    >>> rerun_requested("LaTeX Warning: Label(s) may have changed. Rerun to get ...", folder)
    True
    """

    def settled(match: re.Match) -> str:
        name = match.group(1)
        path = folder / name
        empty = "/" not in name and ".." not in name and path.is_file() and not path.stat().st_size
        return "" if empty else match.group(0)

    remaining = _FILE_CHANGED.sub(settled, log)
    return "Rerun to get" in remaining or "Label(s) may have changed" in remaining


def first_error(log: str) -> str:
    """TeX's first error line in ``log`` (``! ...``), with the source line it points at.

    >>> first_error("This is pdfTeX\\n! Undefined control sequence.\\nl.3 \\\\foo\\n")
    '! Undefined control sequence. (l.3 \\\\foo)'
    >>> first_error("no error here")
    'no error line in the log'
    """
    lines = log.splitlines()
    for n, line in enumerate(lines):
        if line.startswith("!"):
            where = next((ln.strip() for ln in lines[n + 1 : n + 12] if ln.startswith("l.")), "")
            return f"{line.strip()} ({where})" if where else line.strip()
    return "no error line in the log"


def _read_log(work: Path, output: bytes) -> str:
    log = work / "document.log"
    data = log.read_bytes() if log.is_file() else output
    return data.decode("utf-8", errors="replace")
