"""The teacher tab's Selkeytä section: side by side with edits labelled, copyable text, downloads."""
from poiju_nlp.ui.teacher_tab import rewrite_for_ui, rule_label


def test_rewrite_section_returns_side_by_side_segments_and_downloads():
    text = "Opintojaksolla perehdytään lääkehoitoon <b>verkossa</b>. Laajuus on 3 op."
    before, after, plain, summary, rows, download, report, state = rewrite_for_ui(text)
    assert "".join(piece for piece, _ in before) == text
    assert "".join(piece for piece, _ in after) == plain
    assert any(label == "muutos" for _, label in after)  # each edit is marked; its rule is in the list of choices
    # 'perehdytään lääkehoitoon' -> 'perehdyt lääkehoitoon'
    assert any(rule_label(e["rule"]) == "lukijan puhuttelu" for e in state["edits"])
    assert "<b>verkossa</b>" in plain  # shown as text by HighlightedText/Textbox, never rendered as HTML
    assert rows and all(len(r) == 4 for r in rows)
    assert open(download, encoding="utf-8").read() == plain
    assert '"checks"' in open(report, encoding="utf-8").read()
    assert "Selkeys" in summary
