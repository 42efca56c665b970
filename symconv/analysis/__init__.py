"""Beyond the worked example: closed form, sizes, overlap, polyphase and gradient analyses.

Each analysis is computed once as data and printed by thin text and LaTeX writers.
"""
