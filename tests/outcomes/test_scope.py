"""A limit of a whole coordinated statement ('lähihoitajan vastuualueella', 'itsenäisesti', 'X:n näkökulmasta')
is kept with every verb or the verbs it would be lost from are not proposed (blind review 4: "Osaat antaa
lääkkeitä." from "antaa lääkkeitä ja toteuttaa lääkehoidon lähihoitajan vastuualueella" failed both reviewers as an
overclaim). The sharing logic is tested on fixed parses; the whole path on real sentences."""
from dataclasses import dataclass, field

from poiju_nlp.outcomes import propose
from poiju_nlp.outcomes.parse import Ability, _share_scope


@dataclass(eq=False)
class Tok:
    i: int
    text: str
    pos_: str
    dep_: str
    head_i: int
    feats: dict = field(default_factory=dict)
    doc: list = None

    @property
    def lower_(self):
        return self.text.lower()

    @property
    def lemma_(self):
        return self.text.lower()

    @property
    def whitespace_(self):
        return " "

    @property
    def is_punct(self):
        return self.pos_ == "PUNCT"

    @property
    def head(self):
        return self.doc[self.head_i]

    @property
    def children(self):
        return [t for t in self.doc if t.head_i == self.i and t.i != self.i]

    @property
    def subtree(self):
        out = [self]
        for c in self.children:
            out += list(c.subtree)
        return sorted(out, key=lambda t: t.i)

    @property
    def morph(self):
        feats = self.feats

        class Morph:
            def get(self, key):
                return [feats[key]] if key in feats else []
        return Morph()


def fixed_parse(rows) -> list:
    doc = []
    for k, (text, pos, dep, head, feats) in enumerate(rows):
        doc.append(Tok(k, text, pos, dep, head, feats))
    for t in doc:
        t.doc = doc
    return doc


def abilities_of(doc, verbs: list[tuple[int, list[int]]]) -> list[Ability]:
    return [Ability(None, doc[v].text, v, [doc[i] for i in ids], [], split=True) for v, ids in verbs]


def test_a_limit_after_the_last_verbs_object_is_shared():
    doc = fixed_parse([
        ("Opiskelija", "NOUN", "nsubj", 1, {}), ("osaa", "VERB", "ROOT", 1, {}), ("antaa", "VERB", "xcomp", 1, {}),
        ("lääkkeitä", "NOUN", "obj", 2, {"Case": "Par"}), ("ja", "CCONJ", "cc", 5, {}),
        ("toteuttaa", "VERB", "conj", 2, {}), ("lääkehoitoa", "NOUN", "obj", 5, {"Case": "Par"}),
        ("lähihoitajan", "NOUN", "nmod:poss", 8, {"Case": "Gen"}),
        ("vastuualueella", "NOUN", "obl", 5, {"Case": "Ade"})])
    first, last = abilities_of(doc, [(2, [3]), (5, [6, 7, 8])])
    _share_scope(doc, [first, last])
    assert [t.text for t in first.tokens] == ["lääkkeitä", "lähihoitajan", "vastuualueella"]
    assert not first.scope_lost


def test_a_limit_the_parse_joined_to_the_object_refuses_the_verbs_before_it():
    doc = fixed_parse([
        ("Opiskelija", "NOUN", "nsubj", 1, {}), ("osaa", "VERB", "ROOT", 1, {}), ("antaa", "VERB", "xcomp", 1, {}),
        ("lääkkeitä", "NOUN", "obj", 2, {"Case": "Par"}), ("ja", "CCONJ", "cc", 5, {}),
        ("toteuttaa", "VERB", "conj", 2, {}), ("lääkehoidon", "NOUN", "nmod:poss", 7, {"Case": "Gen"}),
        ("lähihoitajan", "NOUN", "nmod:poss", 8, {"Case": "Gen"}),
        ("vastuualueella", "NOUN", "obl", 5, {"Case": "Ade"})])
    first, last = abilities_of(doc, [(2, [3]), (5, [6, 7, 8])])
    _share_scope(doc, [first, last])
    assert [t.text for t in first.tokens] == ["lääkkeitä"]
    assert first.scope_lost == "lääkehoidon lähihoitajan vastuualueella"


