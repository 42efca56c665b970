"""A live explorer in Jupyter: sliders for the configuration, the derivation redrawn on each change.

Input size, kernel size, stride, padding, output_padding (its range follows stride and
dilation: it must stay below one of them), dilation, 1-D or 2-D, and the view; it shows
the size formula with the numbers in, the derived output, the overlap map and the
view's figure (the last frame of its animation). A setting the engine refuses is said
in one line where the output would be, never as a traceback. Needs ``ipywidgets``
(``pip install "symconv[notebook]"``).

>>> import symconv
>>> explorer = symconv.explore(input=2, kernel=3, stride=2, padding=1)
>>> explorer.output.value
'$$O = \\\\begin{pmatrix} x_{1} w_{2} & x_{1} w_{3} + x_{2} w_{1} & x_{2} w_{2} \\\\end{pmatrix}$$'
>>> explorer.controls["stride"].value = 1
>>> explorer.controls["output_padding"].max
0
"""

from __future__ import annotations

import html
import io

from symconv.analysis.overlap import overlap_counts, overlap_verdict
from symconv.core.sizes import size_lines
from symconv.core.tensors import symbols_array
from symconv.engine.derivation import derive
from symconv.errors import SymconvError
from symconv.notation.grids import output_latex
from symconv.notation.palette import OKABE_ITO
from symconv.views import view_name
from symconv.web.animate import VIEWS, animation_frames, draw_frame

#: The sliders' ranges: (least, most) for each; output_padding's most follows the others.
RANGES = {
    "input": (1, 8),
    "kernel": (1, 5),
    "stride": (1, 4),
    "padding": (0, 4),
    "output_padding": (0, 3),
    "dilation": (1, 3),
}


def _widgets():
    try:
        import ipywidgets
    except ImportError:
        raise SymconvError("explore", 'needs ipywidgets: pip install "symconv[notebook]"') from None
    return ipywidgets


class Explorer:
    """The explorer's widgets (``controls``, by parameter name) and what they show.

    ``formula``, ``output``, ``overlap`` and ``figure`` show the current derivation;
    ``error`` says in one line why a setting has none. ``widget`` is the whole box,
    which Jupyter displays for the explorer itself.
    """

    def __init__(self, rank: int = 1, view: str = "scatter", **values: int):
        widgets = _widgets()
        if rank not in (1, 2):
            raise SymconvError("rank", "must be 1 or 2", rank)
        view = view_name(view, "view")
        unknown = sorted(set(values) - set(RANGES))
        if unknown:
            raise SymconvError(unknown[0], f"is not one of {', '.join(RANGES)}", values[unknown[0]])
        start = {"input": 2, "kernel": 3, "stride": 2, "padding": 1, "output_padding": 0}
        start.update(values)
        self.controls = {}
        for name, (low, high) in RANGES.items():
            value = start.get(name, low)
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise SymconvError(name, f"must be an integer from {low} to {high}", value)
            self.controls[name] = widgets.IntSlider(
                value=value,
                min=low,
                max=high,
                description=name.replace("_", " "),
                continuous_update=False,
                style={"description_width": "7em"},
            )
        self.controls["rank"] = widgets.ToggleButtons(
            options=[("1-D", 1), ("2-D", 2)], value=rank, description="dimensions"
        )
        self.controls["view"] = widgets.ToggleButtons(
            options=[(v.replace("_", " "), v) for v in VIEWS], value=view, description="view"
        )
        self.formula = widgets.HTML()
        self.output = widgets.HTMLMath()
        self.overlap = widgets.HTML()
        self.figure = widgets.Image(format="png")
        self.error = widgets.HTML()
        self._limit_output_padding()
        for control in self.controls.values():
            control.observe(self._changed, names="value")
        self.widget = widgets.VBox(
            [
                widgets.HBox(
                    [
                        widgets.VBox([self.controls[n] for n in RANGES]),
                        widgets.VBox([self.controls["rank"], self.controls["view"]]),
                    ]
                ),
                self.error,
                self.formula,
                self.output,
                widgets.HBox([self.figure, self.overlap]),
            ]
        )
        self.update()

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    def _changed(self, change) -> None:
        if change["owner"] in (self.controls["stride"], self.controls["dilation"]):
            self._limit_output_padding()
        self.update()

    def _limit_output_padding(self) -> None:
        """output_padding must be below the stride or the dilation (PyTorch's rule)."""
        stride, dilation = self.controls["stride"].value, self.controls["dilation"].value
        self.controls["output_padding"].max = max(stride, dilation) - 1

    def settings(self) -> dict:
        """The configuration the widgets hold, as :func:`symconv.derive` takes it."""
        return {name: self.controls[name].value for name in (*RANGES, "rank", "view")}

    def update(self) -> None:
        """Derive the configuration the widgets hold and show it, or say why not."""
        s = self.settings()
        shape = (s["input"],) * s["rank"]
        kernel = (s["kernel"],) * s["rank"]
        try:
            d = derive(
                symbols_array("x", shape),
                symbols_array("w", kernel),
                stride=s["stride"],
                padding=s["padding"],
                output_padding=s["output_padding"],
                dilation=s["dilation"],
            )
            frame = animation_frames(d, s["view"])[-1]
        except SymconvError as error:
            self.error.value = f'<p style="color:#b00">{html.escape(str(error))}</p>'
            for shown in (self.formula, self.output, self.overlap):
                shown.value = ""
            self.figure.value = b""
            return
        self.error.value = ""
        g = d.geometry
        self.formula.value = f"<pre>{html.escape(size_lines(g))}</pre>"
        self.output.value = f"$${output_latex(d)}$$"
        self.overlap.value = _overlap_html(g)
        self.figure.value = _png(draw_frame(frame))


def _png(image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _overlap_html(g) -> str:
    """The overlap map: each output cell shaded by how many products it sums, and the verdict."""
    counts = overlap_counts(g)
    rows = counts if g.rank == 2 else [counts]
    top = max(max(r) for r in rows) or 1
    blue = OKABE_ITO[4]
    cells = []
    for row in rows:
        tds = []
        for n in row:
            share = 0.15 + 0.85 * n / top
            rgb = ",".join(str(round(c * share + 255 * (1 - share))) for c in blue)
            tds.append(
                f'<td style="background:rgb({rgb});width:1.6em;height:1.6em;'
                f'text-align:center;border:1px solid #ccc">{n}</td>'
            )
        cells.append("<tr>" + "".join(tds) + "</tr>")
    verdict = html.escape(overlap_verdict(g))
    return (
        '<div style="margin-left:1.5em"><b>Overlap map</b> (products per output entry)'
        f'<table style="border-collapse:collapse">{"".join(cells)}</table><p>{verdict}</p></div>'
    )


def explore(rank: int = 1, view: str = "scatter", **values: int) -> Explorer:
    """A live explorer of transposed convolutions for Jupyter; ``values`` set its sliders.

    >>> import symconv
    >>> e = symconv.explore(rank=2, input=2, kernel=2, stride=1, padding=0)
    >>> print(e.formula.value)
    <pre>O_h = 1*(2 - 1) + 2 - 2*0 = 3
    O_w = 1*(2 - 1) + 2 - 2*0 = 3</pre>
    """
    return Explorer(rank, view, **values)
