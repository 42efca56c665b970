"""Benchmark: symconv's cost as ratios against a floor and a limit measured in the same run.

The **floor** builds each output entry the ordinary way, ``Add(*[x*w, ...])``, from a
precomputed index list. The **limit** builds the same canonical objects directly,
``Mul._from_args``/``Add._from_args`` on arguments already in canonical order (taken from
the floor's result, and asserted equal to it): no derivation can build its result for
less. Every timing clears SymPy's cache, collects garbage and then runs with the cyclic
garbage collector off, the same on every side; each ratio is the median over rounds of
the ratio within a round. Commands are timed as whole processes, alternating with their
yardstick, and the median of the pairwise ratios is printed.

    python benchmarks/bench.py            # everything (several minutes on 2 cores)
    python benchmarks/bench.py --quick    # the 2-D 64x64 methods only
    python benchmarks/bench.py --only commands   # the command-line ratios only
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import gc
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import sympy
from sympy import Add, ImmutableMatrix, Mul, S
from sympy.core.cache import clear_cache

from symconv.core.problem import make_problem
from symconv.core.tensors import symbols_array
from symconv.engine.pytorch import conv_transpose
from symconv.engine.verification import views_agree
from symconv.views import METHODS, scatter
from symconv.views.matrix import conv_matrix_entries

CASES = {
    "2-D 16^2": dict(input=(16, 16), kernel=(3, 3), channels=(1, 1)),
    "1-D 4096": dict(input=(4096,), kernel=(3,), channels=(1, 1)),
    "2-D 64^2": dict(input=(64, 64), kernel=(3, 3), channels=(1, 1)),
    "2-D 128^2": dict(input=(128, 128), kernel=(3, 3), channels=(1, 1)),
    "3-D 16^3 x2ch": dict(input=(16, 16, 16), kernel=(3, 3, 3), channels=(2, 2)),
    "2-D 256^2": dict(input=(256, 256), kernel=(3, 3), channels=(1, 1)),
}
#: Cases whose method ratios the issue sets targets for (the others show linearity).
TARGET_CASES = ("2-D 64^2", "2-D 128^2", "3-D 16^3 x2ch")
METHOD_TARGET, CALL_TARGET, MEMORY_TARGET = 1.5, 1.6, 1.5


def arrays(case):
    c_in, c_out = case["channels"]
    x = symbols_array("x", (c_in, *case["input"]), base=0)
    w = symbols_array("w", (c_in, c_out, *case["kernel"]), base=0)
    return x, w


def operands(case):
    return make_problem(*arrays(case), stride=2, padding=1)


def timed(function):
    """Seconds for one call, with SymPy's cache cleared and the cyclic collector off."""
    gc.collect()
    clear_cache()
    gc.disable()
    try:
        start = time.perf_counter()
        result = function()
        return time.perf_counter() - start, result
    finally:
        gc.enable()


def index_lists(problem):
    """Per output entry, the (input, weight) element pairs: integer work outside the floor."""
    cells, kept = scatter.paint(problem.geometry), scatter.crop(problem.geometry)
    plane = math.prod(problem.geometry.input_size)
    xs = [e for channel in problem.x[0] for e in channel]
    lists = []
    for co in range(problem.out_channels):
        for cell in kept:
            pairs = []
            for ci in range(problem.in_channels):
                for i, t in cells[cell] if cell is not None else []:
                    pairs.append((xs[ci * plane + i], problem.w[ci][co][t]))
            lists.append(pairs)
    return lists


def floor(lists):
    return [Add(*[x * w for x, w in pairs]) for pairs in lists]


def canonical_arguments(entries):
    """Per entry: None for 0, else the factor pairs of its terms in canonical order."""
    ordered = []
    for e in entries:
        if e is S.Zero:
            ordered.append(None)
        elif type(e) is Mul:
            ordered.append([e.args])
        else:
            ordered.append([term.args for term in e.args])
    return ordered


def limit(ordered):
    """The same entries built directly from canonical arguments: the cost of the objects."""
    mul, add, zero = Mul._from_args, Add._from_args, S.Zero
    out = []
    for pairs in ordered:
        if pairs is None:
            out.append(zero)
        elif len(pairs) == 1:
            out.append(mul(pairs[0], True))
        else:
            out.append(add(tuple([mul(p, True) for p in pairs]), True))
    return out


