"""One Finnish analysis layer: spaCy (lemma, POS, morphology, dependencies, sentences) + Voikko (base form,
compound parts, syllables, spelling). Results are plain dataclasses that serialise to JSON."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from .resources import get_nlp, voikko_analyze, voikko_hyphenate, voikko_spell
from .validate import validate_text

_WORDBASE_PART = re.compile(r"\+([^+(]*)\(([^)]*)\)")
_ALPHA = re.compile(r"[^\W\d_]", re.UNICODE)


@dataclass
class CompoundPart:
    surface: str  # as written inside the compound, e.g. "osaamis"
    base: str  # the part's base form, e.g. "osata"


@dataclass
class VoikkoInfo:
    baseform: str | None
    word_class: str | None
    compound_parts: list[CompoundPart]
    known: bool


@dataclass
class Token:
    i: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    morph: dict[str, str]
    dep: str
    head: int
    baseform: str | None  # Voikko's base form (None when Voikko does not know the word)
    compound_parts: list[CompoundPart]
    syllables: list[str]
    known: bool  # Voikko knows the word form (spelling)
    is_word: bool

    @property
    def base(self) -> str:
        """Best base form: Voikko's when it knows the word, else spaCy's lemma."""
        return (self.baseform or self.lemma or self.text).lower()


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    tokens: list[int]  # indices into TextAnalysis.tokens


@dataclass
class TextAnalysis:
    text: str
    sentences: list[Sentence]
    tokens: list[Token]
    warnings: list[str] = field(default_factory=list)

    @property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.is_word]

    def to_dict(self) -> dict:
        return asdict(self)


def parse_wordbases(wordbases: str) -> list[CompoundPart]:
    """Voikko WORDBASES -> lexical parts. Derivational suffixes are merged into their stem
    ('+opet(opettaa)+us(+us)' -> 'opetus') and hyphens dropped, so each part is a word one can look up.

    >>> [p.base for p in parse_wordbases('+osaamis(osata)+tavoite(tavoite)')]
    ['osata', 'tavoite']
    """
    parts: list[CompoundPart] = []
    for surface, base in _WORDBASE_PART.findall(wordbases or ""):
        if not surface or surface == "-":
            continue
        if base.startswith("+") and parts:  # derivation: extend the previous part
            merged = parts[-1].surface + surface
            parts[-1] = CompoundPart(surface=merged, base=merged.lower())
        elif base:
            parts.append(CompoundPart(surface=surface, base=base))
    return parts


_PROPER = {"etunimi", "sukunimi", "paikannimi", "nimi"}


def _best_analysis(word: str, analyses: tuple) -> dict:
    """Prefer common-noun readings unless the word is capitalised mid-word ('sote-Alan' is not a name)."""
    def rank(a):
        proper = a.get("CLASS") in _PROPER
        base = a.get("BASEFORM") or ""
        return (proper and not base[:1].isupper() or proper and word[:1].islower(), proper)

    return sorted(analyses, key=rank)[0]


def voikko_info(word: str) -> VoikkoInfo:
    """Voikko's view of one word form: first analysis, compound parts, spelling."""
    analyses = voikko_analyze(word)
    if not analyses:
        return VoikkoInfo(None, None, [], False)
    first = _best_analysis(word, analyses)
    return VoikkoInfo(
        baseform=first.get("BASEFORM"),
        word_class=first.get("CLASS"),
        compound_parts=parse_wordbases(first.get("WORDBASES", "")),
        known=True,
    )


def syllables(word: str) -> list[str]:
    """Syllables by Voikko's hyphenation: 'työelämä' -> ['työ', 'e', 'lä', 'mä']."""
    if not _ALPHA.search(word):
        return []
    pattern = voikko_hyphenate(word)
    out, current = [], ""
    # pattern[i]: ' ' no break, '-' break before word[i], '=' break that replaces word[i] (an existing hyphen)
    for ch, mark in zip(word, pattern):
        if mark in "-=" and current:
            out.append(current)
            current = ""
        if mark == "=":
            continue
        current += ch
    if current:
        out.append(current)
    return out


