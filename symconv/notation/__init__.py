"""The one notation: symbols, sums and matrices as LaTeX and text, TeX-safe user text, words.

It knows SymPy and plain data only; every writer above builds on it.
"""
