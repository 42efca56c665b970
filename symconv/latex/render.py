r"""The worked example as LaTeX: the built-in templates found, Jinja2 set up for TeX, rendered.

:func:`render_latex` hands the templates (``templates/*.tex.j2``) the data of
:mod:`symconv.latex.example_context`; the templates hold all layout and prose.

>>> import symconv
>>> tex = render_latex(symconv.preset("seed-1d"))
>>> r"x_{1} w_{3} + x_{2} w_{1}" in tex
True
"""

from __future__ import annotations

import functools
from pathlib import Path

from symconv.engine.derivation import Derivation
from symconv.errors import SymconvError
from symconv.latex.example_context import example_context
from symconv.notation.expressions import Notation
from symconv.notation.tex_text import tex_escape

FORMS = ("fragment", "article", "beamer")

# Matrices up to 10 x 10 are written whole: the seed's 9-entry y = C^T x among them.
DEFAULT_NOTATION = Notation(max_rows=10, max_cols=10)


def template_folder() -> Path:
    """The built-in templates: installed ``symconv/templates``, else the checkout's ``templates/``.

    >>> (template_folder() / "article.tex.j2").is_file()
    True
    """
    package = Path(__file__).resolve().parents[1]
    for folder in (package / "templates", package.parent / "templates"):
        if folder.is_dir():
            return folder
    raise SymconvError("templates", "not found beside the package or in the source checkout")


def environment(template_dir: str | Path | None = None):
    """A Jinja2 environment with TeX-safe delimiters; ``template_dir`` is searched first.

    >>> environment().from_string("((( 'a_b' | tex ))) ((* if 1 *))yes((* endif *))").render()
    'a\\\\_b yes'
    """
    folders = [str(template_folder())]
    if template_dir is not None:
        if not isinstance(template_dir, (str, Path)):
            raise SymconvError("template_dir", "must be a folder path", template_dir)
        user = Path(template_dir)
        if not user.is_dir():
            raise SymconvError("template_dir", "must be an existing folder", str(template_dir))
        folders.insert(0, str(user.resolve()))
    return _environment(tuple(folders))


def check_request(
    derivation: object, form: object, forms: tuple[str, ...], notation: object = None
) -> None:
    """Refuse a form not in ``forms``, a non-Derivation, a non-Notation, an unsafe title.

    >>> check_request("seed-1d", "article", FORMS)
    Traceback (most recent call last):
    ...
    symconv.errors.SymconvError: derivation: must be a symconv.Derivation (got 'str')
    """
    if form not in forms:
        raise SymconvError("form", f"must be one of {', '.join(forms)}", form)
    if not isinstance(derivation, Derivation):
        raise SymconvError("derivation", "must be a symconv.Derivation", type(derivation).__name__)
    if notation is not None and not isinstance(notation, Notation):
        raise SymconvError("notation", "must be a symconv.Notation", type(notation).__name__)
    if derivation.geometry.rank > 3:
        raise SymconvError(
            "input", "worked examples are written for 1-D to 3-D", derivation.geometry.rank
        )
    tex_escape(derivation.title, "title")


def render_template(name: str, template_dir: str | Path | None = None, **context) -> str:
    """Render template ``name``; an error in a template is a SymconvError naming it.

    >>> render_template("no-such.tex.j2")
    Traceback (most recent call last):
    ...
    symconv.errors.SymconvError: templates: no-such.tex.j2: template not found (got None)
    """
    import jinja2

    try:
        return environment(template_dir).get_template(name).render(**context)
    except jinja2.TemplateNotFound:
        message = f"{name}: template not found"
    except jinja2.TemplateSyntaxError as error:
        message = f"{error.name}, line {error.lineno}: {error.message}"
    except jinja2.TemplateError as error:
        message = f"{name}: {error.message}"
    parameter = "templates" if template_dir is None else "template_dir"
    raise SymconvError(parameter, message, None if template_dir is None else str(template_dir))


@functools.lru_cache(maxsize=8)
def _environment(folders: tuple[str, ...]):
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(folders)),
        block_start_string="((*",
        block_end_string="*))",
        variable_start_string="(((",
        variable_end_string=")))",
        comment_start_string="((=",
        comment_end_string="=))",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["tex"] = tex_escape
    return env


def render_latex(
    derivation: Derivation,
    form: str = "fragment",
    notation: Notation | None = None,
    template_dir: str | Path | None = None,
) -> str:
    r"""The worked example of ``derivation`` as LaTeX: a ``fragment``, an ``article`` or ``beamer``.

    A fragment needs only ``amsmath`` and ``tikz`` in the host document's preamble.

    >>> import symconv
    >>> tex = render_latex(symconv.preset("seed-2d-s1"), form="article")
    >>> tex.startswith(r"\documentclass"), "a w_{22} + b w_{21} + c w_{12} + d w_{11}" in tex
    (True, True)
    """
    check_request(derivation, form, FORMS, notation)
    context = example_context(derivation, notation or DEFAULT_NOTATION)
    return render_template(f"{form}.tex.j2", template_dir, ex=context)
