"""Reading what people type: LaTeX matrices, lists, JSON, and each entry by the configuration's names."""
