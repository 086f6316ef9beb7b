"""spaCy pipeline component ``poiju_jargon``: sets ``Doc._.plainness`` (0-100) and ``Doc._.findings``.

    >>> import spacy, poiju_nlp.scoring.spacy_component
    >>> nlp = spacy.load("spacy_fi_experimental_web_md"); _ = nlp.add_pipe("poiju_jargon")
    >>> nlp("Opintojaksolla implementoidaan moduuleja.")._.plainness < nlp("Kurssilla opit ensiavun.")._.plainness
    True
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

for _name in ("plainness", "findings", "score_report"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class PoijuJargon:
    def __call__(self, doc: Doc) -> Doc:
        from ..text.analysis import analysis_from_doc
        from .score import score_analysis

        report = score_analysis(analysis_from_doc(doc))
        doc._.plainness = report.score
        doc._.findings = [f.to_dict() for f in report.findings]
        doc._.score_report = report
        return doc


@Language.factory("poiju_jargon")
def make_poiju_jargon(nlp: Language, name: str) -> PoijuJargon:
    return PoijuJargon()
