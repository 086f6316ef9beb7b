"""rewrite(text, record=None, glossary=None) -> RewriteResult: rule-based plain-Finnish rewrite, edit by edit,
behind an edit-local guard.

The guard judges each edit on its own: an edit that fails a check (a fact, a word Voikko does not know, the
plainness of its sentence, the meaning of its sentence) is dropped together with the edits that assume it, and every
other edit stays. When the finished text as a whole still fails a check, the offending edits are found by bisection
(the shortest prefix of the edits that fails ends with one) and dropped one by one, not the whole rewrite. Last, on
the final edits of both passes, an edit that turned a learner into 'sinä' while a 'hän' pointing to that learner
stays outside it is dropped (check 'pronoun'), and so are the 'sinä' edits of a block that still speaks of the
learner in the 3rd person elsewhere (check 'persons'). Each dropped edit is reported as a typed Rejection with its
reason in Finnish."""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from ..settings import REWRITING
from ..text import clean_text, validate_text
from . import guard
from .edits import Edit, Rejection, apply_edits, compose_edits
from .guard import GuardChecks, compute_checks, passes_check
from .rules import RULES, SENTENCE_RULES, TOKEN_RULES, Context, meaning_allowance, plainness_allowance

SECOND_PASS_RULES = ("passive_to_2sg", *SENTENCE_RULES)
LEXICAL_KINDS = ("jargon", "abbreviation", "loanword", "empty_phrase", "rare_word")
# Whole-text bisection: at most this many offenders are searched for; a text that still fails after that keeps
# none of the edits of that pass (each search costs about log2(edits) whole-text checks).
MAX_WHOLE_TEXT_OFFENDERS = 6
MEANING_ROUNDS = 4

__all__ = ["GuardChecks", "Rejection", "RewriteResult", "candidate_edits", "compute_checks", "passes_check",
           "rewrite", "rule_rewrite", "run_guard"]


@dataclass
class RewriteResult:
    original: str
    rewrite: str
    edits: list[Edit]
    checks: GuardChecks
    notes: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    card: dict[str, str] | None = None
    card_markdown: str = ""
    backend: str = "rules"

    def to_dict(self) -> dict:
        return {"original": self.original, "rewrite": self.rewrite, "edits": [e.to_dict() for e in self.edits],
                "checks": self.checks.to_dict(), "notes": self.notes,
                "rejected": [r.to_dict() for r in self.rejected], "card": self.card,
                "card_markdown": self.card_markdown, "backend": self.backend}


def candidate_edits(text: str, rules=None, glossary=None):
    """Parse once and run the rules; returns (context, sentence edits, token edits), every edit with an id unique
    in this pass (token edits first, in text order)."""
    a, report = guard.analysis_report(text, glossary)
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
    ctx.token_edits = [e for e in chosen if _cheap_problem(text, e) is None]
    sentence_edits: list[Edit] = []
    for name in SENTENCE_RULES:
        if name in names:
            sentence_edits += RULES[name](ctx)
    for n, e in enumerate(sentence_edits, start=len(chosen)):
        e.id = n
    return ctx, sentence_edits, chosen


def _cheap_problem(text: str, e: Edit) -> tuple[str, str] | None:
    """(check, Finnish reason) when the edit alone changes a fact or adds a word Voikko does not know."""
    problems = guard.fact_problems(e.original, e.replacement, context=text)
    if problems:
        return "facts", "Tosiasia muuttuisi: " + "; ".join(problems)
    unknown = guard.unknown_words_added(text, e.replacement)
    if unknown:
        return "unknown_word", "Sana, jota Voikko ei tunne: " + ", ".join(unknown)
    return None


def _window(ctx: Context, e: Edit) -> tuple[int, int]:
    sents = [s for s in ctx.analysis.sentences if s.start < max(e.end, e.start + 1) and e.start < s.end]
    if not sents:
        return e.start, e.end
    return min(s.start for s in sents), max(s.end for s in sents)


