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


def compose_edits(text: str, first: list[Edit], second: list[Edit]) -> list[Edit]:
    """Edits on ``text`` equivalent to applying ``first`` and then ``second`` (whose offsets point into the text
    after ``first``). A second-pass edit that touches a first-pass replacement is merged with it into one edit
    whose rule and reason name both steps, so the result stays one list of offsets into the original."""
    first = sorted(first, key=lambda e: e.start)
    mid = apply_edits(text, first)
    spans = []  # (mid_start, mid_end, edit)
    delta = 0
    for e in first:
        spans.append((e.start + delta, e.start + delta + len(e.replacement), e))
        delta += len(e.replacement) - (e.end - e.start)

    def to_text(p: int, left: bool) -> int:
        """A mid-text position outside every first-pass replacement -> text position; a deletion that sits exactly
        at p stays outside the new edit (after it for a start, before it for an end)."""
        d = 0
        for ms, me, e in spans:
            if me <= p and (left or not ms == me == p):
                d += len(e.replacement) - (e.end - e.start)
        return p - d

    # groups of overlapping pieces in mid-text coordinates: [mid_start, mid_end, text_start, text_end, members]
    pieces = [[ms, me, e.start, e.end, [e], []] for ms, me, e in spans]
    for f in second:
        pieces.append([f.start, f.end, None, None, [], [f]])
    pieces.sort(key=lambda p: (p[0], p[1]))
    groups: list[list] = []
    for p in pieces:
        g = groups[-1] if groups else None
        if g is not None and (p[0] < g[1] or p[0] == g[1] == p[1] and g[0] < p[0]) and (g[5] or p[5]):
            g[1] = max(g[1], p[1])
            g[4] += p[4]
            g[5] += p[5]
            if p[3] is not None:
                g[3] = p[3] if g[3] is None else max(g[3], p[3])
                g[2] = p[2] if g[2] is None else min(g[2], p[2])
            continue
        groups.append(p)
    out = []
    for ms, me, ts, te, olds, news in groups:
        if not news:
            out.append(olds[0])
            continue
        a = min(x for x in (ts, to_text(ms, True) if not _inside(spans, ms) else None) if x is not None)
        b = max(x for x in (te, to_text(me, ms == me) if not _inside(spans, me) else None) if x is not None)
        local = [Edit(f.start - ms, f.end - ms, f.original, f.replacement, f.rule, f.reason) for f in news]
        replacement = apply_edits(mid[ms:me], local)
        steps = olds + news
        rules = list(dict.fromkeys(x.rule for x in steps))
        reasons = list(dict.fromkeys(x.reason for x in steps))
        out.append(Edit(a, b, text[a:b], replacement, "+".join(rules), " ".join(reasons)))
    return sorted(out, key=lambda e: e.start)


def _inside(spans, p: int) -> bool:
    return any(ms < p < me for ms, me, _ in spans)
