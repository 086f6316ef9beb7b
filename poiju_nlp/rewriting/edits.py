"""Edit: one change to the original text (offsets into the original), with the rule and the reason."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Edit:
    start: int
    end: int
    original: str
    replacement: str
    rule: str
    reason: str
    absorbs: tuple = field(default=(), repr=False)  # ids of token edits already rendered into this one
    # In a RewriteResult: the edit's position in ``edits`` (what the UI and the API accept); while the rules and the
    # guard run: a candidate id unique within one pass (what ``absorbs`` and ``requires`` refer to).
    id: int = field(default=-1, repr=False)
    requires: tuple = field(default=(), repr=False)  # ids of token edits this one assumes (a copied verb form)

    def to_dict(self) -> dict:
        return {"id": self.id, "start": self.start, "end": self.end, "original": self.original,
                "replacement": self.replacement, "rule": self.rule, "reason": self.reason}


@dataclass
class Rejection:
    """An edit the guard dropped, with the reason in Finnish. ``check``: facts | unknown_word | plainness | grammar |
    meaning | depends (it assumed an edit that was dropped: ``depends_on``) | whole_text (found by bisection when
    the whole text failed) | pronoun (re-addressing the learner would leave a later 'hän' pointing to nobody) |
    persons (the block still speaks of the learner in the 3rd person: 'sinä' and 'opiskelija' would mix) | neural. ``pass_no``: the pass it was made in (pass-2 offsets point into the text after pass 1)."""
    edit: Edit
    reason: str
    check: str
    pass_no: int = 1
    depends_on: int | None = None

    @property
    def id(self) -> int:
        return self.edit.id

    @property
    def rule(self) -> str:
        return self.edit.rule

    def to_dict(self) -> dict:
        e = self.edit
        return {"id": e.id, "rule": e.rule, "reason": self.reason, "check": self.check, "pass": self.pass_no,
                "depends_on": self.depends_on, "start": e.start, "end": e.end, "original": e.original,
                "replacement": e.replacement, "edit_reason": e.reason}

    # Read access by key, as rejections were dicts before they were typed ('why' was the reason's key).
    def __getitem__(self, key: str):
        return self.to_dict()["reason" if key == "why" else key]


def apply_edits(text: str, edits: list[Edit], ids=None) -> str:
    """Apply non-overlapping edits (any order) to ``text``; ``ids``: only the edits with these ids (the ones a
    teacher kept)."""
    keep = None if ids is None else {int(i) for i in ids}
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        if e.start < pos or keep is not None and e.id not in keep:
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
