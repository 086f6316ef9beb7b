"""Edit: one change to the original text (offsets into the original), with the rule and the reason."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Edit:
    start: int
    end: int
    original: str
    replacement: str
    rule: str
    reason: str
    absorbs: tuple = field(default=(), repr=False)  # ids of token edits already rendered into this one
    id: int = field(default=-1, repr=False)
    requires: tuple = field(default=(), repr=False)  # ids of token edits this one assumes (a copied verb form)

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("absorbs")
        d.pop("id")
        d.pop("requires")
        return d


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits (any order) to ``text``."""
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        if e.start < pos:
            continue
        out.append(text[pos:e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)
