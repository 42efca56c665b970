r"""The built-in templates found, and Jinja2 set up for TeX: delimiters that do not fight it.

Blocks are ``((* ... *))``, variables ``((( ... )))``, comments ``((= ... =))``; user
text goes through the ``tex`` filter (:func:`symconv.notation.tex_text.tex_escape`), or
the ``prose`` filter when it names symbols (:func:`symconv.notation.sentences.prose_latex`).
Compiled templates are kept in a private per-user folder (:func:`cache_folder`), checked
against each template's source, so a run renders without compiling them again.

>>> environment().from_string("((( 'a_b' | tex ))) ((* if 1 *))yes((* endif *))").render()
'a\\_b yes'
"""

from __future__ import annotations

import functools
import os
import stat
import tempfile
from pathlib import Path

from symconv.core.sizes import axis_subscript
from symconv.errors import SymconvError
from symconv.notation.palette import OKABE_ITO
from symconv.notation.sentences import prose_latex
from symconv.notation.statements import MATRIX_PRODUCT, SIZE_FORMULA, TRANSPOSE
from symconv.notation.style import CANVAS, DEFAULT_TITLE, INPUT, KERNEL, RESULT
from symconv.notation.tex_text import tex_escape


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
        bytecode_cache=_bytecode_cache(),
    )
    env.filters["tex"] = tex_escape
    env.filters["prose"] = prose_latex  # user text naming symbols: those as mathematics
    env.globals["transpose"] = TRANSPOSE  # one transpose sign in every document
    env.globals["result_name"] = RESULT  # one name for each array in every document
    env.globals["input_name"] = INPUT
    env.globals["kernel_name"] = KERNEL
    env.globals["canvas_name"] = CANVAS
    env.globals["default_title"] = DEFAULT_TITLE
    env.globals["axis_subscript"] = axis_subscript  # O_h, O_w as the text writes them
    env.globals["matrix_equation"] = MATRIX_PRODUCT
    env.globals["size_formula"] = SIZE_FORMULA  # the general form, quoted before any instance
    env.globals["okabe_ito"] = OKABE_ITO  # the colours of documents that draw no element
    return env


def cache_folder() -> Path | None:
    """The folder of compiled templates: private to this user (mode 0700), or None.

    It is made on first use under the system's temporary folder; a folder that another
    user owns, or that others may write to, is never used (nothing is cached then), so
    no one else's file is ever loaded as code. ``SYMCONV_TEMPLATE_CACHE=0`` turns it off.

    >>> folder = cache_folder()
    >>> folder is None or oct(folder.stat().st_mode & 0o777)
    '0o700'
    """
    if os.environ.get("SYMCONV_TEMPLATE_CACHE") == "0" or not hasattr(os, "getuid"):
        return None
    folder = Path(tempfile.gettempdir()) / f"symconv-templates-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return None
    private = stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
    return folder if private and not info.st_mode & 0o077 else None


def _bytecode_cache():
    import jinja2

    folder = cache_folder()
    return None if folder is None else jinja2.FileSystemBytecodeCache(str(folder))
