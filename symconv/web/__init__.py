"""The derivation for the web: an HTML page, Markdown with SVG figures, animations, an explorer.

Each writer reads the worked example's data (:mod:`symconv.latex.example_context`) or
the :class:`~symconv.engine.derivation.Derivation` itself; none computes the mathematics
again.

>>> import symconv
>>> from symconv.web.page import render_html
>>> "<mi>x</mi><mn>1</mn>" in render_html(symconv.preset("example-1d"))
True
"""