def flat(planes):
    return [e for batch in planes for plane in batch for e in plane]


def memory_ratio(view, problem):
    """Peak memory while a method runs over the memory its result holds (tracemalloc)."""
    gc.collect()
    clear_cache()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    result = view(dataclasses.replace(problem))
    size, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return (peak - before) / (size - before)


def run_case(name, case, rounds):
    x, w = arrays(case)
    problem = make_problem(x, w, stride=2, padding=1)
    lists = index_lists(problem)
    terms = sum(len(p) for p in lists)
    floor_time, expected = timed(lambda: floor(lists))
    ordered = canonical_arguments(expected)
    ratios = {m: [] for m in (*METHODS, "call")}
    limit_times, outputs = [], {}
    for _ in range(rounds):
        limit_time, built = timed(lambda: limit(ordered))
        assert built == expected and all(a.args == b.args for a, b in zip(built, expected))
        limit_times.append(limit_time)
        for method, view in METHODS.items():
            fresh = dataclasses.replace(problem)  # no ranks cached by another method
            seconds, outputs[method] = timed(lambda view=view, fresh=fresh: view(fresh))
            ratios[method].append(seconds / limit_time)
        seconds, called = timed(lambda: conv_transpose(x, w, stride=2, padding=1))
        ratios["call"].append(seconds / limit_time)
    for method, planes in outputs.items():
        got = flat(planes)
        assert got == expected and all(a.args == b.args for a, b in zip(got, expected)), method
    assert list(called._array) == expected
    limit_time = statistics.median(limit_times)
    seconds, check = timed(lambda: views_agree(problem, outputs))
    assert check.passed, check
    called = built = None
    shape, entries = conv_matrix_entries(problem)
    return {
        "case": name,
        "terms": terms,
        "floor_s": floor_time,
        "floor_us": 1e6 * floor_time / terms,
        "limit_us": 1e6 * limit_time / terms,
        "limit_over_floor": limit_time / floor_time,
        **{m: statistics.median(r) for m, r in ratios.items()},
        "agree": seconds / floor_time,
        "memory": {m: memory_ratio(v, problem) for m, v in METHODS.items()},
        "C_nonzero": f"{len(entries)} of {shape[0] * shape[1]}",
    }


def verdict(ratio, target):
    return f"{ratio:.2f} (target <= {target}: {'met' if ratio <= target else 'NOT met'})"


def print_methods(names, rounds):
    print(
        f"{'case':<15}{'terms':>8}{'floor':>8}{'limit':>8}{'scatter':>8}{'lim/fl':>8}"
        f"{'scatter':>9}{'zero_ins':>9}{'matrix':>9}{'call':>7}{'agree':>8}  memory s/z/m"
    )
    rows = []
    for name in names:
        r = run_case(name, CASES[name], rounds)
        rows.append(r)
        mem = "/".join(f"{r['memory'][m]:.2f}" for m in METHODS)
        print(
            f"{r['case']:<15}{r['terms']:>8}{r['floor_us']:>6.1f}us{r['limit_us']:>6.2f}us"
            f"{r['limit_us'] * r['scatter']:>6.2f}us{r['limit_over_floor']:>8.3f}"
            f"{r['scatter']:>9.2f}{r['zero_insertion']:>9.2f}"
            f"{r['matrix']:>9.2f}{r['call']:>7.2f}{r['agree']:>8.3f}  {mem}",
            flush=True,
        )
    print(
        "(floor, limit and scatter in us a term; lim/fl the limit over the floor; method and"
        " call columns over the limit, agree over the floor; memory: peak over result size)"
    )
    for r in rows:
        if r["case"] not in TARGET_CASES:
            continue
        worst = max(r[m] for m in METHODS)
        memory = max(r["memory"].values())
        print(
            f"{r['case']}: methods / limit {verdict(worst, METHOD_TARGET)}; "
            f"conv_transpose as called / limit {verdict(r['call'], CALL_TARGET)}; "
            f"peak memory / result {verdict(memory, MEMORY_TARGET)}"
        )
    return rows


