"""Every form of the worked example compiles cleanly over a grid of configurations.

Sixty-odd configurations (1-D to 3-D, asymmetric pads, output_padding, dilation,
non-square kernels) in every form, elided and ``--full``: pdflatex must report no error
and no overfull box over 1pt. A fragment is compiled in a two-column article, as a
paper would hold it. Multi-channel summaries are swept too.
"""

from __future__ import annotations

import random
import re
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import symconv
from symconv.latex.channels import render_channels
from symconv.latex.render import FORMS
from symconv.notation.style import Notation
from tests.tex_tools import compile_log, log_problems, require_tool

TWO_COLUMNS = (
    "\\documentclass[twocolumn]{article}\n\\usepackage{amsmath}\n\\usepackage{tikz}\n"
    "\\begin{document}\n%s\\end{document}\n"
)


def configurations() -> list[dict]:
    """A fixed, varied grid: random draws from a seeded generator, and the usual sizes."""
    rng = random.Random(7)
    found = [
        dict(input_size=(3, 3), kernel_size=(3, 3), stride=2, padding=1, output_padding=1),
        dict(input_size=(8, 8), kernel_size=(3, 3), stride=2, padding=1),
        dict(input_size=(4, 4), kernel_size=(4, 4), stride=2, padding=1),
        dict(input_size=(3, 2), kernel_size=(2, 3), stride=(2, 1), padding=[(1, 0), (0, 1)]),
        dict(input_size=5, kernel_size=3, stride=1, dilation=2, padding=2),
    ]
    while len(found) < 64:
        rank = rng.choice((1, 1, 2, 2, 2, 3))
        stride = tuple(rng.randint(1, 3) for _ in range(rank))
        dilation = tuple(rng.choice((1, 1, 2)) for _ in range(rank))
        config = dict(
            input_size=tuple(rng.randint(1, 4) for _ in range(rank)),
            kernel_size=tuple(rng.randint(1, 3) for _ in range(rank)),
            stride=stride,
            padding=[(rng.randint(0, 2), rng.randint(0, 2)) for _ in range(rank)],
            output_padding=tuple(rng.randint(0, max(s, d) - 1) for s, d in zip(stride, dilation)),
            dilation=dilation,
        )
        try:
            symconv.make_geometry(**config)
        except symconv.SymconvError:
            continue
        found.append(config)
    return found


def problems(source: str, form: str) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        document = TWO_COLUMNS % source if form == "fragment" else source
        return log_problems(compile_log(document, Path(folder)))


def sweep(jobs) -> list[str]:
    """``(label, source, form)`` jobs compiled two at a time; the failures, labelled."""
    with ThreadPoolExecutor(2) as pool:
        found = pool.map(lambda job: (job[0], problems(job[1], job[2])), jobs)
        return [f"{label}: {', '.join(p[:3])}" for label, p in found if p]


@pytest.mark.parametrize("full", [False, True], ids=["elided", "full"])
@pytest.mark.parametrize("form", FORMS)
def test_every_configuration_compiles_without_overfull_boxes(form, full):
    require_tool("pdflatex")
    configs = configurations()
    assert len(configs) >= 60
    jobs = [
        (
            repr(c),
            symconv.render_latex(symconv.derive_symbolic(**c), form, Notation(full=full)),
            form,
        )
        for c in configs
    ]
    assert sweep(jobs) == []


CHANNELS = [
    dict(input=(1, 2, 2, 2), weight=(2, 1, 2, 2), stride=2, groups=2),
    dict(input=(2, 2, 3), weight=(2, 3, 2), stride=2, padding=1, output_padding=1),
    dict(input=(1, 4, 3, 3), weight=(4, 1, 3, 3), padding=1, groups=4),
    dict(input=(1, 2, 2, 2, 2), weight=(2, 2, 1, 1, 1)),
]


@pytest.mark.parametrize("form", FORMS)
def test_channel_summaries_compile_without_overfull_boxes(form):
    require_tool("pdflatex")
    jobs = []
    for spec in CHANNELS:
        spec = dict(spec)
        x = symconv.symbols_array("x", spec.pop("input"))
        w = symconv.symbols_array("w", spec.pop("weight"))
        jobs.append((repr(spec), render_channels(symconv.make_problem(x, w, **spec), form), form))
    assert sweep(jobs) == []


def test_no_document_says_seed():
    for config in configurations()[:20]:
        d = symconv.derive_symbolic(**config)
        for form in FORMS:
            assert not re.search(r"\bseed", symconv.render_latex(d, form), re.IGNORECASE)
    for name in symconv.PRESETS:
        d = symconv.preset(name)
        documents = [symconv.render_latex(d, form) for form in FORMS]
        documents.append(symconv.render_analysis(d, "article"))
        for document in documents:
            assert not re.search(r"\bseed", document, re.IGNORECASE), name
