"""One colour per input element drawn, every one distinguishable from the others.

The first seven are Okabe and Ito's colours, readable by the colour-blind, and the eighth a
purple in place of their black, whose tint would read as the grey of a figure's border;
past eight, hues step by the golden angle, so that no two are alike.

>>> palette(2)
[(230, 159, 0), (86, 180, 233)]
>>> len(set(palette(40))) == 40
True
"""

from __future__ import annotations

import colorsys
import math

OKABE_ITO = [
    (230, 159, 0),
    (86, 180, 233),
    (0, 158, 115),
    (204, 121, 167),
    (0, 114, 178),
    (213, 94, 0),
    (240, 228, 66),
    (117, 80, 170),
]
_GOLDEN_ANGLE = 0.381966


def palette(count: int) -> list[tuple[int, int, int]]:
    """``count`` colours as RGB triples (0-255): Okabe-Ito first, then distinct hues.

    Past eight, candidates step round the hue circle by the golden angle at three
    saturations and three lightnesses; one is taken only when it stands at least
    :data:`MIN_DISTANCE` (in RGB) from every colour taken before.
    """
    colours = OKABE_ITO[: max(count, 0)]
    distance = MIN_DISTANCE
    k = 0
    while len(colours) < count:
        hue = (k * _GOLDEN_ANGLE) % 1.0
        saturation = (0.9, 0.6, 0.75)[k % 3]
        value = (0.95, 0.7, 0.5)[(k // 3) % 3]
        rgb = tuple(round(c * 255) for c in colorsys.hsv_to_rgb(hue, saturation, value))
        if all(math.dist(rgb, other) >= distance for other in colours):
            colours.append(rgb)
        k += 1
        if k % 2000 == 0:  # the cube is full at this spacing: accept closer colours
            distance *= 0.8
    return colours


#: How far apart (Euclidean, in RGB) two colours of one figure stand at least.
MIN_DISTANCE = 48

