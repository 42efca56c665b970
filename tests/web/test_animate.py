"""Animations: the frame count, the last frame's entries equal to the derivation, every step
drawn differently, the same bytes for the same request, and the command line."""

from __future__ import annotations

from io import BytesIO

import pytest
import sympy
from PIL import Image, ImageChops, ImageSequence

import symconv
from symconv.core.grid import ndindex
from symconv.web.animate import MAX_TEXT_COLS, VIEWS, _shown, animate, animation_frames, draw_frame

CONFIGURATIONS = {
    "example-1d": symconv.preset("example-1d"),
    "example-2d-s1": symconv.preset("example-2d-s1"),
    "example-2d-s2": symconv.preset("example-2d-s2"),
    "2d-crop": symconv.derive(
        symconv.symbols_array("x", (3, 2)),
        symconv.symbols_array("w", (2, 3)),
        stride=(2, 1),
        padding=1,
        output_padding=(1, 0),
    ),
    "1d-dilated": symconv.derive(
        symconv.symbols_array("x", (3,)),
        symconv.symbols_array("w", (2,)),
        stride=2,
        dilation=3,
        padding=[(0, 2)],
        output_padding=1,
    ),
}


def expected_count(d, view: str) -> int:
    if view == "scatter":
        return len(d.input_elements) + 2  # an empty canvas, each block, the crop
    return len(list(ndindex(d.geometry.output_size))) + 1  # the start, each output entry


def decoded(data: bytes) -> list[Image.Image]:
    return [f.copy().convert("RGB") for f in ImageSequence.Iterator(Image.open(BytesIO(data)))]


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("name", sorted(CONFIGURATIONS))
def test_frames_count_end_on_the_derivation_and_differ(name, view):
    d = CONFIGURATIONS[name]
    frames = animation_frames(d, view)
    assert len(frames) == expected_count(d, view)
    output = [g for g in frames[-1].grids if g.label.startswith("output")]
    assert len(output) == 1 and any(g.label.startswith("input") for g in frames[-1].grids)
    entries = [sympy.sympify(text) for text in output[0].cells]
    assert entries == [d.output[index] for index in ndindex(d.geometry.output_size)]
    images = decoded(animate(d, view, "gif"))
    assert len(images) == len(frames)
    for before, after in zip(images, images[1:]):
        assert ImageChops.difference(before, after).getbbox() is not None


def test_the_output_fills_one_entry_per_frame():
    frames = animation_frames(symconv.preset("example-2d-s1"), "zero-insertion")
    filled = [sum(1 for c in f.grids[-1].cells if c) for f in frames]
    assert filled == list(range(10))


def test_an_animated_png_holds_the_same_frames():
    d = symconv.preset("example-1d")
    gif, png = decoded(animate(d, "scatter", "gif")), decoded(animate(d, "scatter", "apng"))
    assert len(png) == len(gif) == 4
    assert Image.open(BytesIO(animate(d, "scatter", "apng"))).format == "PNG"


def test_the_same_request_gives_the_same_bytes():
    d = symconv.preset("example-2d-s2")
    assert animate(d, "matrix") == animate(symconv.preset("example-2d-s2"), "matrix")


def test_what_cannot_be_read_is_elided():
    # products are drawn with a centred dot: a drawn * reads as the correlation's star
    assert _shown("a*w22 + b*w21 + c*w12 + d*w11") == "a·w22 + b·w21 + c·w12 + d·w11"
    long = " + ".join(f"x{k}*w{k}" for k in range(1, 9))
    assert _shown(long) == "x1·w1 + ... (8 terms)"
    d = symconv.derive(symconv.symbols_array("x", (9,)), ["w1", "w2", "w3"], stride=2)
    frames = animation_frames(d, "scatter")
    canvas = frames[-1].grids[1]
    assert canvas.shape[1] > MAX_TEXT_COLS
    image = draw_frame(frames[-1])
    assert image.width < 1500  # colours only: 19 cells, not 19 sums


def test_refusals():
    with pytest.raises(symconv.SymconvError, match="view"):
        animation_frames(symconv.preset("example-1d"), "sideways")
    d3 = symconv.derive(
        symconv.symbols_array("x", (2, 2, 2)), symconv.symbols_array("w", (1, 1, 1))
    )
    with pytest.raises(symconv.SymconvError, match="1-D and 2-D"):
        animation_frames(d3, "scatter")
    big = symconv.derive_symbolic((30, 30), (3, 3))
    with pytest.raises(symconv.SymconvError, match="frames"):
        animation_frames(big, "matrix")


def test_animate_on_the_command_line(cli, tmp_path):
    out = tmp_path / "scatter.gif"
    status, _, err = cli(
        "animate", "--preset", "example-2d-s1", "--view", "scatter", "-o", str(out)
    )
    assert status == 0, err
    assert out.read_bytes() == animate(symconv.preset("example-2d-s1"), "scatter")
    status, _, err = cli("animate", "--preset", "example-2d-s1", "-o", str(out))
    assert status == 2 and "--force" in err
    status, _, err = cli("animate", "--preset", "example-1d", "-o", str(tmp_path / "a.txt"))
    assert status == 2 and ".gif" in err
    status, _, err = cli(
        "animate",
        "--input",
        "2",
        "--kernel",
        "3",
        "--in-channels",
        "2",
        "-o",
        str(tmp_path / "b.gif"),
    )
    assert status == 2 and "--in-channels" in err
    status, _, _ = cli(
        "animate", "--preset", "example-1d", "--view", "matrix", "-o", str(tmp_path / "m.png")
    )
    assert status == 0 and len(decoded((tmp_path / "m.png").read_bytes())) == 4
