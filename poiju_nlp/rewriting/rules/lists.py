"""Bullet lists and list splits: 'Sisältöinä ovat A, B, C sekä D.' -> a bullet list (enumeration); 'Kurssilla
perehdyt A:han, B:hen sekä C:hen.' -> 'Kurssilla perehdyt A:han ja B:hen. Perehdyt myös C:hen.' (list_split).

A list is cut only where every item carries the case the verb governs; examples ('kuten', 'mm.', 'esimerkiksi') and
items that share a genitive or an object are left alone (a stranded 'mm.' or a broken case government fails)."""
from __future__ import annotations

import re

from ...settings import REWRITING
from ...text.analysis import Sentence, Token
from ...text.inflect import pykko_forms
from ..edits import Edit
from .base import Context, Example, Rule, cap, each_sentence, register, run_on

_WORDS = re.compile(r"[^\W\d_]+")
_EXAMPLE_WORDS = ("kuten", "esimerkiksi", "esim.", "mm.", "muun", "mm", "esim", "muassa", "muuassa")


def _item_span(toks: list[Token], item: Token, within: set[int], items: set[int]) -> tuple[int, int]:
    sub = {item.i}
    frontier = [item.i]
    while frontier:
        h = frontier.pop()
        for t in toks:
            if t.i in within and t.head == h and t.i not in sub and t.i not in items and t.dep not in ("cc", "punct"):
                sub.add(t.i)
                frontier.append(t.i)
    return min(toks[i].start for i in sub), max(toks[i].end for i in sub)


def _listable(toks: list[Token], items: list[Token], words: list[Token]) -> bool:
    """Items can stand as bullets under the lead-in: each a subject or object in the same case (nominative or
    partitive), none governed by a noun of the lead-in ('peruskäsitteet rakenteesta, ominaisuuksista ...'), and no
    genitive before the first that would belong to all ('X:n työn luonne, lähtökohdat ja mahdollisuudet')."""
    head = items[0]
    if head.dep not in ("obj", "nsubj", "nsubj:cop", "ROOT", "appos") or head.pos not in ("NOUN", "PROPN"):
        return False
    cases = {w.morph.get("Case") for w in items}
    if len(cases) != 1 or not cases <= {"Nom", "Par"}:
        return False
    if head.dep == "obj" and cases == {"Nom"}:
        return False  # a passive's object ('Harjoitellaan laskemaan ympyrän pinta-ala, ...'): with 'sinä' it needs
        # the accusative, which bullets under 'Harjoittelet laskemaan:' do not get (review 7)
    ids = {w.i for w in items}
    if any(t.lemma.lower() in ("se", "ne", "tämä", "nämä") and t.pos in ("PRON", "DET") and t.i > head.i
           and t.i not in ids for t in words):
        return False  # an item pointing back to another ('oman työn dokumentointi ja sen esittäminen', 'alan
        # liiketoimintaa ja siihen liittyviä mahdollisuuksia'): as its own bullet the pronoun is stranded (review 7)
    own_genitive = [any(t.head == w.i and t.i < w.i and t.morph.get("Case") == "Gen" for t in words) for w in items]
    bare = [not any(t.head == w.i and t.i < w.i and t.dep not in ("cc", "punct") for t in words) for w in items[1:]]
    if own_genitive[0] and all(bare):
        return False  # (an item with a modifier of its own shows the genitive is not shared)
    # a bare item right after one with a genitive may share it: 'konferenssiesityksen suunnittelu, jäsentäminen,
    # esittäminen ...', 'osakassopimusten tekemistä, sisältöä ja merkitystä' (review 4)
    ordered = sorted(items, key=lambda w: w.i)
    gen = {w.i: g for w, g in zip(items, own_genitive)}
    if any(gen[a.i] and not any(t.head == b.i and t.dep not in ("cc", "punct") for t in words)
           for a, b in zip(ordered, ordered[1:])):
        return False
    # bare items before a last one with words after it may share them: 'tietoa, taitoa ja tahtoa osallistua X:ään'
    # (review 7 sample: '- tietoa' / '- taitoa' / '- tahtoa osallistua ...')
    if all(not any(t.head == w.i and t.dep not in ("cc", "punct") and t.i not in ids for t in words)
           for w in ordered[:-1]) and any(t.head == ordered[-1].i and t.i > ordered[-1].i
                                          and t.dep not in ("cc", "punct") for t in words):
        return False
    # an adverb before the first item belongs to the sentence ('käsittelet myös A, B ...'): '- myös A' would not
    return not any(t.head == ordered[0].i and t.i < ordered[0].i and t.pos == "ADV" for t in words)


