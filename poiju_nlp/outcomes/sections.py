"""Find the author's own learning-outcome statements in a course text, and the sentences that say what is taught.

Real course texts put outcomes under a heading ("Osaamistavoitteet:", "Tavoitteet:", "Ammattitaitovaatimukset:"),
behind a lead-in ("Opintojakson suoritettuaan opiskelija osaa", "Moduulin tavoitteena on, että opiskelija") followed
by bullets, or in plain sentences ("Opiskelija osaa kuvata …", "Osaat kirjoittaa …"). Course pages whose HTML lists
lost their line breaks run the items together ("osaa soveltaa X osaa rakentaa Y", "Ymmärtää X Hallitsee Y",
"opiskelijat1) ymmärtävät X2) tuntevat Y"). This module cuts a text into sections by heading and each outcome
section into **items**: one author statement each, with the frame that tells how its first word reads (a finite
verb after "Opiskelija", an infinitive after "osaa", a 3rd infinitive after "pystyy", or a whole sentence).

Everything here works on the surface text and Voikko; the dependency parse is used later, on one item at a time,
where it is far more reliable than on a run-together list.

>>> items = find_items("Osaamistavoitteet:\\nOpiskelija osaa\\n- laatia hoitosuunnitelman\\n- ohjata asiakasta")
>>> [(i.frame, i.text) for i in items]
[('osata', 'laatia hoitosuunnitelman'), ('osata', 'ohjata asiakasta')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.runon import _WORD, LEARNERS, _verb_word, is_a_infinitive, is_finite_3rd, is_second_person, is_verb, \
    split_run_on, word_bases

# Headings (lower case, without the colon) and what their section holds.
OUTCOME_HEADINGS = {
    "osaamistavoitteet", "osaamistavoite", "tavoitteet", "tavoite", "oppimistavoitteet", "oppimistavoite",
    "ammattitaitovaatimukset", "osaamisvaatimukset", "opintojakson tavoitteet", "kurssin tavoitteet",
    "moduulin tavoitteet", "opintojakson osaamistavoitteet", "kurssin osaamistavoitteet", "tavoitteena",
    "osaamistavoitteet ja sisältö", "pakolliset osaamistavoitteet", "valinnaiset osaamistavoitteet",
    "mitä opit", "opit", "kurssin jälkeen osaat", "kurssin jälkeen", "opintojakson jälkeen",
}
CONTENT_HEADINGS = {
    "sisältö", "sisällöt", "keskeiset sisällöt", "keskeinen sisältö", "tavoitteisiin liittyvät keskeiset sisältöalueet",
    "kurssin sisältö", "opintojakson sisältö", "sisältöalueet", "keskeiset sisältöalueet", "aiheet", "teemat",
    "kurssin aiheet", "sisältö ja toteutus", "kurssilla käsitellään", "käsiteltävät aiheet", "opintojakson sisällöt",
    "kurssin sisällöt", "koulutuksen sisältö", "koulutuksen sisällöt",
}
OTHER_HEADINGS = {
    "oppiaine", "arvioinnin kohteet", "ammattitaidon osoittamistavat", "osaamisen tunnustaminen", "arviointi",
    "arviointikriteerit", "arviointiasteikko", "toteutus", "toteutustapa", "toteutustavat", "esitiedot", "kohderyhmä",
    "hinta", "ilmoittautuminen", "aikataulu", "ajankohta", "opetusmenetelmät", "työtavat", "kirjallisuus",
    "materiaali", "oppimateriaali", "lisätietoja", "lisätiedot", "opettaja", "opettajat", "vastuuopettaja", "laajuus",
    "suoritustapa", "suoritustavat", "opetuskieli", "kieli", "paikka", "kesto", "yhteystiedot", "järjestäjä",
    "kenelle", "kohderyhmät", "osallistujat", "työmäärä", "kuormitus", "edeltävät opinnot", "huomioitavaa",
    "arvioinnin kriteerit", "arviointimenetelmät", "näyttö", "opetusaika", "opetuspaikka", "haku", "hakuaika",
}
# Who the statements are about (lower-case base forms). "tutkinnon suorittaja" ends in "suorittaja".
# Verbs that frame an infinitive: "osaa laatia", "pystyy laatimaan", "kykenee laatimaan".
WRAPPER_FRAMES = {"osata": "osata", "pystyä": "pystyä", "kyetä": "kyetä"}
_BULLET = re.compile(r"^\s*(?:[-•*–·▪◦]|\d{1,2}[.)]|[a-h]\))\s*")
_HEADING = re.compile(r"^\s*([^:\n]{2,90}?)\s*:\s*(.*)$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(]?[A-ZÅÄÖ0-9])")


@dataclass
class Section:
    kind: str  # outcomes | content | other | title | text (no heading)
    heading: str
    start: int  # offsets of the section body in the text
    end: int


@dataclass
class Item:
    """One author statement (or one content line) with its place in the text."""

    text: str  # the statement as written, hard line breaks turned into spaces
    start: int
    end: int
    frame: str  # sentence | finite | osata | pystyä | kyetä | 2sg | content
    section: str  # outcomes | content | text
    lead: str = ""  # the lead-in the item continues ("Opiskelija osaa")
    sentence: str = ""  # the whole source sentence or line the item was cut from
    sentence_start: int = 0
    sentence_end: int = 0


def heading_kind(heading: str) -> str | None:
    """'Osaamistavoitteet' -> 'outcomes'; None when the text before a colon is not a heading we know."""
    h = re.sub(r"\s+", " ", heading.strip().lower()).strip(" .")
    h = re.sub(r"\s*\(.*\)$", "", h)  # "Osaamistavoitteet (pakolliset)"
    if h in OUTCOME_HEADINGS:
        return "outcomes"
    if h in CONTENT_HEADINGS:
        return "content"
    if h in OTHER_HEADINGS:
        return "other"
    if len(h.split()) <= 4:
        last = h.split()[-1] if h.split() else ""
        if last.endswith(("tavoitteet", "tavoite", "vaatimukset")):
            return "outcomes"
        if last.endswith(("sisällöt", "sisältö", "sisältöalueet")):
            return "content"
    return None


def _lines(text: str):
    """(start, end, line) for each line, offsets into ``text``."""
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def sections(text: str) -> list[Section]:
    """Cut a text into sections at known headings. The first line is the title when it looks like one
    (short, no full stop, often the credits in brackets); text before any heading is kind 'text'."""
    out: list[Section] = []
    current = None
    first = True
    for start, end, line in _lines(text):
        if not line.strip():
            continue
        if first:
            first = False
            if _looks_like_title(line, text):
                out.append(Section("title", line.strip(), start, end))
                continue
        m = _HEADING.match(line)
        kind = heading_kind(m.group(1)) if m else None
        if m and kind:
            body_start = start + m.start(2)
            current = Section(kind, m.group(1).strip(), body_start, end)
            out.append(current)
            continue
        if current is None:
            current = Section("text", "", start, end)
            out.append(current)
        current.end = end
    return [s for s in out if s.kind == "title" or s.end > s.start or s.kind != "text"]


def _looks_like_title(line: str, text: str) -> bool:
    stripped = line.strip()
    if "\n" not in text.strip():
        return False
    if _HEADING.match(stripped) and heading_kind(_HEADING.match(stripped).group(1)):
        return False
    words = _WORD.findall(stripped)
    return len(words) <= 14 and not stripped.endswith((".", ":")) or bool(re.search(r"\(\d[\d,.–-]* (?:op|osp)\)$",
                                                                                        stripped))


# --------------------------------------------------------------------------------------------------------------
# Lead-ins and frames


_LEAD_TAIL = re.compile(r"[\s:;,.–-]+$")


def lead_frame(lead: str) -> str | None:
    """The frame a lead-in sets for the items after it, or None when the line is not a lead-in.

    'Opiskelija osaa' -> 'osata'; 'Moduulin tavoitteena on, että opiskelija' -> 'finite';
    'Kurssin suoritettuasi' -> '2sg'; 'Kurssin jälkeen opiskelija pystyy' -> 'pystyä'."""
    words = _WORD.findall(_LEAD_TAIL.sub("", lead))
    if not words:
        return None
    last = words[-1].lower()
    bases = word_bases(words[-1])
    if bases & set(WRAPPER_FRAMES) and (len(words) == 1 or _learner_before(words[:-1]) or len(words) <= 6):
        return WRAPPER_FRAMES[sorted(bases & set(WRAPPER_FRAMES))[0]]
    if last in ("osaat", "pystyt", "kykenet"):
        return {"osaat": "osata", "pystyt": "pystyä", "kykenet": "kyetä"}[last]
    if bases & LEARNERS or last in ("opiskelijat", "osallistujat", "oppijat"):
        return "finite"
    # "Kurssin suoritettuasi", "Opintojakson jälkeen", "Kurssin käytyäsi"
    if last.endswith(("uasi", "yäsi", "ttuasi", "ttyäsi")) or last in ("jälkeen",) and len(words) <= 4:
        return "2sg"
    return None


def _learner_before(words: list[str]) -> bool:
    return any(word_bases(w) & LEARNERS or w.lower() in ("opiskelijat", "osallistujat") for w in words)


# --------------------------------------------------------------------------------------------------------------
# Items


def _logical_lines(text: str, start: int, end: int):
    """Lines of a section, with hard-wrapped continuation lines (starting in lower case, not a bullet) joined to the
    line before. Yields (start, end, text with newlines as spaces)."""
    out: list[list[int]] = []
    for s, e, line in _lines(text[start:end]):
        if not line.strip():
            continue
        s += start
        e += start
        stripped = line.strip()
        if out and not _BULLET.match(stripped) and stripped[:1].islower() \
                and not text[out[-1][0]:out[-1][1]].rstrip().endswith((".", ":")):
            out[-1][1] = e
            continue
        out.append([s, e])
    for s, e in out:
        yield s, e, text[s:e].replace("\n", " ")


_CONTENT_MARK = re.compile(r"\s+[-–•]\s+|(?<=[^\W\d_])[-–]\s+(?=[A-ZÅÄÖ])|(?:^|\s)\d{1,2}\s?[:.)]\s+(?=[A-ZÅÄÖa-zåäö])"
                           r"|:\s+(?=\d{1,2}\s?[:.)]\s)")


def _content_pieces(sentence: str) -> list[tuple[int, int]]:
    """A content line whose list lost its line breaks ('Lämmönsiirto- Pumput, putkistot', '1: Betoni 2: Puu'),
    cut at the list marks; a normal sentence stays whole."""
    spans, pos = [], 0
    for m in _CONTENT_MARK.finditer(sentence):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(sentence)))
    return [(a, b) for a, b in spans if sentence[a:b].strip(" -–•:")]


def _sentences(line: str, offset: int):
    pos = 0
    for m in _SENTENCE_END.finditer(line):
        yield offset + pos, offset + m.start(), line[pos:m.start()]
        pos = m.end()
    yield offset + pos, offset + len(line), line[pos:]


_STATEMENT_START = re.compile(
    r"^(?P<lead>(?:(?:[^\W\d_]+\s+){0,4}?)(?:opiskelija(?:t)?|osallistuja(?:t)?|oppija(?:t)?|tutkinnon suorittaja|"
    r"opiskelija tai tutkinnon suorittaja|hän)(?:lla)?)\b", re.IGNORECASE)


def find_items(text: str) -> list[Item]:
    """The author's outcome statements (frame != 'content') and the lines of content sections ('content')."""
    items: list[Item] = []
    for sec in sections(text):
        if sec.kind in ("title", "other"):
            continue
        frame = None
        lead = ""
        for ls, le, line in _logical_lines(text, sec.start, sec.end):
            bullet = _BULLET.match(line)
            if sec.kind == "content":
                body_start = ls + (bullet.end() if bullet else 0)
                for ss, se, sent in _sentences(text[body_start:le].replace("\n", " "), body_start):
                    for ps, pe in _content_pieces(sent):
                        piece = sent[ps:pe]
                        if piece.strip():
                            a = ss + ps + len(piece) - len(piece.lstrip())
                            items.append(Item(piece.strip(), a, a + len(piece.strip()), "content", "content",
                                              sentence=sent.strip(), sentence_start=ss, sentence_end=se))
                continue
            if bullet and frame:
                body_start = ls + bullet.end()
                items += _items_from_body(text, body_start, le, frame, lead, sec.kind)
                continue
            for ss, se, sent in _sentences(line if not bullet else line[bullet.end():],
                                           ls + (bullet.end() if bullet else 0)):
                stripped = sent.strip()
                if not stripped:
                    continue
                ss += len(sent) - len(sent.lstrip())
                se = ss + len(stripped)
                new_frame, new_lead, body_offset = _split_lead(stripped, sec.kind == "outcomes")
                if new_frame and body_offset >= len(stripped.rstrip(" :")):
                    frame, lead = new_frame, stripped  # a lead-in line: items follow
                    continue
                if stripped.endswith(":"):
                    frame, lead = None, ""  # a category line ("Opiskelija valmistautuu huoltotöihin:")
                    continue
                if new_frame and sec.kind != "outcomes" and not _states_outcome(stripped, new_frame, body_offset):
                    new_frame = None  # "Opiskelija perehtyy X:ään" in running text says what is done on the course
                if new_frame:
                    items += _items_from_body(text, ss + body_offset, se, new_frame, new_lead, sec.kind,
                                              sentence=(ss, se))
                    if stripped.endswith(":"):
                        frame, lead = new_frame, new_lead
                elif sec.kind == "outcomes" and frame and not bullet:
                    # a bare statement after a lead-in ("Kurssin jälkeen opiskelija:\nYmmärtää X")
                    items += _items_from_body(text, ss, se, frame, lead, sec.kind, sentence=(ss, se))
                elif sec.kind == "outcomes" and is_second_person(stripped.split()[0].strip(",.")):
                    items += _items_from_body(text, ss, se, "2sg", "", sec.kind, sentence=(ss, se))
                elif sec.kind == "outcomes" and _starts_with_action(stripped):
                    # a bare statement in an outcome section ("Laatia hoitosuunnitelma.", "Tunnistaa X.")
                    guess = "finite" if is_finite_3rd(stripped.split()[0]) else "osata"
                    items += _items_from_body(text, ss, se, guess, "", sec.kind, sentence=(ss, se))
                elif sec.kind == "text":
                    items.append(Item(stripped, ss, se, "content", "text", sentence=stripped, sentence_start=ss,
                                      sentence_end=se))
    return items


