"""The explorer driven as a person drives it: by setting its widgets' values."""

from __future__ import annotations

import sys
from io import BytesIO

import pytest
from PIL import Image

import symconv
from symconv.errors import SymconvError


def test_the_output_follows_the_sliders():
    e = symconv.explore(input=2, kernel=3, stride=2, padding=1)
    assert "O = 2*(2 - 1) + 3 - 2*1 = 3" in e.formula.value
    assert "x_{1} w_{3} + x_{2} w_{1}" in e.output.value
    e.controls["padding"].value = 0
    assert "O = 2*(2 - 1) + 3 - 2*0 = 5" in e.formula.value
    expected = symconv.derive(["x1", "x2"], ["w1", "w2", "w3"], stride=2)
    assert e.output.value == f"$${symconv.output_latex(expected)}$$"
    e.controls["rank"].value = 2
    assert e.output.value.count(r"\\") == 4  # five rows
    assert "uneven overlap" in e.overlap.value
    e.controls["kernel"].value = 4
    assert "even overlap" in e.overlap.value and "uneven" not in e.overlap.value


def test_the_output_padding_range_follows_stride_and_dilation():
    e = symconv.explore(stride=3)
    op = e.controls["output_padding"]
    assert op.max == 2
    op.value = 2
    assert "+ 2 = " in e.formula.value
    e.controls["stride"].value = 1
    assert op.max == 0 and op.value == 0
    e.controls["dilation"].value = 3
    assert op.max == 2
    assert e.error.value == ""


def test_an_impossible_setting_is_said_inline_not_raised():
    e = symconv.explore(input=1, kernel=1, stride=1, padding=0)
    e.controls["padding"].value = 3
    assert "padding" in e.error.value and "Traceback" not in e.error.value
    assert e.output.value == "" and e.formula.value == "" and e.figure.value == b""
    e.controls["padding"].value = 0
    assert e.error.value == "" and "x_{1} w_{1}" in e.output.value


@pytest.mark.parametrize("view", ["scatter", "zero_insertion", "matrix"])
def test_the_figure_is_the_views_picture(view):
    e = symconv.explore(view="scatter")
    e.controls["view"].value = view
    image = Image.open(BytesIO(e.figure.value))
    assert image.format == "PNG" and image.width > 100


def test_bad_starting_values_are_refused():
    with pytest.raises(symconv.SymconvError, match="stride"):
        symconv.explore(stride=9)
    with pytest.raises(symconv.SymconvError, match="groups"):
        symconv.explore(groups=2)


def test_jupyter_shows_the_widgets():
    bundle = symconv.explore()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_without_ipywidgets_the_explorer_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "ipywidgets", None)  # as if not installed
    with pytest.raises(SymconvError) as caught:
        symconv.explore()
    assert str(caught.value) == 'explore: needs ipywidgets: pip install "symconv[notebook]"'