def _build_enumeration(ctx: Context, sent: Sentence) -> list[Edit]:
    """'Sisältöinä ovat A, B, C sekä D.' -> 'Sisältöinä ovat:' and a bullet list, when there are 4+ items."""
    edits = []
    toks = ctx.analysis.tokens
    within = set(sent.tokens)
    words = [toks[i] for i in sent.tokens]
    if sent.text.lstrip().startswith(("-", "•", "*", "–")) or run_on(ctx, sent):
        return edits  # already a bullet: a list inside it would break the list it belongs to; a run-on list
    if any(w.text.lower() in _EXAMPLE_WORDS or w.text.lower().rstrip(".") in _EXAMPLE_WORDS for w in words):
        return edits  # 'tutustutaan mm. A:han, B:hen ...': 'mm.' would be stranded before the list; also 'muun
        # muuassa' as misspelt in real text (review 6: 'Aiheina ovat:' + '- muun muuassa ihmisoikeudet')
    for head in words:
        conj = [w for w in words if w.head == head.i and w.dep == "conj" and w.i != head.i]
        if len(conj) + 1 < min(REWRITING.enumeration_min_items, REWRITING.enumeration_min_long_items):
            continue
        items = [head] + conj
        ids = {w.i for w in items}
        if not _listable(toks, items, words):
            break
        spans = [_item_span(toks, w, within, ids) for w in items]
        spans.sort()
        item_words = sum(len(_WORDS.findall(ctx.text[a:b])) for a, b in spans)
        if len(items) < REWRITING.enumeration_min_items and item_words < len(items) * REWRITING.long_item_words:
            continue  # three short items read fine in a sentence; three long ones are easier as a list
        if any(a[1] > b[0] for a, b in zip(spans, spans[1:])):
            break
        # between items only commas and one final ja/sekä/tai
        ok = True
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            gap = ctx.text[e1:s2].strip().lower()
            if gap not in (",", "ja", "sekä", "tai", ", ja", ", sekä", ", tai"):
                ok = False
        last_word = words[-1]
        trail = ctx.text[spans[-1][1]:sent.end].strip()
        if not ok or trail not in (".", "") or last_word.dep != "punct" and trail:
            break
        intro, used = ctx.render(sent.start, spans[0][0])
        intro = intro.rstrip().rstrip(":")
        under_heading = not intro.strip() and ctx.text[:sent.start].rstrip(" \t").endswith(":") \
            and ctx.text[sent.end:].split("\n", 1)[0].strip() == ""  # (a list followed by more on its line: no)
        if len(intro.split()) < 1 and not under_heading:
            break  # ('Sisältö: A, B, C ja D': the heading is the lead-in and stays as it is)
        if any("," in re.sub(r"\([^()]*\)", "", ctx.text[a:b]) for a, b in spans):
            break  # an item with a comma of its own: the parser joined two items
        # 'X:n laatimista ja ylläpitoa': a bare item after 'ja' may share the genitive of the one before
        bare = [w for w in items if not any(t.head == w.i and t.dep not in ("cc", "punct") for t in words)]
        if any(toks[w.i - 1].text.lower() in ("ja", "sekä", "tai") and w.i - 2 >= 0
               and any(t.head == toks[w.i - 2].i and t.dep.startswith("nmod") for t in words)
               for w in bare if toks[w.i - 2] in items):
            break
        lines = []
        for s, e in spans:
            item, u = ctx.render(s, e)
            used += u
            lines.append(f"- {item.strip()}")
        if under_heading and items[0].pos == "NOUN" and lines[0][2:3].isupper() and not lines[0][3:4].isupper():
            lines[0] = "- " + lines[0][2].lower() + lines[0][3:]  # 'Sisältö:' + '- sähkövaraus', like the others
        start, end = sent.start, sent.end
        while start > 0 and ctx.text[start - 1] in " \t":
            start -= 1
        while end < len(ctx.text) and ctx.text[end] in " \t":
            end += 1
        lead = "" if under_heading else ("\n" if start > 0 else "") + intro + ":"
        new = lead + "\n" + "\n".join(lines) + ("\n" if end < len(ctx.text) else "")
        edits.append(Edit(start, end, ctx.text[start:end], new, "enumeration",
                          f"Pitkä luettelo ({len(items)} kohtaa) luetelmaksi.", absorbs=used))
        break
    return edits