def _token_from_spacy(tok) -> Token:
    is_word = bool(_ALPHA.search(tok.text)) and not tok.like_url and not tok.like_email
    info = voikko_info(tok.text) if is_word else VoikkoInfo(None, None, [], False)
    return Token(
        i=tok.i,
        text=tok.text,
        start=tok.idx,
        end=tok.idx + len(tok.text),
        lemma=tok.lemma_,
        pos=tok.pos_,
        morph=tok.morph.to_dict(),
        dep=tok.dep_,
        head=tok.head.i,
        baseform=info.baseform,
        compound_parts=info.compound_parts,
        syllables=syllables(tok.text) if is_word else [],
        known=voikko_spell(tok.text) if is_word else True,
        is_word=is_word,
    )


_BULLET = re.compile(r"^([-•*–]|\d{1,2}[.)])$")


def _line_starts_unit(text: str, previous, tok) -> bool:
    """A new line starts a new sentence when it is a list item or a heading-like line, or when the previous line
    ended a sentence or a list intro (LIX counts colons as sentence ends too). Hard-wrapped lines that continue in
    lower case stay in the same sentence."""
    if "\n" not in text[previous.idx + len(previous.text):tok.idx]:
        return False
    return bool(_BULLET.match(tok.text) or tok.text[:1].isupper() or tok.text[:1].isdigit()
                or previous.text[-1:] in ".:!?" or _BULLET.match(previous.text))


def analysis_from_doc(doc, warnings: list[str] | None = None) -> TextAnalysis:
    """Convert a spaCy Doc in one pass (tokens and sentence boundaries together)."""
    tokens: list[Token] = []
    index_of: dict[int, int] = {}
    bounds: list[list[int]] = []
    previous = None
    text = doc.text  # once: Doc.text joins every token on each call, so calling it per token was quadratic
    for tok in doc:
        if tok.is_sent_start or not bounds or (previous is not None and _line_starts_unit(text, previous, tok)):
            if not bounds or bounds[-1]:
                bounds.append([])
        if tok.is_space:
            continue
        previous = tok
        index_of[tok.i] = len(tokens)
        bounds[-1].append(len(tokens))
        tokens.append(_token_from_spacy(tok))
    for t in tokens:  # re-point heads and indices to the compacted list (spaces dropped)
        t.head = index_of.get(t.head, index_of.get(t.i, 0))
        t.i = index_of[t.i]
    sentences = [Sentence(start=tokens[idx[0]].start, end=tokens[idx[-1]].end,
                          text=text[tokens[idx[0]].start:tokens[idx[-1]].end], tokens=idx)
                 for idx in bounds if idx]
    return TextAnalysis(text=text, sentences=sentences, tokens=tokens, warnings=warnings or [])


def parse(text: str):
    """spaCy Doc of an already validated text."""
    return get_nlp()(text)


def analyze(text: str, *, check_language: bool = True) -> TextAnalysis:
    """Analyse a Finnish text.

    >>> a = analyze("Opintojakson laajuus on 5 opintopistettä.")
    >>> a.tokens[0].baseform, [p.base for p in a.tokens[0].compound_parts]
    ('opintojakso', ['opinto', 'jakso'])
    """
    clean = validate_text(text, check_language=check_language)
    warnings = []
    if clean != text and clean.strip() != text.strip():
        warnings.append("Tekstistä poistettiin ohjausmerkkejä.")
    return analysis_from_doc(parse(clean), warnings)


def analyze_many(texts: list[str]) -> list[TextAnalysis]:
    """Analyse several validated texts with spaCy's batched pipe."""
    from ..settings import get_settings

    docs = get_nlp().pipe(texts, batch_size=get_settings().spacy_batch_size)
    return [analysis_from_doc(d) for d in docs]
