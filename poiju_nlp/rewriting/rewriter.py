"""rewrite(text, record=None) -> RewriteResult: rule-based plain-Finnish rewrite, edit by edit, behind the guard."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import lru_cache

from ..scoring import score, score_analysis
from ..settings import REWRITING
from ..text import analyze, validate_text
from . import guard
from .edits import Edit, apply_edits, compose_edits
from .rules import RULES, SENTENCE_RULES, TOKEN_RULES, Context

SECOND_PASS_RULES = ("passive_to_2sg", *SENTENCE_RULES)
LEXICAL_KINDS = ("jargon", "abbreviation", "loanword", "empty_phrase", "rare_word")


@dataclass
class RewriteResult:
    original: str
    rewrite: str
    edits: list[Edit]
    checks: dict
    notes: list[str] = field(default_factory=list)
    rejected: list[dict] = field(default_factory=list)
    card: dict[str, str] | None = None
    card_markdown: str = ""
    backend: str = "rules"

    def to_dict(self) -> dict:
        return {"original": self.original, "rewrite": self.rewrite, "edits": [e.to_dict() for e in self.edits],
                "checks": self.checks, "notes": self.notes, "rejected": self.rejected, "card": self.card,
                "card_markdown": self.card_markdown, "backend": self.backend}


@lru_cache(maxsize=4096)
def _plainness(text: str) -> float:
    return score(text).score if text.strip() else 100.0


def candidate_edits(text: str, rules=None):
    """Run the rules; returns (context, sentence edits, token edits)."""
    a = analyze(text, check_language=False)
    report = score_analysis(a)
    ctx = Context(text=text, analysis=a, report=report)
    names = rules or list(RULES)
    token_edits: list[Edit] = []
    for name in TOKEN_RULES:
        if name in names:
            token_edits += RULES[name](ctx)
    # one edit per place: explanations and abbreviations win over a plain replacement of the same word
    token_edits.sort(key=lambda e: (e.start, {"explain": 0, "abbreviation": 1, "passive_to_2sg": 2}.get(e.rule, 3)))
    chosen: list[Edit] = []
    for e in token_edits:
        if chosen and e.start < chosen[-1].end:
            continue
        chosen.append(e)
    for n, e in enumerate(chosen):
        e.id = n
    # sentence rules render only token edits that can pass the cheap checks: one bad inflection ('tauhun') must
    # not sink a whole sentence edit (the bad edit is still offered to the guard, which rejects it with a reason)
    allowed = guard.allowed_hours(text)
    ctx.token_edits = [e for e in chosen if not guard.unknown_words_added(text, e.replacement)
                       and not guard.fact_problems(e.original, e.replacement, allowed)]
    sentence_edits: list[Edit] = []
    for name in SENTENCE_RULES:
        if name in names:
            sentence_edits += RULES[name](ctx)
    return ctx, sentence_edits, chosen


def _window(ctx: Context, e: Edit) -> tuple[int, int]:
    sents = [s for s in ctx.analysis.sentences if s.start < max(e.end, e.start + 1) and e.start < s.end]
    if not sents:
        return e.start, e.end
    return min(s.start for s in sents), max(s.end for s in sents)


def _check_edit(ctx: Context, accepted: list[Edit], e: Edit) -> str | None:
    """Why the edit must be rolled back (Finnish), or None."""
    problems = guard.fact_problems(e.original, e.replacement, guard.allowed_hours(ctx.text))
    if problems:
        return "Tosiasia muuttuisi: " + "; ".join(problems)
    unknown = guard.unknown_words_added(ctx.text, e.replacement)
    if unknown:
        return "Sana, jota Voikko ei tunne: " + ", ".join(unknown)
    ws, we = _window(ctx, e)
    inside = [x for x in accepted if ws <= x.start and x.end <= we]
    before = apply_edits(ctx.text[ws:we], [_shift(x, -ws) for x in inside])
    after = apply_edits(ctx.text[ws:we], [_shift(x, -ws) for x in inside + [e]])
    s0, s1 = _plainness(before), _plainness(after)
    tolerance = REWRITING.score_tolerance
    if s1 < s0 - tolerance:
        return f"Selkeyspisteet laskisivat ({s0:.0f} → {s1:.0f})."
    return None


def _shift(e: Edit, d: int) -> Edit:
    return Edit(e.start + d, e.end + d, e.original, e.replacement, e.rule, e.reason)


def _overlaps(e: Edit, others: list[Edit]) -> bool:
    return any(e.start < o.end and o.start < e.end or (e.start == e.end == o.start) for o in others)


def _drop_unmet(accepted: list[Edit], rejected: list[dict]) -> None:
    """Roll back a sentence edit whose assumed token edit was rolled back ('Perehdyt myös ...' after the verb
    stayed 'perehdytään')."""
    while True:
        ids = {x.id for x in accepted if x.id >= 0}
        bad = [x for x in accepted if x.requires and not set(x.requires) <= ids]
        if not bad:
            return
        for x in bad:
            accepted.remove(x)
            rejected.append({**x.to_dict(), "why": "Muutos nojasi toiseen muutokseen, joka hylättiin."})


def run_guard(ctx: Context, sentence_edits: list[Edit], token_edits: list[Edit], meaning: bool = True):
    accepted: list[Edit] = []
    rejected: list[dict] = []
    absorbed: set[int] = set()
    for e in sentence_edits:
        if _overlaps(e, accepted):
            continue
        why = _check_edit(ctx, accepted, e)
        if why:
            rejected.append({**e.to_dict(), "why": why})
            continue
        accepted.append(e)
        absorbed.update(e.absorbs)
    for e in token_edits:
        if e.id in absorbed or _overlaps(e, accepted):
            continue
        why = _check_edit(ctx, accepted, e)
        if why:
            rejected.append({**e.to_dict(), "why": why})
            continue
        accepted.append(e)
    _drop_unmet(accepted, rejected)
    coverage = None
    if meaning and accepted:
        for _ in range(3):
            text = apply_edits(ctx.text, accepted)
            coverage = guard.sentence_coverage(ctx.text, text)
            bad = [i for i, b in enumerate(coverage["best"]) if b < REWRITING.meaning_threshold]
            if not bad:
                break
            spans = guard.sentence_spans(ctx.text)
            drop = []
            for i in bad:
                if i < len(spans):
                    s, t = spans[i]
                    drop += [x for x in accepted if x.start < t and s < x.end and x not in drop]
            if not drop:
                break
            for x in drop:
                accepted.remove(x)
                rejected.append({**x.to_dict(), "why": "Merkitys muuttuisi liikaa (virkkeen e5-samankaltaisuus "
                                                      f"alle {REWRITING.meaning_threshold})."})
            _drop_unmet(accepted, rejected)
    accepted.sort(key=lambda e: e.start)
    return accepted, rejected, coverage


def compute_checks(original: str, rewrite_text: str, coverage: dict | None = None) -> dict:
    """Every check of the guard on a finished candidate."""
    before, after = score(original), (score(rewrite_text) if rewrite_text.strip() else None)
    if coverage is None:
        coverage = guard.sentence_coverage(original, rewrite_text) if original != rewrite_text else None
    problems = guard.fact_problems(original, rewrite_text)
    unknown = guard.unknown_words_added(original, rewrite_text)
    n0, n1 = len(original.split()), len(rewrite_text.split())
    best = coverage["best"] if coverage else [1.0] * len(guard.split_sentences(original))
    covered = sum(b >= REWRITING.meaning_threshold for b in best)
    return {
        "meaning_similarity": round(coverage["mean"], 4) if coverage else 1.0,
        "meaning_min_sentence": round(coverage["min"], 4) if coverage else 1.0,
        "meaning_whole_text": round(coverage["whole"], 4) if coverage else 1.0,
        "meaning_threshold": REWRITING.meaning_threshold,
        "sentences_covered": f"{covered}/{len(best)}",
        "meaning_preserved": covered == len(best),
        "facts_preserved": not problems,
        "fact_problems": problems,
        "unknown_words_added": unknown,
        "score_before": before.score,
        "score_after": after.score if after else 0.0,
        "lix_before": round(before.metrics["lix"], 1),
        "lix_after": round(after.metrics["lix"], 1) if after else 0.0,
        "length_ratio": round(n1 / max(1, n0), 3),
    }


def passes_check(checks: dict) -> list[str]:
    """Reasons (Finnish) why a finished candidate fails the guard; empty when it passes."""
    why = []
    if not checks["facts_preserved"]:
        why.append("tosiasioita puuttuu tai muuttui (" + "; ".join(checks["fact_problems"][:5]) + ")")
    if checks["unknown_words_added"]:
        why.append("tuntemattomia sanoja: " + ", ".join(checks["unknown_words_added"][:8]))
    if checks["score_after"] < checks["score_before"]:
        why.append(f"selkeys heikkeni ({checks['score_before']:.0f} → {checks['score_after']:.0f})")
    if not checks["meaning_preserved"]:
        why.append(f"merkitys muuttui: katettuja virkkeitä {checks['sentences_covered']}")
    return why


def rule_rewrite(text: str, rules=None, meaning: bool = True, passes: int | None = None) -> RewriteResult:
    """Run the rules, then the structural rules again on the result (a sentence split in pass 1 may leave a part
    that a pass-2 rule can split or re-address). Every pass is guarded; pass 2 is kept only when the whole still
    passes every check against the original."""
    result = _rule_pass(text, rules, meaning)
    for _ in range((passes or REWRITING.passes) - 1):
        if not result.edits or rules is not None and not set(rules) & set(SECOND_PASS_RULES):
            break
        names = [r for r in SECOND_PASS_RULES if rules is None or r in rules]
        second = _rule_pass(result.rewrite, names, meaning)
        if not second.edits:
            break
        edits = compose_edits(text, result.edits, second.edits)
        new = apply_edits(text, edits)
        checks = compute_checks(text, new)
        if passes_check(checks):
            break
        result = RewriteResult(original=text, rewrite=new, edits=edits, checks=checks, notes=result.notes,
                               rejected=result.rejected + [{**r, "pass": 2} for r in second.rejected])
    return result


def _rule_pass(text: str, rules=None, meaning: bool = True) -> RewriteResult:
    ctx, sentence_edits, token_edits = candidate_edits(text, rules)
    accepted, rejected, coverage = run_guard(ctx, sentence_edits, token_edits, meaning=meaning)
    new = apply_edits(text, accepted)
    notes = []
    if not accepted:
        lexical = [f for f in ctx.report.details if f.kind in LEXICAL_KINDS]
        if not lexical and not sentence_edits and not token_edits:
            notes.append("Tekstissä ei ole ammattikieltä eikä muutettavia rakenteita: teksti palautetaan "
                         "sellaisenaan.")
        else:
            notes.append("Yksikään muutos ei läpäissyt tarkistusta: teksti palautetaan sellaisenaan.")
        new = text
    checks = compute_checks(text, new, coverage if accepted else None)
    if accepted and passes_check(checks):  # the whole is worse than its parts: keep the original
        notes.append("Muutokset hylättiin kokonaisuutena: " + "; ".join(passes_check(checks)) + ".")
        rejected += [{**e.to_dict(), "why": "kokonaistarkistus"} for e in accepted]
        accepted, new = [], text
        checks = compute_checks(text, text)
    return RewriteResult(original=text, rewrite=new, edits=accepted, checks=checks, notes=notes, rejected=rejected)


def rewrite(text: str, record=None, backend: str | None = None, **backend_options) -> RewriteResult:
    """Plain-Finnish rewrite of a course description, edit by edit, each explained and checked.

    >>> rewrite("Opintojaksolla perehdytään lääkehoitoon.").rewrite
    'Kurssilla opit lääkehoitoa.'
    """
    t0 = time.perf_counter()
    if record is not None and not text:
        text = (record.get("description") if isinstance(record, dict) else getattr(record, "description", "")) or ""
    text = validate_text(text, check_language=True)
    result = rule_rewrite(text)
    backend = backend or REWRITING.backend
    if backend and backend != "rules":
        from .backends import generate

        result = _neural(text, result, backend, generate, backend_options)
    if record is not None:
        from .card import card_markdown, course_card

        title = record.get("title", "") if isinstance(record, dict) else getattr(record, "title", "")
        result.card = course_card(record, rewrite_text=_plain_field)
        result.card_markdown = card_markdown(result.card, title)
    elapsed = time.perf_counter() - t0
    result.checks["seconds"] = round(elapsed, 3)
    result.checks["words_per_second"] = round(len(text.split()) / max(elapsed, 1e-6), 1)
    return result


def _plain_field(s: str) -> str:
    try:
        return rule_rewrite(s, meaning=False).rewrite if len(s.split()) >= 3 else s
    except Exception:  # a card field is never worth failing the whole card
        return s


def _neural(text: str, rules_result: RewriteResult, backend: str, generate, options) -> RewriteResult:
    try:
        candidate = generate(text, backend=backend, **options)
    except Exception as err:
        rules_result.notes.append(f"Kielimalli ({backend}) ei vastannut ({type(err).__name__}): käytetään "
                                  "sääntöpohjaista versiota.")
        return rules_result
    candidate = (candidate or "").strip()
    checks = compute_checks(text, candidate) if candidate else None
    why = passes_check(checks) if checks else ["tyhjä vastaus"]
    if why:
        rules_result.notes.append(f"Kielimallin ({backend}) ehdotus hylättiin: " + "; ".join(why) +
                                  ". Käytetään sääntöpohjaista versiota.")
        rules_result.rejected.append({"start": 0, "end": len(text), "original": text, "replacement": candidate,
                                      "rule": f"neural:{backend}", "reason": "kielimallin ehdotus",
                                      "why": "; ".join(why)})
        return rules_result
    edit = Edit(0, len(text), text, candidate, f"neural:{backend}", "Kielimallin selkeyttämä versio (tarkistettu).")
    return RewriteResult(original=text, rewrite=candidate, edits=[edit], checks=checks,
                         notes=[f"Versio on kielimallin ({backend}) tekemä ja läpäisi tarkistukset."],
                         backend=backend)