def _shift(e: Edit, d: int) -> Edit:
    return Edit(e.start + d, e.end + d, e.original, e.replacement, e.rule, e.reason)


def _check_edit(ctx: Context, accepted: list[Edit], e: Edit, glossary=None) -> tuple[str, str] | None:
    """(check, Finnish reason) when the edit must be rolled back, or None. The plainness check scores only the
    edit's own sentence(s), with the edits accepted there before it, and never runs the input checks."""
    cheap = _cheap_problem(ctx.text, e)
    if cheap:
        return cheap
    ws, we = _window(ctx, e)
    inside = [x for x in accepted if ws <= x.start and x.end <= we]
    before = apply_edits(ctx.text[ws:we], [_shift(x, -ws) for x in inside])
    after = apply_edits(ctx.text[ws:we], [_shift(x, -ws) for x in inside + [e]])
    s0, s1 = guard.plainness(before, glossary), guard.plainness(after, glossary)
    if s1 < s0 - REWRITING.score_tolerance - plainness_allowance(e.rule):
        return "plainness", f"Selkeyspisteet laskisivat ({s0:.0f} → {s1:.0f})."
    grammar = guard.grammar_problems(before, after)
    if grammar:
        return "grammar", "Kieliopin tarkistin löytäisi uuden virheen: " + "; ".join(grammar[:3])
    return None


def meaning_thresholds(text: str, edits: list[Edit]) -> list[float]:
    """The meaning threshold of each sentence of ``text`` (guard.split_sentences units) under ``edits``: the same
    allowance per rule as the edit-local check, so that the whole-text check does not undo what it let through."""
    return [REWRITING.meaning_threshold - meaning_allowance(edits, s, e) for s, e in guard.sentence_spans(text)]


def _prefetch_plainness(ctx: Context, edits: list[Edit], glossary=None) -> None:
    """Score the sentence window of every edit that passes the cheap checks, before and after it alone, in one parse
    batch: most edits are checked exactly so (no other accepted edit in their window)."""
    windows = []
    for e in edits:
        if _cheap_problem(ctx.text, e) is None:
            ws, we = _window(ctx, e)
            windows += [ctx.text[ws:we], apply_edits(ctx.text[ws:we], [_shift(e, -ws)])]
    if windows:
        guard.plainness_many(windows, glossary)


def _allowances(text: str, edits: list[Edit]) -> dict:
    """compute_checks arguments that give the whole text the allowances its edits had one by one: the meaning
    threshold per sentence and the largest score allowance of their rules."""
    return {"thresholds": meaning_thresholds(text, edits),
            "score_allowance": max((plainness_allowance(e.rule) for e in edits), default=0.0)}


def _overlaps(e: Edit, others: list[Edit]) -> bool:
    return any(e.start < o.end and o.start < e.end or (e.start == e.end == o.start) for o in others)


def _drop_unmet(accepted: list[Edit], rejected: list[Rejection], pass_no: int = 1) -> None:
    """Roll back the edits that assume an edit no longer accepted ('Perehdyt myös ...' after the verb stayed
    'perehdytään'), transitively."""
    while True:
        ids = {x.id for x in accepted if x.id >= 0}
        bad = [x for x in accepted if x.requires and not set(x.requires) <= ids]
        if not bad:
            return
        for x in bad:
            accepted.remove(x)
            missing = min(set(x.requires) - ids)
            rejected.append(Rejection(x, "Muutos nojasi toiseen muutokseen, joka hylättiin.", "depends", pass_no,
                                      depends_on=missing))


def _drop(accepted: list[Edit], rejected: list[Rejection], e: Edit, reason: str, check: str, pass_no: int) -> None:
    """Drop one edit and everything that assumed it."""
    accepted.remove(e)
    rejected.append(Rejection(e, reason, check, pass_no))
    _drop_unmet(accepted, rejected, pass_no)