_OUTCOME_CUES = re.compile(r"\b(?:jälkeen|suoritettua\w*|käytyä\w*|päätteeksi|lopussa|tavoitteena on|tavoite on|"
                           r"osaamistavoit\w*)\b", re.IGNORECASE)


def _states_outcome(sentence: str, frame: str, body_offset: int) -> bool:
    """Outside an outcome section, a learner sentence states an outcome when it says what the learner can do
    ('Opiskelija osaa …', 'pystyy …', 'Osaat …') or what they can do after the course ('Kurssin jälkeen
    opiskelija …', 'tavoitteena on, että opiskelija …')."""
    if frame in ("osata", "pystyä", "kyetä"):
        return True
    body = sentence[body_offset:]
    first = _WORD.match(body.strip())
    if first and word_bases(first.group(0)) & set(WRAPPER_FRAMES):
        return True
    return bool(_OUTCOME_CUES.search(sentence[:body_offset + 1]))


def _starts_with_action(sentence: str) -> bool:
    first = _WORD.match(sentence.strip())
    return bool(first) and _verb_word(first.group(0)) and (is_finite_3rd(first.group(0))
                                                          or is_a_infinitive(first.group(0)))


def _after_course(words) -> bool:
    """'Kurssin jälkeen', 'Opintojakson suoritettuasi': the sentence is about what the learner can do after."""
    return any(w.group(0).lower() in ("jälkeen", "päätteeksi", "lopussa") or w.group(0).lower().endswith(
        ("ttuasi", "ttyäsi", "tyäsi", "tuasi")) for w in words)