_CASES = ("+ill", "+ine", "+ela", "+all", "+ade", "+abl", "+par", "+ess", "+tra")


def _top_level_parts(text: str) -> list[str] | None:
    """'A, B (x, y), C sekä D' -> ['A', 'B (x, y)', 'C', 'D']: commas and the last 'sekä' (or 'ja' when there is
    no 'sekä') outside brackets; 'sää- ja olosuhderiskien' is one item."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    last = parts[-1]
    for conj in (" sekä ", " ja "):
        at = [m.start() for m in re.finditer(conj, last) if last[:m.start()].count("(") == last[:m.start()].count(")")
              and not last[:m.start()].endswith("-")]
        if at:
            parts[-1:] = [last[:at[-1]], last[at[-1] + len(conj):]]
            break
    else:
        return None
    parts = [p.strip() for p in parts]
    return parts if all(parts) else None


def _cases(word: str) -> set[str]:
    """Cases pypykko reads in a word form ('laadintaan' -> {'+ill'})."""
    return {c for f in pykko_forms(word.strip(",.").lower()) for c in _CASES if c in f}


def _item_cases(item: str) -> set[str]:
    """Cases of an item's last word (its head), an explanation in brackets left out."""
    words = re.sub(r"\s*\([^()]*\)\s*$", "", item).split()
    return _cases(words[-1]) if words else set()


def _words_cases(item: str) -> set[str]:
    """Cases of any word of an item (explanations left out)."""
    return set().union(*(_cases(w) for w in re.sub(r"\([^()]*\)", " ", item).split()))


