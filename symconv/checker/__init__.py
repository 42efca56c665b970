"""The hand-derivation checker: a written result compared with the engine, mistakes named.

:mod:`symconv.checker.read` parses what people type; the rest diagnoses and reports.
"""
