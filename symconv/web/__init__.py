"""The derivation for the web: an HTML page, Markdown with SVG figures, animations, an explorer.

Each writer reads the worked example's data (:mod:`symconv.latex.example_context`) and
the derivation; none computes the mathematics again.
"""