def _build_list_split(ctx: Context, sent: Sentence) -> list[Edit]:
    """'Kurssilla perehdyt A:han, B:hen sekä C:hen.' -> 'Kurssilla perehdyt A:han ja B:hen. Perehdyt myös C:hen.';
    with four or more items a bullet list ('Kurssilla perehdyt:' + '- A' ...). Works on the surface (items in the
    same case after a 2nd person verb), so it also helps where the parser misreads a new 2nd person verb."""
    edits = []
    toks = ctx.analysis.tokens
    ws = [toks[i] for i in sent.tokens]
    words = [w for w in ws if w.is_word]
    if len(words) < REWRITING.split_min_words or "\n" in sent.text or not sent.text.endswith(".") \
            or any(w.text in ";:" for w in ws) or run_on(ctx, sent):
        return edits
    # a 2nd person verb, as written or as a token edit made it ('perehdytään' -> 'perehdyt')
    verb = next((w for w in words[:3] if "+pres+2sg" in pykko_forms(ctx.render(w.start, w.end)[0].lower())),
                None)
    if verb is None:
        return edits
    rendered_verb, used0 = ctx.render(verb.start, verb.end)
    adverbs = [w for w in ws if w.i > verb.i and w.text.lower() in ("lisäksi", "myös")]
    body_start = (adverbs[0].end if adverbs and adverbs[0].i == verb.i + 1 else verb.end)
    body, used = ctx.render(body_start, sent.end - 1)
    parts = _top_level_parts(body)
    if parts is None or len(parts) < 3:
        return edits
    # words inside an explanation ('pelastussuunnitelman (rakennuksen turvallisuusohje) laadintaa') are no items
    glossed = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", ctx.text[:sent.end])]
    inside = [w for w in ws if w.start >= body_start and not any(a <= w.start < b for a, b in glossed)]
    if any(w.morph.get("VerbForm") == "Fin" or w.morph.get("PronType") == "Rel" for w in inside):
        return edits
    if any(w.text.lower() in _EXAMPLE_WORDS for w in inside):
        return edits  # '..., kuten uneen, liikuntaan ja ravitsemukseen': examples of one item are no list
    # every item carries the case of the first item's head ('ehkäisyä, alkusammutusta, evakuointia ...')
    # only the cases a learning verb governs itself (opit X:ää, perehdyt X:ään); an elative may hang on a noun
    # the parser cannot see ('saat kokonaiskuvan A:sta, B:stä ...'), so it is left alone
    head_cases = _item_cases(parts[0]) & {"+par", "+ill"}
    if not head_cases or any(not head_cases & _words_cases(p) for p in parts[1:]):
        return edits
    first_end = body_start + len(body.split(",")[0])
    if any(w.head == verb.i and w.dep in ("obj", "nsubj", "obl", "xcomp", "advcl") and w.start < first_end
           and not ({"+" + w.morph.get("Case", "").lower()[:3]} & head_cases) for w in inside):
        return edits  # 'saat kokonaiskuvan A:sta, B:stä ja C:stä': the object belongs to every item
    if any(w.pos == "NOUN" and w.morph.get("Case") not in (None, "Gen") and w.end < first_end - 1
           and not {"+" + w.morph["Case"].lower()[:3]} & head_cases for w in inside if w.start < first_end):
        return edits  # 'vahvistat osaamistasi A:ssa, B:ssä ja C:ssä': the object belongs to every item
    prefix, used1 = ctx.render(sent.start, body_start)
    if len(parts) >= REWRITING.enumeration_min_items:
        new = prefix.rstrip() + ":\n" + "\n".join(f"- {p}" for p in parts)
        start, end = sent.start, sent.end
        if end < len(ctx.text) and ctx.text[end:end + 1] == " ":
            end += 1
            new += "\n"
        if start > 0 and ctx.text[start - 1] == " ":
            start -= 1
            new = "\n" + new
        reason = f"Pitkä luettelo ({len(parts)} kohtaa) luetelmaksi."
    else:
        half = len(parts) // 2  # 3 items: the first alone, then "B ja C" (an item may have its own "ja")
        conj = [w for w in inside if w.text.lower() in ("ja", "sekä") and w.dep == "cc"]
        last = [w for w in inside if w.is_word and conj and w.i > conj[-1].i]
        if len(last) > 1 and any(w.head == last[0].i for w in last[1:]) or len(last) > 3:
            return edits  # 'A:han, B:hen ja C:hen oman aikansa ilmentäjinä': the words after C belong to all
        if all(len(p.split()) == 1 for p in parts[half:]) and any(len(p.split()) > 1 for p in parts[:half]):
            return edits  # 'kemikaalien turvallista käsittelyä, varastointia ja hävittämistä' share 'kemikaalien'
        def join(group: list[str]) -> str:  # 'A sekä B ja C' rather than 'A ja B ja C'
            conj = " sekä " if any(" ja " in p for p in group) else " ja "
            return ", ".join(group[:-1]) + (conj if len(group) > 1 else "") + group[-1]

        left, right = join(parts[:half]), join(parts[half:])
        again = (f"Lisäksi {rendered_verb.strip().lower()}" if adverbs and adverbs[0].i == verb.i + 1
                 else f"{cap(rendered_verb.strip().lower())} myös")
        new = f"{prefix.rstrip()} {left}. {again} {right}."
        start, end = sent.start, sent.end
        reason = "Pitkä luettelo kahteen virkkeeseen: yksi asia virkkeessä."
    edits.append(Edit(start, end, ctx.text[start:end], new, "list_split", reason,
                      absorbs=used0 + used + used1))
    return edits


