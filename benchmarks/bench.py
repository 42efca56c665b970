"""Benchmark: symconv's cost as ratios against a floor measured in the same run.

The floor builds each output entry the ordinary way, ``Add(*[x*w, ...])``, from a
precomputed index list: a derivation cannot be cheaper than building its result that
way without building SymPy objects directly. SymPy's cache is cleared before each timing.

    python benchmarks/bench.py            # everything (a few minutes on 2 cores)
    python benchmarks/bench.py --quick    # the 2-D 64x64 bars only
"""

from __future__ import annotations

import argparse
import gc
import math
import platform
import resource
import subprocess
import sys
import time

import sympy
from sympy import Add
from sympy.core.cache import clear_cache

from symconv.core.problem import make_problem
from symconv.core.tensors import symbols_array
from symconv.engine.verification import views_agree
from symconv.views import METHODS, scatter
from symconv.views.matrix import conv_matrix_entries

CASES = {
    "1-D 4096": dict(input=(4096,), kernel=(3,), channels=(1, 1)),
    "2-D 16^2": dict(input=(16, 16), kernel=(3, 3), channels=(1, 1)),
    "2-D 64^2": dict(input=(64, 64), kernel=(3, 3), channels=(1, 1)),
    "2-D 128^2": dict(input=(128, 128), kernel=(3, 3), channels=(1, 1)),
    "3-D 16^3 x2ch": dict(input=(16, 16, 16), kernel=(3, 3, 3), channels=(2, 2)),
}


def operands(case):
    c_in, c_out = case["channels"]
    x = symbols_array("x", (c_in, *case["input"]), base=0)
    w = symbols_array("w", (c_in, c_out, *case["kernel"]), base=0)
    return make_problem(x, w, stride=2, padding=1)


def timed(function):
    gc.collect()
    clear_cache()
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def index_lists(problem):
    """Per output entry, the (input, weight) element pairs: integer work outside the floor."""
    cells, kept = scatter.paint(problem.geometry), scatter.crop(problem.geometry)
    xs = [e for plane in problem.x[0] for e in plane]
    ws = [[plane for plane in channel] for channel in problem.w]
    plane = math.prod(problem.geometry.input_size)
    lists = []
    for co in range(problem.out_channels):
        for cell in kept:
            pairs = []
            for ci in range(problem.in_channels):
                for i, t in cells[cell] if cell is not None else []:
                    pairs.append((xs[ci * plane + i], ws[ci][co][t]))
            lists.append(pairs)
    return lists


def floor(lists):
    return [Add(*[x * w for x, w in pairs]) for pairs in lists]


def run_case(name, case):
    problem = operands(case)
    lists = index_lists(problem)
    terms = sum(len(p) for p in lists)
    floor_time, _ = timed(lambda: floor(lists))
    row = {
        "case": name,
        "terms": terms,
        "floor_s": floor_time,
        "floor_us_per_term": 1e6 * floor_time / terms,
    }
    outputs = {}
    for method, view in METHODS.items():
        seconds, outputs[method] = timed(lambda view=view: view(problem))
        row[method] = seconds / floor_time
    seconds, check = timed(lambda: views_agree(problem, outputs))
    assert check.passed, check
    row["verify_agree"] = seconds / floor_time
    shape, entries = conv_matrix_entries(problem)
    row["C_nonzero"] = f"{len(entries)} of {shape[0] * shape[1]}"
    return row


def command_seconds(command, repeats=5):
    best = math.inf
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


def peak_memory_mib(case_name):
    code = (
        "import resource, benchmarks.bench as b;"
        f"p = b.operands(b.CASES[{case_name!r}]);"
        "[v(p) for v in b.METHODS.values()];"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return int(out.stdout.strip()) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only the 2-D 64x64 case")
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
        f"{__import__('os').cpu_count()} cores; Python {platform.python_version()}, "
        f"SymPy {sympy.__version__}"
    )
    names = ["2-D 64^2"] if args.quick else list(CASES)
    header = (
        f"{'case':<15}{'terms':>9}{'floor s':>9}{'us/term':>9}"
        f"{'scatter':>9}{'zero_ins':>9}{'matrix':>9}{'verify':>9}  C nonzero"
    )
    print(header)
    for name in names:
        r = run_case(name, CASES[name])
        print(
            f"{r['case']:<15}{r['terms']:>9}{r['floor_s']:>9.2f}{r['floor_us_per_term']:>9.1f}"
            f"{r['scatter']:>9.2f}{r['zero_insertion']:>9.2f}{r['matrix']:>9.2f}"
            f"{r['verify_agree']:>9.3f}  {r['C_nonzero']}"
        )
    print(
        "(method and verify columns are ratios to the floor; bars: methods <= 1.0 at 64^2,"
        " verify <= 0.25, 3-D <= 2.0)"
    )
    if args.quick:
        return
    sympy_s = command_seconds([sys.executable, "-c", "import sympy"])
    symconv_s = command_seconds([sys.executable, "-c", "import symconv"])
    print(
        f"import symconv / import sympy: {symconv_s:.3f} s / {sympy_s:.3f} s = "
        f"{symconv_s / sympy_s:.2f} (bar <= 1.25)"
    )
    base_s = command_seconds([sys.executable, "-c", "import sympy, jinja2"])
    example_s = command_seconds(
        [sys.executable, "-m", "symconv", "example", "--preset", "seed-2d-s1", "--form", "article"],
        repeats=3,
    )
    print(
        f"symconv example (article) / python -c 'import sympy, jinja2': {example_s:.3f} s / "
        f"{base_s:.3f} s = {example_s / base_s:.2f}"
    )
    scatter_s = command_seconds(
        [sys.executable, "-c", "import symconv; symconv.preset('seed-2d-s1').output"]
    )
    print(f"(for scale: import symconv and derive the seed's 2-D example: {scatter_s:.3f} s)")
    from symconv.engine.derivation import derive_symbolic

    derivation = derive_symbolic((16, 16), (4, 4), stride=2, padding=1)
    assert derivation.geometry.output_size == (32, 32)
    render_s, _ = timed(lambda: _render(derivation))
    print(f"LaTeX of a 32x32 output: {render_s:.2f} s")
    print(
        f"peak memory, 3-D 16^3 x2ch, all three methods: "
        f"{peak_memory_mib('3-D 16^3 x2ch'):.0f} MiB (bar < 4096)"
    )
    print(f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB peak in this run")


def _render(derivation):
    from symconv.latex.render import render_latex

    return render_latex(derivation, form="fragment")


if __name__ == "__main__":
    main()