def run_guard(ctx: Context, sentence_edits: list[Edit], token_edits: list[Edit], meaning: bool = True,
              glossary=None, pass_no: int = 1):
    """Edit by edit: sentence edits first, then the token edits they did not absorb. Returns (accepted edits,
    rejections, sentence coverage of the accepted edits or None)."""
    accepted: list[Edit] = []
    rejected: list[Rejection] = []
    absorbed: set[int] = set()
    _prefetch_plainness(ctx, sentence_edits + token_edits, glossary)
    for e in sentence_edits:
        if _overlaps(e, accepted):
            continue
        why = _check_edit(ctx, accepted, e, glossary)
        if why:
            rejected.append(Rejection(e, why[1], why[0], pass_no))
            continue
        accepted.append(e)
        absorbed.update(e.absorbs)
    for e in token_edits:
        if e.id in absorbed or _overlaps(e, accepted):
            continue
        why = _check_edit(ctx, accepted, e, glossary)
        if why:
            rejected.append(Rejection(e, why[1], why[0], pass_no))
            continue
        accepted.append(e)
    _drop_unmet(accepted, rejected, pass_no)
    by_id = {e.id: e for e in token_edits}

    def readmit(dropped: Edit) -> None:
        """A dropped sentence edit gives back the token edits it had rendered, each checked again on its own."""
        for i in dropped.absorbs:
            t = by_id.get(i)
            if t is not None and not _overlaps(t, accepted) and _check_edit(ctx, accepted, t, glossary) is None:
                accepted.append(t)

    coverage = _meaning_guard(ctx.text, accepted, rejected, pass_no, readmit) if meaning and accepted else None
    accepted.sort(key=lambda e: e.start)
    return accepted, rejected, coverage


def _meaning_guard(text: str, accepted: list[Edit], rejected: list[Rejection], pass_no: int,
                   readmit=None) -> dict | None:
    """Every original sentence must stay covered (e5). In a sentence that is not, drop its largest edit and look
    again (the other edits of the sentence usually carry no blame; a dropped sentence edit gives its token edits
    back through ``readmit``), a few rounds; all sentences in one batch."""
    coverage = None
    spans = guard.sentence_spans(text)
    for _ in range(MEANING_ROUNDS):
        if not accepted:
            return None
        limits = meaning_thresholds(text, accepted)
        coverage = guard.sentence_coverage(text, apply_edits(text, accepted), thresholds=limits)
        bad = [i for i, b in enumerate(coverage["best"]) if i < len(spans) and b < limits[i]]
        culprits = []
        for i in bad:
            s, t = spans[i]
            inside = [x for x in accepted if x.start < t and s < x.end]
            largest = max(inside, key=lambda x: (len(x.original) + len(x.replacement), x.start)) if inside else None
            if largest is not None and all(largest is not c for c in culprits):
                culprits.append(largest)
        if not culprits:
            return coverage
        for x in culprits:
            if any(x is a for a in accepted):
                score = min(coverage["best"][i] for i in bad if spans[i][0] < x.end and x.start < spans[i][1])
                _drop(accepted, rejected, x, f"Merkitys muuttuisi liikaa (virkkeen e5-samankaltaisuus {score:.2f}, "
                                             f"raja {REWRITING.meaning_threshold}).", "meaning", pass_no)
                if readmit and x.absorbs:
                    readmit(x)
    if not accepted:
        return None
    return guard.sentence_coverage(text, apply_edits(text, accepted), thresholds=meaning_thresholds(text, accepted))