# a bullet that lost its line break: ' - ' or ' • ' (or ':•') before a word
_INLINE_BULLET = re.compile(r"(?:(?<=\s)|(?<=:))[-•]\s*(?=[^\W\d_])")
_CONTINUATIONS = ("ja", "tai", "sekä", "eli")  # 'kunnostus- ja - hoitotöitä' is a shared compound, no bullet
_GLUED_BULLET = re.compile(r"\w- (?!(?:ja|tai|sekä|eli|että|kuin)\b)[a-zåäö]")


# what follows the last bullet on the same line but is no part of it: a note ('Huom! ...', 'HUOM:', 'Lisätietoja
# ...', 'Katso ...') or a new sentence after a full stop ('... kirjoitusmerkkiä. Suorittamalla tämän kurssin ...');
# it was folded into the last bullet (review 10), so the list ends before it and it keeps a line of its own
_NOTE_AFTER_LIST = re.compile(r"\s(?P<note>(?:Huom|HUOM|Huomio|HUOMIO|Lisätietoja|Lisätietoa|Katso)\b|Ks\.)"
                              r"|[.!?]\s+(?P<note2>[A-ZÅÄÖ][a-zåäö])")


def _note_start(segment: str) -> int | None:
    """Where a note or a new sentence starts in the last bullet's text, if one does."""
    for m in _NOTE_AFTER_LIST.finditer(segment):
        if m.group("note"):
            return m.start("note")
        before = segment[:m.start()].split()[-1:]
        if before and (before[0].lower().strip("(") in _ABBREVIATIONS or before[0][-1:].isdigit()):
            continue  # 'esim. Excel', '2. Vaihe': no sentence end
        return m.start("note2")
    return None


_ABBREVIATIONS = {"esim", "mm", "ns", "jne", "tms", "yms", "ym", "ks", "vrt", "engl", "lyh", "n", "s", "ts", "eli",
                  "mukaan", "tm", "t", "prof", "dos", "ma", "ti", "ke", "to", "pe", "la", "su", "klo"}


def _after_verb(ctx: Context, pos: int, marks: list) -> bool:
    """Does a dash after the first one follow a verb that wants its object ('osaa asettaa - tavoitteita')? A stray
    dash inside an item, no bullet: it became a bullet of its own (review 12). The line stays as it is."""
    for m in marks[1:]:
        word = next((t for t in reversed(ctx.analysis.tokens) if t.end <= pos + m.start()), None)
        if word is not None and word.is_word and word.pos in ("VERB", "AUX") and word.morph.get("VerbForm") == "Inf":
            return True
    return False


def _genitive_before(ctx: Context, at: int) -> bool:
    """Is the word right before position ``at`` a genitive ('ilmiöiden -')? A lead of a list does not end in one."""
    word = next((t for t in reversed(ctx.analysis.tokens) if t.end <= at), None)
    return word is not None and word.is_word and word.morph.get("Case") == "Gen"