def test_a_verbs_own_complement_or_a_limit_after_a_comma_is_not_shared():
    # 'toimia ohjeiden mukaisesti' is the verb's own complement
    doc = fixed_parse([
        ("Opiskelija", "NOUN", "nsubj", 1, {}), ("hyödyntää", "VERB", "ROOT", 1, {}),
        ("palvelujärjestelmää", "NOUN", "obj", 1, {"Case": "Par"}), ("ja", "CCONJ", "cc", 4, {}),
        ("toimii", "VERB", "conj", 1, {}), ("säädösten", "NOUN", "obl", 4, {"Case": "Gen"}),
        ("mukaisesti", "ADP", "case", 5, {})])
    first, last = abilities_of(doc, [(1, [2]), (4, [5, 6])])
    _share_scope(doc, [first, last])
    assert [t.text for t in first.tokens] == ["palvelujärjestelmää"] and not first.scope_lost
    doc = fixed_parse([
        ("Opiskelija", "NOUN", "nsubj", 1, {}), ("tietää", "VERB", "ROOT", 1, {}),
        ("riskit", "NOUN", "obj", 1, {"Case": "Nom"}), (",", "PUNCT", "punct", 5, {}), ("ja", "CCONJ", "cc", 5, {}),
        ("arvioi", "VERB", "conj", 1, {}), ("tarpeen", "NOUN", "obj", 5, {"Case": "Gen"}),
        ("yrityksen", "NOUN", "nmod:poss", 8, {"Case": "Gen"}),
        ("näkökulmasta", "NOUN", "obl", 5, {"Case": "Ela"})])
    first, last = abilities_of(doc, [(1, [2]), (5, [6, 7, 8])])
    _share_scope(doc, [first, last])
    assert [t.text for t in first.tokens] == ["riskit"] and not first.scope_lost


def test_real_statements_keep_their_limits_or_are_left_out():
    texts = [o.text for o in propose(
        "Osaamistavoitteet:\nOpiskelija osaa\n- suunnitella ja toteuttaa hoitotyön itsenäisesti\n"
        "- antaa lääkkeitä ja toteuttaa lääkehoidon lähihoitajan vastuualueella (STM:n Turvallinen "
        "lääke-hoito -opas 2005:32, liite 8)").outcomes]
    assert "Osaat suunnitella hoitotyön itsenäisesti." in texts
    assert "Osaat toteuttaa hoitotyön itsenäisesti." in texts
    assert "Osaat antaa lääkkeitä." not in texts
    assert all("lääkkeitä" not in t or "vastuualueella" in t for t in texts)


def test_a_limit_of_a_content_sentence_stays_with_its_object():
    result = propose("Termodynamiikka (5 op)\nSisältö: Kurssilla tarkastellaan teollisuudessa ja "
                     "energiatekniikassa kohdattavien komponenttien toimintaa termodynamiikan näkökulmasta.")
    assert [o.text for o in result.outcomes] == [
        "Osaat kuvata teollisuudessa ja energiatekniikassa kohdattavien komponenttien toimintaa termodynamiikan "
        "näkökulmasta."]


def test_a_reflexive_beside_the_verbs_own_object_is_not_made_the_learners():
    # ePerusteet, Nuorten valmentaminen: 'itsensä' is the athlete's; 'itsesi kehittämisessä' failed both reviewers
    text = ("Nuorten valmentaminen\nAmmattitaitovaatimukset:\nOpiskelija osaa\n- ohjata nuorta urheilijaa kehitysvaiheen mukaiseen urheiluun\n"
            "- ohjata nuorta urheilijaa itsensä kehittämisessä\n- arvioida omaa toimintaansa valmentajana")
    proposals = [o.text for o in propose(text).outcomes]
    assert "Osaat ohjata nuorta urheilijaa kehitysvaiheen mukaiseen urheiluun." in proposals
    assert not any("itsesi" in p for p in proposals), proposals
    assert "Osaat arvioida omaa toimintaasi valmentajana." in proposals
