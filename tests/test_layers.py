"""The package's import structure: layers import only downward, and nothing imports in a circle.

Every ``import`` and ``from ... import`` in ``symconv/`` is read, those inside functions
and under ``TYPE_CHECKING`` included, so a circle cannot hide in a deferred import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "symconv"

# From the bottom up; a module may import its own layer (without circles) and those below.
LAYERS = (
    ("symconv.errors",),
    ("symconv.core",),
    ("symconv.views", "symconv.notation"),
    ("symconv.engine",),
    ("symconv.latex",),
    ("symconv.analysis", "symconv.checker"),
    ("symconv.web",),
    ("symconv.teaching",),
    ("symconv.cli",),
    ("symconv", "symconv.__main__", "symconv.jupyter"),
)
MAX_TOP_LEVEL_MODULES = 12


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> int:
    """The layer of ``module``: the longest matching prefix in :data:`LAYERS`."""
    best, rank = -1, None
    for n, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            # the package itself is its facade; it is not a prefix of every module
            inside = prefix != "symconv" and module.startswith(prefix + ".")
            if (module == prefix or inside) and len(prefix) > best:
                best, rank = len(prefix), n
    assert rank is not None, f"{module} belongs to no layer: add it to LAYERS"
    return rank


def imports_of(module: str) -> set[str]:
    """The symconv modules ``module`` imports, anywhere in its code."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for name in names:
            while name and name not in MODULES:
                name = name.rpartition(".")[0]
            if name and name != module:
                found.add(name)
    return found


GRAPH = {module: imports_of(module) for module in MODULES}


def test_every_module_is_in_a_layer():
    for module in MODULES:
        layer_of(module)


def test_no_import_runs_up_a_layer():
    upward = [
        f"{source} -> {target}"
        for source, targets in GRAPH.items()
        for target in targets
        if layer_of(target) > layer_of(source)
    ]
    assert upward == []


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_circles():
    assert cycles(GRAPH) == []


def test_the_circle_finder_finds_a_circle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize(
    ("source", "target"),
    [("symconv.core.geometry", "symconv.engine.derivation"), ("symconv.cli.main", "symconv")],
)
def test_an_upward_import_would_be_seen(source, target):
    assert layer_of(target) > layer_of(source)


def test_only_the_public_facade_imports_by_name():
    for module, path in MODULES.items():
        if module != "symconv":
            assert "import_module" not in path.read_text(), module


def test_few_modules_directly_in_the_package():
    top = [p.name for p in PACKAGE.glob("*.py")]
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top
