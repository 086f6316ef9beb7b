"""Where a sentence stands: a lead-in above a list, an item under a sentence lead-in, a content section, a sentence
that points back to the course. The address rules (address.py), the learner lists and the splits read these."""
from __future__ import annotations

from ...text.analysis import Sentence, Token
from .base import Context, is_course_word, sentence_index


def points_to_course(ctx: Context, sent: Sentence, words: list[Token]) -> bool:
    """'Siinä syvennetään ...' right after a sentence about the course: 'Siinä' is the course."""
    if not words or words[0].text.lower() not in ("siinä", "sillä", "siellä"):
        return False
    n = sentence_index(ctx, sent)
    if n == 0:
        return False
    prev = ctx.analysis.sentences[n - 1]
    return any(is_course_word(ctx.analysis.tokens[i]) for i in prev.tokens)


def in_content_section(text: str, start: int) -> bool:
    """Is the position under a content heading ('Sisältö: ...', 'Keskeiset sisällöt:', 'Tavoitteisiin liittyvät
    keskeiset sisältöalueet:')? What is done there is done by the learner: 'Harjoitellaan X' -> 'Harjoittelet X'."""
    lines = text[:start].split("\n")
    current = lines[-1]
    if current.split(":")[0].strip().lower().startswith(("sisältö", "sisällöt")) and ":" in current:
        return True
    for line in reversed(lines[:-1][-8:]):
        head = line.strip()
        if head.endswith(":") and len(head.split()) <= 6:
            return "sisäl" in head.lower()
        if ":" in head[:40]:
            return head.split(":")[0].strip().lower().startswith(("sisältö", "sisällöt"))
    return False


def is_lead_in(ctx: Context, sent: Sentence) -> bool:
    """Does the sentence's line end in ':' ('Opiskelija käsittelee laitteita:' above a list)? Its list items stay in
    the 3rd person, so turning the lead-in alone to 'sinä' would mix the persons (review 3)."""
    end = ctx.text.find("\n", sent.end)
    rest_of_line = ctx.text[sent.end:end if end >= 0 else len(ctx.text)].strip()  # ('jätteitä.:' may part the ':')
    if rest_of_line == ":" or ctx.text[sent.start:sent.end].rstrip().endswith(":"):
        return True
    # 'Opiskelija osaa' with its list on the lines below and no full stop: a lead-in without its ':'
    return not ctx.text[sent.start:sent.end].rstrip().endswith((".", "!", "?")) \
        and ctx.text[sent.end:].lstrip().startswith(("-", "•", "*", "–"))


def under_sentence_lead_in(ctx: Context, sent: Sentence) -> bool:
    """Is the sentence an item of a list whose lead-in is a whole sentence ('Kurssilla käsitellään seuraavia
    asioita:' above '- Harjoitellaan X')? The lead-in stays as it is, so its items must too. A short heading
    ('Keskeiset sisällöt:') is no such lead-in."""
    if not sent.text.lstrip().startswith(("-", "•", "*", "–")):
        return False
    for line in reversed(ctx.text[:sent.start].split("\n")[:-1]):
        head = line.strip()
        if not head or head.startswith(("-", "•", "*", "–")):
            continue
        return head.endswith(":") and len(head.split()) > 6
    return False
