"""The worked example as LaTeX: template context, Jinja2 rendering, channel summaries, PDF."""
