"""The examples of "Understanding Transposed Convolutions", by name.

>>> sorted(PRESETS)
['example-1d', 'example-2d-s1', 'example-2d-s2']
>>> preset("example-1d").output
[w2*x1, w1*x2 + w3*x1, w2*x2]
"""

from __future__ import annotations

from symconv.errors import SymconvError

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:  # the names and sizes load without SymPy (``symconv size``)
    from symconv.engine.derivation import Derivation

PRESETS = {
    "example-1d": dict(
        input_size=2,
        kernel_size=3,
        stride=2,
        padding=1,
        title="The 1-D example, stride 2, padding 1",
    ),
    "example-2d-s2": dict(
        input_size=(2, 2),
        kernel_size=(2, 2),
        stride=2,
        padding=0,
        input_letters=True,
        title="The 2-D example at stride 2",
    ),
    "example-2d-s1": dict(
        input_size=(2, 2),
        kernel_size=(2, 2),
        stride=1,
        padding=0,
        input_letters=True,
        title="The 2-D example at stride 1",
    ),
}

#: The names the examples had before (still read, never listed).
FORMER_NAMES = {
    "seed-1d": "example-1d",
    "seed-2d-s2": "example-2d-s2",
    "seed-2d-s1": "example-2d-s1",
}


def preset_name(name: object) -> object:
    """A preset's current name: a former one is read as the name it has now.

    >>> preset_name("seed-1d"), preset_name("example-1d")
    ('example-1d', 'example-1d')
    """
    return FORMER_NAMES.get(name, name) if isinstance(name, str) else name


#: The keys of a preset that make its geometry; the others name its symbols and title it.
GEOMETRY_KEYS = ("input_size", "kernel_size", "stride", "padding", "output_padding", "dilation")


def preset(name: str) -> Derivation:
    """The derivation of one of the document's examples.

    >>> preset("example-2d-s2").geometry.output_size
    (4, 4)
    """
    from symconv.engine.derivation import derive_symbolic

    return derive_symbolic(**preset_arguments(name))


def preset_arguments(name: str) -> dict:
    """The :func:`~symconv.engine.derivation.derive_symbolic` arguments of a preset, checked.

    >>> preset_arguments("example-1d")["stride"]
    2
    """
    current = preset_name(name)
    if not isinstance(current, str) or current not in PRESETS:
        raise SymconvError("preset", f"must be one of {', '.join(sorted(PRESETS))}", name)
    return dict(PRESETS[current])