def whole_text_offenders(edits: list[Edit], problems_of, pass_no: int = 1):
    """Edits whose whole text fails (``problems_of(subset) -> list of Finnish reasons``): find the offenders by
    bisection instead of discarding everything. With the edits in text order, the shortest failing prefix ends with
    an offender; drop it (and what assumes it), then look again. Returns (kept edits, rejections)."""
    kept = sorted(edits, key=lambda e: e.start)
    rejected: list[Rejection] = []
    by_id = {e.id: e for e in kept if e.id >= 0}

    def closed(prefix: list[Edit]) -> list[Edit]:  # a prefix with the edits its edits assume
        need = {i for e in prefix for i in e.requires if i in by_id and by_id[i] in kept}
        return prefix + [by_id[i] for i in need if by_id[i] not in prefix]

    for _ in range(MAX_WHOLE_TEXT_OFFENDERS):
        why = problems_of(kept) if kept else []
        if not why:
            return kept, rejected
        lo, hi, hi_why = 0, len(kept), why  # the prefix of lo edits passes, that of hi fails
        while hi - lo > 1:
            mid = (lo + hi) // 2
            mid_why = problems_of(closed(kept[:mid]))
            if mid_why:
                hi, hi_why = mid, mid_why
            else:
                lo = mid
        _drop(kept, rejected, kept[hi - 1], "Koko tekstin tarkistus: " + "; ".join(hi_why) + ".", "whole_text",
              pass_no)
    if kept and problems_of(kept):
        why = "; ".join(problems_of(kept))
        rejected += [Rejection(e, f"Koko tekstin tarkistus: {why}.", "whole_text", pass_no) for e in kept]
        kept = []
    return kept, rejected


def rule_rewrite(text: str, rules=None, meaning: bool = True, passes: int | None = None,
                 glossary=None) -> RewriteResult:
    """Run the rules, then the structural rules again on the result (a sentence split in pass 1 may leave a part
    that a pass-2 rule can split or re-address). Every pass is guarded edit by edit; of pass 2 only the edits with
    which the whole still passes every check against the original are kept."""
    text = clean_text(text)  # the parse drops control characters; unclean, every offset after one would be off
    # (a requirement text with '\x8a\x8a' got 'vamma-alueell' + 'parhaan' + 'en': found on the dev texts)
    result = _rule_pass(text, rules, meaning, glossary)
    for pass_no in range(2, (passes or REWRITING.passes) + 1):
        if not result.edits or rules is not None and not set(rules) & set(SECOND_PASS_RULES):
            break
        if not any(set(e.rule.split("+")) & set(SENTENCE_RULES) for e in result.edits):
            break  # no sentence was restructured: pass 2 would see what pass 1 saw (0 of 23 real texts changed)
        names = [r for r in SECOND_PASS_RULES if rules is None or r in rules]
        second = _rule_pass(result.rewrite, names, meaning, glossary, pass_no)
        result.rejected += second.rejected
        if not second.edits:
            break

        def problems_of(subset, first=result.edits):
            edits = compose_edits(text, first, subset)
            return passes_check(compute_checks(text, apply_edits(text, edits), glossary=glossary,
                                               **_allowances(text, edits)))

        kept, rejected = whole_text_offenders(second.edits, problems_of, pass_no)
        result.rejected += rejected
        if not kept:
            break
        edits = compose_edits(text, result.edits, kept)
        new = apply_edits(text, edits)
        result = RewriteResult(original=text, rewrite=new, edits=edits,
                               checks=compute_checks(text, new, glossary=glossary,
                                                     **_allowances(text, edits)),
                               notes=result.notes, rejected=result.rejected)
    if _drop_dangling_pronouns(text, result.edits, result.rejected, glossary) | \
            _drop_mixed_persons(text, result.edits, result.rejected, glossary):
        result.rewrite = apply_edits(text, result.edits)
        result.checks = compute_checks(text, result.rewrite, glossary=glossary,
                                       **_allowances(text, result.edits))
    _number(result)
    return result


