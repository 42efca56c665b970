"""TeX and poppler for the tests: find a tool, compile a document, read a PDF's pages.

A missing tool skips the test, but fails it when the environment variable CI is set, so
the LaTeX tests cannot pass in CI by being skipped.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

# A title that would run commands if it reached TeX unescaped.
HOSTILE = r"\input{/etc/passwd} \write18{touch PWNED} ^^5c \$ % # _ & ~ { } \relax"


def require_tool(name: str) -> str:
    """The path of ``name``; a skip without it, but a failure when CI is set."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing, and CI needs the LaTeX compile tests")
        pytest.skip(f"{name} is not installed")
    return path


def compile_tex(source: str, folder: Path) -> None:
    """Compile ``source`` with pdflatex in ``folder`` (no shell escape, reading only below
    it) and assert that it compiled to a PDF that is not empty."""
    result, log = _pdflatex(source, folder, "compiled")
    assert result.returncode == 0, log[-3000:]
    assert (folder / "compiled.pdf").stat().st_size > 0


def page_ink(pdf: bytes, folder: Path) -> list[float]:
    """The share of non-white pixels on each page, rendered by pdftoppm as greyscale PGM."""
    require_tool("pdftoppm")
    (folder / "doc.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "30", "-gray", "doc.pdf", "page"], cwd=folder, check=True)
    shares = []
    for page in sorted(folder.glob("page*.pgm")):
        data = page.read_bytes()
        magic, size, depth, pixels = data.split(b"\n", 3)
        assert magic == b"P5" and depth == b"255"
        width, height = map(int, size.split())
        assert len(pixels) == width * height
        shares.append(sum(1 for p in pixels if p < 200) / (width * height))
    return shares


def pdf_text(pdf: bytes, folder: Path) -> str:
    """The PDF's text, laid out, whitespace removed (OT1's accents ˆ ˜ read as ^ ~)."""
    require_tool("pdftotext")
    (folder / "text.pdf").write_bytes(pdf)
    done = subprocess.run(
        ["pdftotext", "-layout", "text.pdf", "-"], cwd=folder, capture_output=True, check=True
    )
    text = done.stdout.decode("utf-8").replace("\u02c6", "^").replace("\u02dc", "~")
    return re.sub(r"\s+", "", text)


def compile_log(source: str, folder: Path, name: str = "document") -> str:
    """pdflatex's log of ``source`` compiled in ``folder`` (no shell escape, errors stop it)."""
    return _pdflatex(source, folder, name)[1]


def _pdflatex(source: str, folder: Path, name: str) -> tuple[subprocess.CompletedProcess, str]:
    """Run pdflatex on ``source`` as ``name.tex`` in ``folder``, reading only below it."""
    pdflatex = require_tool("pdflatex")
    (folder / f"{name}.tex").write_text(source, encoding="utf-8")
    result = subprocess.run(
        [pdflatex, "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", f"{name}.tex"],
        cwd=folder,
        capture_output=True,
        timeout=180,
        env=dict(os.environ, openin_any="p"),
    )
    log = folder / f"{name}.log"
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    return result, text or result.stdout.decode("utf-8", errors="replace")


def log_problems(log: str, tolerance: float = 1.0) -> list[str]:
    """TeX's error lines and every overfull box wider or taller than ``tolerance`` points.

    >>> log_problems("! Undefined control sequence.\\nOverfull \\\\hbox (0.5pt too wide)")
    ['! Undefined control sequence.']
    """
    errors = [line for line in log.splitlines() if line.startswith("!")]
    boxes = re.findall(r"Overfull \\[hv]box \((\d+(?:\.\d+)?)pt too (?:wide|high)", log)
    return errors + [f"overfull box {b}pt" for b in boxes if float(b) > tolerance]