def paired_ratio(command, baseline, repeats=7, cwd=None):
    """Median over alternating runs of (command seconds / baseline seconds), and both medians."""
    ratios, a_times, b_times = [], [], []
    for _ in range(repeats):
        b = _seconds(baseline, cwd)
        a = _seconds(command, cwd)
        ratios.append(a / b)
        a_times.append(a)
        b_times.append(b)
    return statistics.median(ratios), statistics.median(a_times), statistics.median(b_times)


def _seconds(command, cwd):
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=cwd)
    return time.perf_counter() - start


def symconv_command():
    script = Path(sys.executable).with_name("symconv")
    return [str(script)] if script.exists() else [sys.executable, "-m", "symconv"]


BUILD_ONCE = """
import sympy
from sympy import Add, Symbol
n, k, s, p = 16, 4, 2, 1
x = [[Symbol(f"x_{i}_{j}") for j in range(1, n + 1)] for i in range(1, n + 1)]
w = [[Symbol(f"w{i}{j}") for j in range(1, k + 1)] for i in range(1, k + 1)]
o = (n - 1) * s + k - 2 * p
axis = [[(i, t) for i in range(n) for t in range(k) if i * s + t - p == r] for r in range(o)]
y = [[Add(*[x[i][j] * w[a][b] for i, a in axis[r] for j, b in axis[c]]) for c in range(o)]
     for r in range(o)]
"""


#: The console script loads its libraries with the cyclic collector off and then freezes them
#: (``symconv.cli.main.entry_point``); a yardstick given the same treatment, for comparison.
COLLECTOR_OFF = "import gc\ngc.disable()\n{imports}\ngc.enable()\ngc.freeze()\n{rest}"


def collector_off(code):
    """``code`` with its leading imports done as the console script does its own."""
    lines = code.strip().splitlines()
    imports = [line for line in lines if line.startswith(("import ", "from "))]
    rest = lines[len(imports) :]
    return COLLECTOR_OFF.format(imports="\n".join(imports), rest="\n".join(rest))


def print_commands():
    python = sys.executable
    symconv = symconv_command()
    lines = []
    # An installed package has its bytecode compiled; a checkout may not (and with
    # PYTHONDONTWRITEBYTECODE it never gets it), while SymPy's and Jinja's always is.
    package = Path(__file__).resolve().parents[1] / "symconv"
    subprocess.run([python, "-m", "compileall", "-q", str(package)], check=True)

    def report(label, ratio, a, b, target):
        line = f"{label}: {a:.3f} s / {b:.3f} s = {verdict(ratio, target)}"
        lines.append(line)
        print(line, flush=True)

    size = [*symconv, "size", "--input", "4x4", "--kernel", "3", "--stride", "2", "--padding", "1"]
    report("symconv size / python -c pass", *paired_ratio(size, [python, "-c", "pass"]), 4)
    report(
        "import symconv / import sympy",
        *paired_ratio([python, "-c", "import symconv"], [python, "-c", "import sympy"]),
        1.25,
    )
    example = [*symconv, "example", "--preset", "example-2d-s1"]
    report(
        "symconv example (article) / import sympy, jinja2",
        *paired_ratio([*example, "--form", "article"], [python, "-c", "import sympy, jinja2"]),
        1.3,
    )
    verify = [*symconv, "verify", "--input", "16x16", "--kernel", "4", "--stride", "2"]
    verify += ["--padding", "1"]
    report(
        "symconv verify 32x32 / import sympy and build the output once",
        *paired_ratio(verify, [python, "-c", BUILD_ONCE], repeats=5),
        1.0,
    )
    check_input = Path(tempfile.mkdtemp()) / "mine.txt"
    check_input.write_text("[x1*w2, x1*w3 + x2*w1, x2*w2]\n")
    check = [*symconv, "check", "--preset", "example-1d", str(check_input)]
    sympy_only = [python, "-c", "import sympy"]
    report("symconv check / import sympy", *paired_ratio(check, sympy_only), 1.15)
    fair = {
        "example (article)": (
            [*example, "--form", "article"],
            collector_off("import sympy, jinja2"),
        ),
        "verify 32x32": (verify, collector_off(BUILD_ONCE)),
        "check": (check, collector_off("import sympy")),
    }
    figures = ", ".join(
        f"{label} {paired_ratio(command, [python, '-c', code], repeats=5)[0]:.2f}"
        for label, (command, code) in fair.items()
    )
    line = (
        "(the console script loads its libraries with the collector off, then freezes them;"
        f" against yardsticks that do the same: {figures})"
    )
    lines.append(line)
    print(line, flush=True)
    pdflatex = shutil.which("pdflatex")
    if pdflatex is None:
        print("(no pdflatex: the --pdf ratios are not measured)")
    else:
        for form, target in (("article", 2.5), ("beamer", 1.6)):
            folder = tempfile.mkdtemp()
            tex = f"{form}.tex"
            subprocess.run([*example, "--form", form, "-o", tex], check=True, cwd=folder)
            bare = [pdflatex, "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", tex]
            report(
                f"symconv example --form {form} --pdf / one bare pdflatex run",
                *paired_ratio(
                    [*example, "--form", form, "--pdf", "-o", f"{form}-pdf.tex", "--force"],
                    bare,
                    repeats=5,
                    cwd=folder,
                ),
                target,
            )
            shutil.rmtree(folder)
    print_latex()
    return lines


