"""The analyses by name, in the order they are written (``symconv analyze --what`` names them).

>>> chosen_sections(["gradient", "sizes"])
('sizes', 'gradient')
"""

from __future__ import annotations

from collections.abc import Iterable

from symconv.errors import SymconvError

SECTIONS = ("sizes", "overlap", "polyphase", "closed-form", "gradient")


def chosen_sections(sections: Iterable[str] | str | None) -> tuple[str, ...]:
    """The requested analyses, checked, in the order of :data:`SECTIONS` (None: all).

    >>> chosen_sections("overlap")
    ('overlap',)
    """
    if sections is None:
        return SECTIONS
    if isinstance(sections, str):
        sections = [sections]
    try:
        wanted = list(sections)
    except TypeError:
        raise SymconvError("sections", "must be a list of analysis names", sections) from None
    for name in wanted:
        if name not in SECTIONS:
            raise SymconvError("sections", f"must be among {', '.join(SECTIONS)}", name)
    if not wanted:
        raise SymconvError("sections", "must name at least one analysis", sections)
    return tuple(name for name in SECTIONS if name in wanted)
