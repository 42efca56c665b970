"""Reading what people type: LaTeX matrices, lists, JSON; each entry by its configuration."""