def _drop_dangling_pronouns(text: str, edits: list[Edit], rejected: list[Rejection], glossary=None) -> bool:
    """On the final edits (after the guard, the whole-text checks and both passes): drop an edit that turned a
    learner into 'sinä' while a 'hän' pointing to that learner stays outside it ('Kurssin jälkeen olet tietoinen X.
    Hän ymmärtää Y.': 'hän' would point to nobody). The learner rules carry such 'hän' sentences along in the same
    edit; this catches what a rule did not (another rule's edit, or a 'hän' sentence that another edit took).
    Returns whether anything was dropped."""
    if not edits or not re.search(r"\bhän", text, re.IGNORECASE):
        return False  # (no 'hän' form, nothing to look at: most texts)
    from .rules.person import dangling_pronouns

    analysis, _ = guard.analysis_report(text, glossary)  # (cached: the parse pass 1 read)
    dropped = False
    for e, han in dangling_pronouns(text, analysis, edits):
        if any(e is x for x in edits):
            # (removed alone: the final edits mix the ids of both passes, and nothing assumes a sentence edit)
            edits[:] = [x for x in edits if x is not e]
            rejected.append(Rejection(e, f"Lukijan puhuttelu jättäisi myöhemmän sanan \"{han.text}\" ilman ketään, "
                                         "johon se viittaa: virke jää ennalleen, jotta persoonat eivät sekoitu.",
                                      "pronoun", 1))
            dropped = True
    return dropped


MIXED_PERSON_ROUNDS = 3


def _drop_mixed_persons(text: str, edits: list[Edit], rejected: list[Rejection], glossary=None) -> bool:
    """On the final edits: in a block (person_blocks: between blank lines and headings; a converted list stays in
    the block of its heading) where edits address the learner as 'sinä' while the learner stays in the 3rd person
    ('Opiskelija osaa X. Ymmärrät Y.', 'Opiskelijat suorittavat X' beside 'Aloitat Y': rewrite review 14; 'rohkaista
    opiskelijaa ... Tutustut', 'Kurssilla opitaan X. Opettelet Y. Harjoitellaan Z.': review 15, both reviewers), the
    'sinä' edits of that block are dropped (check 'persons'): the learner sentences that stayed had been refused by
    their rule or the guard, so the block keeps the text's own person. Other blocks keep theirs.
    Returns whether anything was dropped."""
    if not edits:
        return False
    from .rules.person import mixed_person_blocks

    def analysis_of(final: str):
        return guard.analysis_report(final, glossary)[0]  # (cached: the final checks parsed this text)

    dropped = False
    for _ in range(MIXED_PERSON_ROUNDS):  # a dropped edit that spans two blocks may bring a learner back into both
        blocks = mixed_person_blocks(text, edits, analysis_of)  # (one entry per block of the final text)
        if not blocks:
            break
        for b in blocks:
            third = ", ".join(dict.fromkeys(f'"{w.text}"' for w in b["third"]))
            passive, person = "passive" in b["kinds"], bool(set(b["kinds"]) - {"passive", "list", "we"})
            how = ("opiskelijasta puhutaan yhä 3. persoonassa ja hänen toiminnastaan passiivissa" if passive and person
                   else "opiskelijan toiminnasta kerrotaan yhä passiivissa" if passive
                   else "opiskelijasta puhutaan yhä 3. persoonassa" if person
                   else "kurssista kerrotaan yhä me-muodossa")
            other = "me" if set(b["kinds"]) <= {"we", "list"} else "opiskelija"
            for e in b["edits"]:
                if any(e is x for x in edits):
                    edits[:] = [x for x in edits if x is not e]
                    rejected.append(Rejection(
                        e, f"Samassa kappaleessa {how} ({third}): virke jää ennalleen, "
                           f"jotta kappaleessa ei sekoitu \"sinä\" ja \"{other}\".", "persons", 1))
                    dropped = True
    return dropped