def _inline_bullet_lines(ctx: Context) -> list[tuple[int, int]]:
    """(start of the first bullet, end of line) of each line with two or more bullets that lost their line breaks
    ('Kurssin suoritettuaan opiskelija - osaa X - tuntee Y'): course pages whose HTML lists were flattened."""
    out, pos = [], 0
    for line in ctx.text.split("\n"):
        marks = [m for m in _INLINE_BULLET.finditer(line) if m.start() > 0]
        ends = [m.start() for m in marks[1:]] + [len(line)]
        segments = [line[a.end():b] for a, b in zip(marks, ends)]
        before = [line[:m.start()].split()[-1:] for m in marks]
        # an item that ends one sentence and starts another ('... töitään. Kemiallisen termodynamiikan osalta
        # opiskelija - syventää ...') holds the lead-in of another list: it would end up inside a bullet (review 3)
        holds_lead_in = any(re.search(r"[.!?:]\s+\S", seg.strip()) for seg in segments[:-1])
        # a capital inside an item that is not the last ('... neuvotteluissa Taidot - yksinkertaisten ...') is a
        # sub-heading that lost its line: it would end up inside a bullet (review 6). Names make it refuse too.
        holds_heading = any(w[:1].isupper() and not w.isupper() for seg in segments[:-1] for w in seg.split()[1:])
        # 'systeemien ja ilmiöiden - ideaalikaasun, fotonien ja kvanttikaasujen - perusominaisuuksia': two dashes
        # after a genitive are a parenthesis inside a phrase, no list (review 9)
        parenthesis = len(marks) == 2 and line[marks[0].start():marks[0].end()].startswith("-") \
            and _genitive_before(ctx, pos + marks[0].start())
        # 'etäkäyttö- tiedonhankinta ... tulostenanalysointi- perehtyminen': more bullets glued to the word before
        # them; only the spaced ones would get their lines (dev texts), so the line stays as it is
        glued = _GLUED_BULLET.search(line) or _after_verb(ctx, pos, marks)
        if len(marks) >= 2 and not parenthesis and all(len(seg.split()) >= 2 for seg in segments) and not holds_lead_in \
                and not holds_heading and not glued and not any(
                b and (b[0].lower() in _CONTINUATIONS or b[0][-1:].isdigit()) for b in before):
            start = pos + marks[0].start()
            while start > pos and ctx.text[start - 1] in " \t":
                start -= 1
            note = _note_start(segments[-1])
            end = pos + marks[-1].end() + note if note is not None else pos + len(line)
            out.append((start, end))
        pos += len(line) + 1
    return out


def _build_inline_bullets(ctx: Context, span: tuple[int, int]) -> Edit | None:
    start, end = span
    rendered, used = ctx.render(start, end)
    new = _INLINE_BULLET.sub("- ", " " + rendered.lstrip()).lstrip()
    # a bullet dash follows a space; 'työ- ja arkielämän' is a shared compound (blind review 4: 6 of 100 edits)
    new = re.sub(r"\s+- (?=[^\W\d_])", "\n- ", " " + new) if new.startswith("- ") else None
    if new is None:
        return None
    new = re.sub(r"\s+\n- ", "\n- ", new).rstrip()
    if ctx.text[end:end + 1] not in ("", "\n"):
        new += "\n"  # the note after the list keeps a line of its own: '- ... yritystoiminnassa\nHuom! ...'
    line_start = ctx.text.rfind("\n", 0, start) + 1
    if ctx.text[line_start:start].rstrip()[-1:].isalnum():
        new = ":" + new  # the lead-in ends its own line now: 'Kurssin suoritettuaan opiskelija osaa:' (a lead-in
        # line without a colon is a sentence without its full stop to the grammar checker: real benchmark, +2)
    return Edit(start, end, ctx.text[start:end], new, "inline_bullets",
                "Luettelon rivinvaihdot palautetaan: yksi asia rivillä.", absorbs=used)


