"""The examples of "Understanding Transposed Convolutions", by name.

>>> sorted(PRESETS)
['seed-1d', 'seed-2d-s1', 'seed-2d-s2']
>>> preset("seed-1d").output
[w2*x1, w1*x2 + w3*x1, w2*x2]
"""

from __future__ import annotations

from symconv.errors import SymconvError

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:  # the names and sizes load without SymPy (``symconv size``)
    from symconv.engine.derivation import Derivation

PRESETS = {
    "seed-1d": dict(
        input_size=2,
        kernel_size=3,
        stride=2,
        padding=1,
        title="The 1-D example, stride 2, padding 1",
    ),
    "seed-2d-s2": dict(
        input_size=(2, 2),
        kernel_size=(2, 2),
        stride=2,
        padding=0,
        input_letters=True,
        title="The 2-D example at stride 2",
    ),
    "seed-2d-s1": dict(
        input_size=(2, 2),
        kernel_size=(2, 2),
        stride=1,
        padding=0,
        input_letters=True,
        title="The 2-D example at stride 1",
    ),
}


#: The keys of a preset that make its geometry; the others name its symbols and title it.
GEOMETRY_KEYS = ("input_size", "kernel_size", "stride", "padding", "output_padding", "dilation")


def preset(name: str) -> Derivation:
    """The derivation of one of the document's examples.

    >>> preset("seed-2d-s2").geometry.output_size
    (4, 4)
    """
    from symconv.engine.derivation import derive_symbolic

    return derive_symbolic(**preset_arguments(name))


def preset_arguments(name: str) -> dict:
    """The :func:`~symconv.engine.derivation.derive_symbolic` arguments of a preset, checked.

    >>> preset_arguments("seed-1d")["stride"]
    2
    """
    if not isinstance(name, str) or name not in PRESETS:
        raise SymconvError("preset", f"must be one of {', '.join(sorted(PRESETS))}", name)
    return dict(PRESETS[name])
