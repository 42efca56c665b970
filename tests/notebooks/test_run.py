"""Every notebook in notebooks/ runs top to bottom in a fresh kernel, and is stored clean.

The kernel is this interpreter, from a kernelspec written to a temporary folder
(:mod:`tests.notebooks.kernel`), so the test does not depend on which kernels the machine
has installed.
"""

import base64
import importlib.util
import json
from pathlib import Path

import pytest

from tests.notebooks.kernel import execute, outputs

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
NAMES = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
OURS = [
    "01-walkthrough.ipynb",
    "02-stride-padding-dilation.ipynb",
    "03-matrix-view-and-gradient.ipynb",
]


def test_the_three_notebooks_of_this_issue_exist():
    assert set(OURS) <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_stored_without_outputs(name):
    import nbformat

    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_stored_notebooks_are_what_the_script_writes():
    spec = importlib.util.spec_from_file_location("make_notebooks", NOTEBOOKS / "make_notebooks.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    for name, cells in script.NOTEBOOKS.items():
        assert (NOTEBOOKS / name).read_text(encoding="utf-8") == script.text_of(cells), name


#: The notebooks that draw figures: each must show them as images.
WITH_FIGURES = {"02-stride-padding-dilation.ipynb": 1, "04-beyond-the-examples.ipynb": 2}


@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_clean_in_a_fresh_kernel_and_shows_its_figures(name, tmp_path):
    import nbformat

    notebook = execute(nbformat.read(NOTEBOOKS / name, as_version=4), tmp_path)
    images = 0
    for output in outputs(notebook):
        assert output["output_type"] != "error"
        text = "".join(output.get("text", "")) + json.dumps(output.get("data", {}))
        assert "Traceback" not in text
        assert "Error" not in text, text
        png = output.get("data", {}).get("image/png", "")
        if "<Figure size" in text:  # a figure: drawn as a picture, not only named
            assert base64.b64decode(png)[:4] == b"\x89PNG"
            images += 1
    assert images == WITH_FIGURES.get(name, 0)


def test_seed_walkthrough_renders_the_seeds_mathematics(tmp_path):
    import nbformat

    notebook = execute(nbformat.read(NOTEBOOKS / OURS[0], as_version=4), tmp_path)
    latex = [
        o["data"]["text/latex"] for o in outputs(notebook) if "text/latex" in o.get("data", {})
    ]
    # the seed's 1-D result and the centre of its stride-1 grid, in the seed's order
    assert any("x_{1} w_{3} + x_{2} w_{1}" in text for text in latex)
    assert any("a w_{22} + b w_{21} + c w_{12} + d w_{11}" in text for text in latex)
    assert any(r"\text{PASS}" in text for text in latex)


def test_products_are_written_input_first(tmp_path):
    import nbformat

    def shown(name):
        notebook = execute(nbformat.read(NOTEBOOKS / name, as_version=4), tmp_path / name)
        return [
            "".join(o.get("text", "")) + o.get("data", {}).get("text/latex", "")
            for o in outputs(notebook)
        ]

    walkthrough = shown("01-walkthrough.ipynb")
    assert any("x1*K = [x1*w1, x1*w2, x1*w3] placed at (0,)" in text for text in walkthrough)
    gradient = shown("03-matrix-view-and-gradient.ipynb")
    assert any(r"L = x_{1} \left(z_{1} w_{2} + z_{2} w_{3}\right)" in t for t in gradient)
