"""The built wheel ships the templates as symconv/templates, and an install of it uses them."""

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def build_wheel(out: Path) -> Path:
    """Build symconv's wheel into ``out`` (offline when hatchling is installed)."""
    command = [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "-q", "-w", str(out)]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-build-isolation")
    subprocess.run(command, check=True, capture_output=True)
    (wheel,) = out.glob("symconv-*.whl")
    return wheel


def test_wheel_contains_the_templates_and_uses_them(tmp_path):
    wheel = build_wheel(tmp_path / "dist")
    names = zipfile.ZipFile(wheel).namelist()
    templates = sorted(p.name for p in (REPO / "templates").glob("*.j2"))
    assert {"article.tex.j2", "beamer.tex.j2", "fragment.tex.j2", "page.html.j2"} <= set(templates)
    shipped = sorted(n.split("/")[-1] for n in names if n.startswith("symconv/templates/"))
    assert shipped == templates

    installed = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(installed)
    script = (
        "import symconv, symconv.latex.templates as r\n"
        "print(symconv.__file__)\n"
        "print(r.template_folder())\n"
        "print(symconv.render_html(symconv.preset('example-1d')).count('<math'))\n"
        "print(symconv.render_latex(symconv.preset('example-1d'), form='article'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=dict(os.environ, PYTHONPATH=str(installed)),
        capture_output=True,
        text=True,
        check=True,
    )
    module, folder, maths, tex = done.stdout.split("\n", 3)
    assert int(maths) > 20  # the web page is written from the installed templates too
    assert Path(module).is_relative_to(installed)
    assert Path(folder) == installed / "symconv" / "templates"
    assert r"x_{1} w_{3} + x_{2} w_{1}" in tex and tex.startswith(r"\documentclass")
