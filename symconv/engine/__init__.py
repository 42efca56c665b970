"""The engine: each convention's entry point, the verification, and the step-by-step derivation.

Reads :mod:`symconv.core` and the three :mod:`symconv.views`; writes nothing.
"""
