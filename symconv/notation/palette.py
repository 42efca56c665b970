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

    The first :data:`STORED` are read from a table that :func:`generated_palette` wrote,
    so that a document does not spend its time choosing them.

    >>> palette(10)[8:]
    [(242, 24, 24), (97, 242, 139)]
    """
    if count <= STORED:
        return (OKABE_ITO + _STORED_HUES)[: max(count, 0)]
    return generated_palette(count)


def generated_palette(count: int) -> list[tuple[int, int, int]]:
    """The colours of :func:`palette`, chosen afresh.

    Past eight, candidates step round the hue circle by the golden angle at three
    saturations and three lightnesses; one is taken only when it stands at least
    :data:`MIN_DISTANCE` (in RGB) from every colour taken before.

    >>> generated_palette(10) == palette(10)
    True
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


#: How many colours :func:`palette` reads from its table: as many input elements as a drawn
#: canvas shows (12 x 12), so a figure never waits for the rule.
STORED = 144
#: ``generated_palette(STORED)[8:]``, written out (``tests/latex`` checks that it still is).
# fmt: off
_STORED_HUES = [
    (242, 24, 24), (97, 242, 139), (167, 61, 242), (178, 158, 18), (71, 161, 178), (178, 45, 117),
    (41, 128, 13), (54, 51, 128), (128, 64, 32), (24, 242, 161), (230, 97, 242), (45, 178, 56),
    (242, 24, 187), (163, 242, 97), (61, 90, 242), (178, 38, 18), (71, 178, 116), (127, 128, 13),
    (51, 105, 128), (128, 32, 71), (51, 242, 24), (122, 97, 242), (242, 145, 61), (178, 71, 174),
    (133, 178, 45), (134, 24, 242), (61, 226, 242), (45, 49, 178), (112, 32, 128), (214, 242, 24),
    (242, 61, 112), (119, 18, 178), (178, 170, 71), (97, 242, 195), (178, 45, 66), (24, 242, 81),
    (14, 13, 128), (32, 128, 89), (218, 24, 242), (130, 242, 24), (242, 78, 61), (55, 24, 242),
    (178, 18, 176), (128, 13, 25), (75, 178, 18), (24, 157, 242), (94, 128, 51), (242, 97, 193),
    (178, 94, 71), (242, 199, 24), (242, 112, 97), (71, 112, 178), (18, 178, 157), (242, 24, 79),
    (242, 179, 97), (91, 178, 71), (97, 242, 61), (24, 242, 209), (24, 104, 242), (61, 242, 100),
    (242, 24, 130), (178, 80, 18), (97, 143, 242), (13, 111, 128), (13, 67, 128), (34, 178, 18),
    (123, 242, 97), (61, 242, 173), (97, 242, 236), (147, 242, 61), (88, 61, 242), (242, 97, 152),
    (128, 98, 51), (85, 45, 178), (87, 128, 13), (220, 242, 97), (242, 105, 24), (203, 242, 61),
    (178, 125, 45), (181, 97, 242), (18, 178, 85), (242, 61, 174), (61, 13, 128), (148, 45, 178),
    (24, 63, 242), (242, 61, 233), (13, 128, 40), (18, 20, 178), (18, 79, 178), (24, 214, 242),
    (178, 18, 95), (128, 51, 104), (45, 131, 178), (56, 128, 51), (242, 138, 24), (115, 178, 18),
    (125, 61, 242), (61, 131, 242), (45, 178, 177), (242, 58, 24), (168, 24, 242), (180, 242, 24),
    (24, 242, 115), (96, 242, 24), (89, 24, 242), (97, 211, 242), (198, 61, 242), (242, 176, 61),
    (242, 110, 61), (24, 242, 40), (45, 178, 133), (178, 18, 145), (242, 61, 143), (24, 31, 242),
    (242, 24, 220), (242, 143, 97), (152, 178, 18), (178, 71, 143), (178, 71, 100), (71, 178, 151),
    (51, 18, 178), (61, 164, 242), (242, 210, 97), (71, 81, 178), (65, 242, 61), (85, 51, 128),
    (122, 128, 51), (178, 45, 164), (18, 154, 178), (80, 178, 45), (178, 18, 53), (128, 88, 13),
    (146, 71, 178), (178, 177, 45), (144, 178, 71), (45, 96, 178),
]
# fmt: on