INLINE_BULLETS = register(Rule(
    id="inline_bullets", label="luettelo riveille", priority=95, pass_="sentence", find=_inline_bullet_lines,
    build=_build_inline_bullets,
    # only line breaks change, every word stays: e5 reads a flattened list and its lines as less alike (0.8x)
    meaning_allowance=0.15,
    examples=(
        Example("Tuntee kurssilla käsiteltyjen systeemien ja ilmiöiden - ideaalikaasun, fotonien ja kvanttikaasujen "
                "- perusominaisuuksia, sekä osaa ratkaista niihin liittyviä yksinkertaisia statistisen fysiikan "
                "ongelmia."),  # a parenthesis between two dashes, no list (review 9)
        Example("Osaamistavoitteet: Kurssin suoritettuaan opiskelija - kykenee hakemaan luovia ratkaisuja "
                "suunnittelutehtävään - kykenee toimimaan ryhmässä erilaisissa rooleissa",
                "Osaamistavoitteet: Kurssin suoritettuaan opiskelija:\n- kykenee hakemaan luovia ratkaisuja "
                "suunnittelutehtävään\n- kykenee toimimaan ryhmässä erilaisissa rooleissa"),
        Example("Hän tekee valitun kohteen ympäristönkunnostus- ja - hoitotöitä sekä raportoi ne - aina."),
        Example("Osaamistavoitteet: Tiedot ja ymmärrys - neuvottelujen roolin kriittinen pohdinta ja arviointi - "
                "organisaatiotekijöiden huomioon ottaminen neuvotteluissa Taidot - yksinkertaisten neuvottelujen "
                "suunnittelu ja analyysi - monen osapuolen neuvottelumallien suunnittelu ja käyttö"),
        Example("Opiskelija - osaa laskea taso- ja avaruusintegraaleja - osaa keskustella työ- ja arkielämän "
                "tilanteissa",
                "Opiskelija:\n- osaa laskea taso- ja avaruusintegraaleja\n- osaa keskustella työ- ja arkielämän "
                "tilanteissa"),
        Example("Oppimistaitojen osalta opiskelija - harjaantuu itsenäisempään työskentelyyn laboratoriossa. - oppii "
                "kriittisesti arvioimaan omia töitään. Kemiallisen termodynamiikan osalta opiskelija - pystyy "
                "soveltamaan termodynamiikan perussuureita. - osaa määrittää perussuureita kokeellisesti."),
        Example("Sisältö: opetuksessa käydään läpi mm. seuraavat asiat- oman pääaineen tärkeimmät tiedonlähteet ja "
                "tiedon rakenne. - lisensoitujen aineistojen etäkäyttö- tiedonhankinta kattavasti omasta "
                "tutkimusaiheesta- aineistojen arviointi ja tiedon käytön eettiset perusteet - kuva-aineistojen haku "
                "ja käyttö, tekijänoikeus"),
        Example("Osaamistavoitteet: Kurssin käytyään opiskelija: - osaa antaa ja vastaanottaa palautetta viestintä- "
                "ja vuorovaikutustaidoista - tunnistaa omia vahvuuksiaan ja kehittämiskohteitaan viestijänä ja osaa "
                "asettaa - tavoitteita vuorovaikutusosaamisensa kehittämiseksi - on kehittänyt valmiuksiaan toimia "
                "tarkoituksenmukaisesti"),
        # a note after the last bullet is no part of it (review 10: 'Huom!' folded into the last bullet)
        Example("Osaamistavoitteet: Kurssin suoritettuaan opiskelija - Hallitsee immateriaalioikeusjärjestelmän "
                "keskeiset käsitteet ja osa-alueet - Ymmärtää immateriaalioikeuksien merkityksen yritystoiminnassa "
                "Huom! Syksyn 2020 kurssikuvaus löytyy englanninkielisestä kuvauksesta.",
                "Osaamistavoitteet: Kurssin suoritettuaan opiskelija:\n- Hallitsee immateriaalioikeusjärjestelmän "
                "keskeiset käsitteet ja osa-alueet\n- Ymmärtää immateriaalioikeuksien merkityksen yritystoiminnassa"
                "\nHuom! Syksyn 2020 kurssikuvaus löytyy englanninkielisestä kuvauksesta."),
        Example("Osaamistavoitteet: Suoritettuasi kurssin - ymmärrät arkisia tekstejä - osaat viestiä sähköpostitse "
                "- tunnistat noin 200 uutta "
                "kirjoitusmerkkiä. Suorittamalla tämän kurssin voit osoittaa pakollisen vieraan kielen taitosi "
                "tutkintovaatimusten mukaisella tavalla.",
                "Osaamistavoitteet: Suoritettuasi kurssin:\n- ymmärrät arkisia tekstejä\n- osaat viestiä sähköpostitse"
                "\n- tunnistat noin 200 uutta "
                "kirjoitusmerkkiä.\nSuorittamalla tämän kurssin voit osoittaa pakollisen vieraan kielen taitosi "
                "tutkintovaatimusten mukaisella tavalla."),
    )))


