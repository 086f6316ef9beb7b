"""Fixed parses of the rules' example sentences, so a rule's examples test the rule and not the parser.

The parses live in tests/rewriting/example_parses.jsonl: per example text its words, spaces, lemmas, POS tags,
morphology, heads, dependency labels and sentence starts, as the Finnish spaCy model gave them once. A test builds
a ``Doc`` from them (spaCy's own test style) and runs one rule on it alone. After adding or changing an example,
regenerate the file (only the new texts are parsed; the others keep their fixed parse):

    .venv/bin/python -m tests.rewriting.rule_examples
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

PARSES = Path(__file__).with_name("example_parses.jsonl")


def all_example_texts() -> list[str]:
    from poiju_nlp.rewriting.rules import REGISTRY

    return list(dict.fromkeys(ex.before for rule in REGISTRY.values() for ex in rule.examples))


def _parse_record(text: str) -> dict:
    from poiju_nlp.text.analysis import parse

    doc = parse(text)
    return {"text": text, "words": [t.text for t in doc], "spaces": [bool(t.whitespace_) for t in doc],
            "lemmas": [t.lemma_ for t in doc], "pos": [t.pos_ for t in doc], "morphs": [str(t.morph) for t in doc],
            "heads": [t.head.i for t in doc], "deps": [t.dep_ for t in doc],
            "sent_starts": [bool(t.is_sent_start) for t in doc]}


@lru_cache(maxsize=1)
def fixed_parses() -> dict[str, dict]:
    if not PARSES.exists():
        return {}
    return {r["text"]: r for r in map(json.loads, PARSES.read_text(encoding="utf-8").splitlines()) if r}


def fixed_doc(text: str):
    """The spaCy Doc of an example text from its fixed parse (no model is loaded)."""
    import spacy
    from spacy.tokens import Doc

    r = fixed_parses()[text]
    return Doc(spacy.blank("fi").vocab, words=r["words"], spaces=r["spaces"], lemmas=r["lemmas"], pos=r["pos"],
               morphs=r["morphs"], heads=r["heads"], deps=r["deps"], sent_starts=r["sent_starts"])


def main() -> None:
    known = fixed_parses()
    texts = all_example_texts()
    records = [known.get(t) or _parse_record(t) for t in texts]
    PARSES.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} example parses ({len(set(texts) - set(known))} new) -> {PARSES}")


if __name__ == "__main__":
    main()
