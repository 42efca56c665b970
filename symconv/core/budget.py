"""How much work a request is, estimated before any symbol is made, and a limit on it.

A transposed convolution forms one product per (input element, kernel tap, output
channel of its group) in every batch element: ``prod(I) * prod(k) * C_in * C_out/groups
* N`` product terms, summed into ``prod(O) * C_out * N`` output entries. Requests above
a limit are refused with the estimate, so nobody waits an hour by accident.

>>> from symconv.core.geometry import make_geometry
>>> work = estimate_work(make_geometry((2, 2), (3, 3)), in_channels=2, out_channels=4)
>>> work.terms, work.outputs
(288, 64)
>>> try:
...     check_budget(work, max_terms=100)
... except SymconvError as error:
...     print(error.parameter, "|", error.rule)
max_terms | the request needs 288 product terms (64 output entries), more than the limit of ...
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass

from symconv.core.geometry import Geometry
from symconv.core.parameters import as_int
from symconv.errors import SymconvError

DEFAULT_MAX_TERMS = 2_000_000
PROGRESS_TERMS = 100_000  # requests at least this big report their stages on a terminal


@dataclass(frozen=True)
class WorkEstimate:
    """The product terms a request forms, the output entries it fills, the grid cells it holds.

    >>> WorkEstimate(terms=1234567, outputs=890)
    WorkEstimate(terms=1234567, outputs=890, cells=0)
    >>> str(WorkEstimate(terms=1234567, outputs=890))
    '1,234,567 product terms (890 output entries)'
    >>> str(WorkEstimate(terms=4, outputs=10**8, cells=2 * 10**8))
    '4 product terms (100,000,000 output entries, 200,000,000 grid cells)'
    """

    terms: int
    outputs: int
    cells: int = 0

    @property
    def units(self) -> int:
        """What the limit is compared with: terms, or grid cells where those dominate."""
        return max(self.terms, self.cells)

    def __str__(self) -> str:
        cells = f", {self.cells:,} grid cells" if self.cells > self.terms else ""
        return f"{self.terms:,} product terms ({self.outputs:,} output entries{cells})"


def estimate_work(
    geometry: Geometry,
    *,
    batch: int = 1,
    in_channels: int = 1,
    out_channels: int = 1,
    groups: int = 1,
) -> WorkEstimate:
    """Estimate the work of one request from its geometry and channel counts alone.

    >>> from symconv.core.geometry import make_geometry
    >>> estimate_work(make_geometry(2, 3, stride=2, padding=1))
    WorkEstimate(terms=6, outputs=3, cells=8)
    """
    counts = {
        "batch": batch,
        "in_channels": in_channels,
        "out_channels": out_channels,
        "groups": groups,
    }
    for name, value in counts.items():
        counts[name] = as_int(name, value)
        if counts[name] < 1:
            raise SymconvError(name, "must be an integer >= 1", value)
    batch, in_channels, out_channels, groups = counts.values()
    if out_channels % groups:
        raise SymconvError("out_channels", f"must be a multiple of groups ({groups})", out_channels)
    per_input = math.prod(geometry.input_size) * math.prod(geometry.kernel_size)
    outputs = math.prod(geometry.output_size) * out_channels * batch
    return WorkEstimate(
        terms=per_input * in_channels * (out_channels // groups) * batch,
        outputs=outputs,
        cells=outputs + math.prod(geometry.canvas_size) * out_channels * batch,
    )


def check_budget(
    work: WorkEstimate, max_terms: int = DEFAULT_MAX_TERMS, *, option: str = "max_terms"
) -> None:
    """Refuse a request of more than ``max_terms`` product terms, naming the estimate.

    ``option`` is how the caller raises the limit (the command line says ``--max-terms``).

    >>> check_budget(WorkEstimate(terms=10, outputs=4), max_terms=10)
    """
    what = str(work)
    if work.cells > work.terms:  # say which count is over the limit
        what = f"{work.cells:,} grid cells ({work.terms:,} product terms, {work.outputs:,} outputs)"
    check_limit(work.units, what, max_terms, option=option)


def check_limit(count: int, what: str, limit: int, *, option: str = "max_terms") -> None:
    """Refuse work of ``count`` units (described by ``what``) above ``limit``.

    >>> check_limit(12, "12 matrix entries", 12)
    >>> check_limit(13, "13 matrix entries", 12)
    Traceback (most recent call last):
    ...
    symconv.errors.SymconvError: max_terms: the request needs 13 matrix entries, ...
    """
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise SymconvError(option, "must be an integer >= 1", limit)
    if count > limit:
        raise SymconvError(
            option,
            f"the request needs {what}, more than the limit of {limit:,}; "
            f"raise the limit with {option}",
        )


def stage_reporter(work: WorkEstimate, stream=None):
    """A function that reports a stage on ``stream`` (stderr), for long work on a terminal only.

    Short requests, and output redirected to a file or a pipe, stay silent.

    >>> import io
    >>> report = stage_reporter(WorkEstimate(terms=10**7, outputs=10), io.StringIO())
    >>> report("deriving")  # a StringIO is not a terminal: nothing is written
    """
    stream = sys.stderr if stream is None else stream
    is_terminal = getattr(stream, "isatty", lambda: False)()
    if work.terms < PROGRESS_TERMS or not is_terminal:
        return lambda message: None

    def report(message: str) -> None:
        print(f"symconv: {message}, {work} ...", file=stream, flush=True)

    return report