ENUMERATION = register(Rule(
    id="enumeration", label="luettelo", priority=190, pass_="sentence", find=each_sentence,
    build=_build_enumeration,
    enabled=False,
    why_disabled="reviews 3-7: 22 of 34 labels good, a new failure each round (a shared genitive or complement "
                 "split across bullets, a stranded 'mm.' or 'myös', a pronoun pointing to another bullet, a "
                 "passive's object left nominative); every one is guarded now, but the rule is unreviewed since",
    examples=(
        Example("Sisältö: Konsernin käsite, konsernitilinpäätöstä koskevat säädökset, konsernitilinpäätöksen laajuus "
                "ja tavoitteet, konsernin sisäisen omistuksen eliminointi, sisäisten katteiden eliminointi.",
                "Sisältö:\n- konsernin käsite\n- konsernitilinpäätöstä koskevat säädökset\n- konsernitilinpäätöksen "
                "laajuus ja tavoitteet\n- konsernin sisäisen omistuksen eliminointi\n- sisäisten katteiden "
                "eliminointi"),
        Example("Opiskelija tunnistaa materiaalitieteen peruskäsitteet rakenteesta, ominaisuuksista, "
                "valmistusmenetelmistä ja karakterisointimittauksista."),
        Example("Luentojen teemoja ovat mm. persoonallisuus ja motivaatio, tiimityö, henkilöstön johtaminen, "
                "strategian suunnittelu sekä muutoksen hallinta."),
        Example("Aiheina ovat muun muuassa ihmisoikeudet, demokratian haasteet sekä ihmisten arvomaailmaan ja "
                "päätöksentekoon vaikuttavat tekijät."),
        Example("Kurssin keskeisenä sisältönä on tieteellisen konferenssiesityksen suunnittelu, jäsentäminen, "
                "esittäminen ja yleisön kysymyksiin vastaaminen."),
        Example("Kurssilla käsittelet myös osakeyhtiön osakkaan asemaa, osakassopimusten tekemistä, sisältöä ja "
                "merkitystä sekä yrityksen yhteiskuntavastuuta ja compliance-toimintoa."),
        Example("Moduulin tehtävä on valmistaa opiskelijaa maailmankansalaiseksi, jolla on tietoa, taitoa ja tahtoa "
                "osallistua vaativampiin globaaleista ja ajankohtaisista kysymyksistä käytäviin keskusteluihin."),
        Example("Opintojakson aiheina ovat oman ammatillisen osaamisen ja kiinnostuksen hahmottaminen, oman työn "
                "dokumentointi ja sen ammattimainen esittäminen eri yhteyksissä, sekä ammatillisen toiminnan muodot "
                "ja tärkeimmät käytänteet muotoilun ja muodin kentällä."),
        Example("Harjoitellaan laskemaan ympyrän pinta-ala, kehän ja kaaren pituus sekä sektorin pinta-ala."),
        Example("Sisältöinä ovat ensiapu, alkusammutus, evakuointi sekä poistumisturvallisuus.",
                "Sisältöinä ovat:\n- ensiapu\n- alkusammutus\n- evakuointi\n- poistumisturvallisuus"),
    )))

LIST_SPLIT = register(Rule(
    id="list_split", label="luettelo", priority=180, pass_="sentence", find=each_sentence, build=_build_list_split,
    enabled=False,
    why_disabled="reviews 4-5: 3 of 6 good (a shared genitive split across bullets, a participle read as an item, "
                 "a 9-word sentence cut in three); split_sentence cuts two-item object lists, enumeration makes "
                 "bullet lists",
    examples=(
        Example("Moduulissa perehdyt kulttuuriperintöön, taiteeseen ja tieteeseen oman aikansa ilmentäjinä "
                "Euroopassa."),
        Example("Kurssilla perehdyt lääkelaskennan perusteisiin, potilasohjauksen menetelmiin sekä lääkehoidon "
                "keskeisiin periaatteisiin.",
                "Kurssilla perehdyt lääkelaskennan perusteisiin. Perehdyt myös potilasohjauksen menetelmiin ja "
                "lääkehoidon keskeisiin periaatteisiin."),
        Example("Harjoituksissa tutustutaan mm. käänteisen heilurin optimisäätöön, DC-moottorin PID-säätöön sekä "
                "sensorifuusioon."),
    )))