def _number(result: RewriteResult) -> None:
    """Final ids: the kept edits 0..n-1 in text order (what the UI and the API take), the rejections after them;
    ``depends_on`` follows its edit to the new id."""
    result.edits.sort(key=lambda e: e.start)
    for n, e in enumerate(result.edits):
        e.id = n
    first_new_id: dict[tuple[int, int], int] = {}
    for n, r in enumerate(result.rejected, start=len(result.edits)):
        first_new_id.setdefault((r.pass_no, r.edit.id), n)
        r.edit.id = n
    for r in result.rejected:
        if r.depends_on is not None:
            r.depends_on = first_new_id.get((r.pass_no, r.depends_on))


def _rule_pass(text: str, rules=None, meaning: bool = True, glossary=None, pass_no: int = 1) -> RewriteResult:
    ctx, sentence_edits, token_edits = candidate_edits(text, rules, glossary)
    accepted, rejected, coverage = run_guard(ctx, sentence_edits, token_edits, meaning, glossary, pass_no)
    notes = []
    checks = compute_checks(text, apply_edits(text, accepted), coverage, before=ctx.report, glossary=glossary,
                            **_allowances(text, accepted))
    if accepted and passes_check(checks):  # the whole fails although each edit passed: find the edits to blame
        def problems_of(subset):
            new = apply_edits(text, subset)
            return passes_check(compute_checks(text, new, before=ctx.report, glossary=glossary,
                                               **_allowances(text, subset)))

        n_before = len(rejected)
        accepted, more = whole_text_offenders(accepted, problems_of, pass_no)
        rejected += more
        if more:
            notes.append(f"Koko tekstin tarkistus hylkäsi {len(more)} muutosta; muut {len(accepted)} pidettiin.")
        checks = compute_checks(text, apply_edits(text, accepted), before=ctx.report, glossary=glossary,
                                **_allowances(text, accepted)) if len(rejected) > n_before else checks
    if not accepted:
        lexical = [f for f in ctx.report.details if f.kind in LEXICAL_KINDS]
        if not lexical and not sentence_edits and not token_edits:
            notes.append("Tekstissä ei ole ammattikieltä eikä muutettavia rakenteita: teksti palautetaan "
                         "sellaisenaan.")
        else:
            notes.append("Yksikään muutos ei läpäissyt tarkistusta: teksti palautetaan sellaisenaan.")
    return RewriteResult(original=text, rewrite=apply_edits(text, accepted), edits=accepted, checks=checks,
                         notes=notes, rejected=rejected)


def rewrite(text: str, record=None, backend: str | None = None, glossary=None, **backend_options) -> RewriteResult:
    """Plain-Finnish rewrite of a course description, edit by edit, each explained and checked. ``glossary``: the
    organisation's own terms (accepted terms are never replaced).

    >>> rewrite("Opintojaksolla perehdytään lääkehoitoon.").rewrite
    'Kurssilla perehdyt lääkehoitoon.'
    """
    t0 = time.perf_counter()
    if record is not None and not text:
        text = (record.get("description") if isinstance(record, dict) else getattr(record, "description", "")) or ""
    text = validate_text(text, check_language=True)  # the teacher's input; never the guard's fragments
    result = rule_rewrite(text, glossary=glossary or None)
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
    result.checks.seconds = round(elapsed, 3)
    result.checks.words_per_second = round(len(text.split()) / max(elapsed, 1e-6), 1)
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
    edit = Edit(0, len(text), text, candidate, f"neural:{backend}", "Kielimallin selkeyttämä versio (tarkistettu).")
    if why:
        rules_result.notes.append(f"Kielimallin ({backend}) ehdotus hylättiin: " + "; ".join(why) +
                                  ". Käytetään sääntöpohjaista versiota.")
        edit.id = len(rules_result.edits) + len(rules_result.rejected)
        rules_result.rejected.append(Rejection(edit, "Kielimallin ehdotus: " + "; ".join(why), "neural"))
        return rules_result
    edit.id = 0
    return RewriteResult(original=text, rewrite=candidate, edits=[edit], checks=checks,
                         notes=[f"Versio on kielimallin ({backend}) tekemä ja läpäisi tarkistukset."],
                         backend=backend)