def print_latex():
    """The LaTeX of a 32x32 result against SymPy's, and the worked example against deriving it."""
    from symconv.engine.derivation import derive_symbolic
    from symconv.notation.grids import output_latex
    from symconv.notation.style import Notation

    derivation = derive_symbolic((16, 16), (4, 4), stride=2, padding=1)
    output = derivation.output
    assert output.shape == (32, 32)
    full = Notation(full=True)
    ours = []
    for _ in range(3):
        clear_symconv_caches()  # each symbol is checked and written as in a fresh process
        ours.append(timed(lambda: output_latex(derivation, full))[0])
    ours = statistics.median(ours)
    matrix = ImmutableMatrix(output.tolist())
    sympys = statistics.median(timed(lambda: sympy.latex(matrix))[0] for _ in range(3))
    print(
        f"LaTeX of a 32x32 result / sympy.latex of the matrix: {ours:.3f} s / {sympys:.3f} s = "
        f"{verdict(ours / sympys, 0.05)}"
    )
    print(fragment_line())


def derived_and_proved():
    """A 32x32 derivation as symconv gives it: the three views and the proof that they agree."""
    from symconv.engine.derivation import derive_symbolic

    derivation = derive_symbolic((16, 16), (4, 4), stride=2, padding=1)
    derivation.output  # noqa: B018 (each is computed on first use)
    derivation.verification  # noqa: B018
    return derivation


def clear_symconv_caches():
    """Forget every remembered symbol and cell width, as a fresh process would have (the
    compiled templates stay: a session loads them once)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("symconv.notation."):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def fragment_line(rounds=5):
    """Writing the worked-example fragment of a 32x32 output against deriving it.

    A derivation is the three views and the proof that they agree, which the fragment
    states; the fragment is written from it, with symconv's own caches cleared first and
    the templates loaded once, as in any session. The whole job from scratch is shown too.
    """
    from symconv.latex.render import render_latex

    render_latex(derived_and_proved(), form="fragment")  # templates loaded and compiled once
    ratios, derive_times, write_times = [], [], []
    for _ in range(rounds):
        clear_symconv_caches()
        derive_s, derivation = timed(derived_and_proved)
        clear_symconv_caches()
        write_s, _ = timed(functools.partial(render_latex, derivation, form="fragment"))
        ratios.append(write_s / derive_s)
        derive_times.append(derive_s)
        write_times.append(write_s)
    derive_s, write_s = statistics.median(derive_times), statistics.median(write_times)
    return (
        f"worked-example fragment of a 32x32 output, written from its derivation / deriving it"
        f" (three views and their proof): {write_s:.3f} s / {derive_s:.3f} s = "
        f"{verdict(statistics.median(ratios), 1.0)}; from scratch, both: "
        f"{derive_s + write_s:.3f} s"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only the 2-D 64x64 methods")
    parser.add_argument(
        "--only", choices=("methods", "commands"), help="only the methods, or only the commands"
    )
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds per case (5)")
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores; Python "
        f"{platform.python_version()}, SymPy {sympy.__version__}"
    )
    names = ["2-D 64^2"] if args.quick else list(CASES)
    if args.only != "commands":
        print_methods(names, args.rounds)
    if not args.quick and args.only != "methods":
        print_commands()


if __name__ == "__main__":
    main()