def _split_lead(sentence: str, outcome_section: bool = True) -> tuple[str | None, str, int]:
    """(frame, lead, offset of the body) for a sentence that starts an outcome statement, else (None, '', 0).

    'Opiskelija osaa kuvata X' -> ('osata', 'Opiskelija osaa', 16); 'Kurssin jälkeen opiskelija: tuntee X' ->
    ('finite', ...); 'Moduulin tavoitteena on, että opiskelija' -> ('finite', ..., end)."""
    words = list(_WORD.finditer(sentence))
    if not words:
        return None, "", 0
    # 2nd person: "Osaat laatia", "Kurssin jälkeen osaat", "Kurssin suoritettuasi osaat"
    for k, m in enumerate(words[:6]):
        w = m.group(0)
        low = w.lower()
        if low in ("osaat", "pystyt", "kykenet"):
            return {"osaat": "osata", "pystyt": "pystyä", "kykenet": "kyetä"}[low], sentence[:m.end()], m.end()
        if is_second_person(w) and k <= 3 and not word_bases(w) & {"olla"} and (
                outcome_section or word_bases(w) & set(WRAPPER_FRAMES) or _after_course(words[:k])):
            return "2sg", sentence[:m.start()], m.start()
        if word_bases(w) & LEARNERS or low in ("opiskelijat", "osallistujat", "oppijat", "opiskelijalla"):
            # the learner as subject: what follows is a finite verb or a wrapper + infinitive
            rest = words[k + 1:]
            if low.endswith("lla") or low.endswith("llä"):
                return None, "", 0  # "opiskelijalla on valmiudet ..." is handled as a whole sentence
            if k + 1 < len(words) and words[k + 1].group(0).lower() == "tai":
                continue  # "Opiskelija tai tutkinnon suorittaja"
            colon = sentence.find(":", m.end())
            if not rest:
                return "finite", sentence[:m.end()], len(sentence)
            first = rest[0].group(0)
            if colon != -1 and colon < rest[0].start():
                return "finite", sentence[:colon + 1], colon + 1
            bases = word_bases(first)
            if bases & set(WRAPPER_FRAMES) and len(rest) == 1:
                return WRAPPER_FRAMES[sorted(bases & set(WRAPPER_FRAMES))[0]], sentence[:rest[0].end()], len(sentence)
            if bases & set(WRAPPER_FRAMES) and sentence[rest[0].end():].lstrip().startswith(":"):
                end = sentence.find(":", rest[0].end()) + 1
                return WRAPPER_FRAMES[sorted(bases & set(WRAPPER_FRAMES))[0]], sentence[:end], end
            if is_verb(first):
                return "finite", sentence[:m.end()], rest[0].start()
            return None, "", 0
    return None, "", 0


def _items_from_body(text: str, start: int, end: int, frame: str, lead: str, section: str,
                     sentence: tuple[int, int] | None = None) -> list[Item]:
    body = text[start:end].replace("\n", " ")
    sent_start, sent_end = sentence or (start, end)
    plural = bool(re.search(r"\b(?:opiskelijat|osallistujat|oppijat|opiskelijoiden)\b", lead, re.IGNORECASE))
    out = []
    for a, b in split_run_on(body, frame, plural):
        piece = body[a:b].strip().rstrip(";,.:")
        if not piece:
            continue
        s = start + a + (len(body[a:b]) - len(body[a:b].lstrip()))
        out.append(Item(piece, s, s + len(piece), frame, section, lead=lead,
                        sentence=text[sent_start:sent_end].replace("\n", " "), sentence_start=sent_start,
                        sentence_end=sent_end))
    return out
