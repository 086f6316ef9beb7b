"""Fit the plainness score's weights on annotated data and write poiju_nlp/scoring/calibration.json.

    python -m evaluation.calibrate_scoring

Training data: corpora/annotated/plainness_pairs.jsonl (academic = 0, plain = 1) and jargon_sentences.jsonl
(no annotated span = 1, two or more spans = 0). Model: L2-regularised logistic regression on the score's features
(poiju_nlp.scoring.score.FEATURES). Reports 5-fold cross-validated pair accuracy (folds grouped by pair, so a
pair's two sides never straddle train and test).
"""
from __future__ import annotations

import json
from datetime import datetime, timezone

import numpy as np

from poiju_nlp.scoring.score import CALIBRATION_PATH, FEATURES
from .common import corpus_path, read_jsonl


def feature_rows(texts: list[str]) -> np.ndarray:
    """The score's own features (poiju_nlp.scoring.score.score_analysis), one row per text."""
    from poiju_nlp.scoring.score import score_analysis
    from poiju_nlp.text import analyze_many, validate_text

    analyses = analyze_many([validate_text(t, check_language=False) for t in texts])
    return np.array([[score_analysis(a).features[k] for k in FEATURES] for a in analyses])


def training_data():
    pairs = read_jsonl(corpus_path("annotated", "plainness_pairs.jsonl"))
    sentences = read_jsonl(corpus_path("annotated", "jargon_sentences.jsonl"))
    texts, labels, groups = [], [], []
    for n, p in enumerate(pairs):
        texts += [p["academic"], p["plain"]]
        labels += [0, 1]
        groups += [n, n]
    for n, s in enumerate(sentences):
        spans = len(s["jargon"])
        if spans == 0 or spans >= 2:
            texts.append(s["text"])
            labels.append(1 if spans == 0 else 0)
            groups.append(len(pairs) + n)
    return texts, np.array(labels), np.array(groups), len(pairs)


def fit(X: np.ndarray, y: np.ndarray, C: float = 1.0):
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, max_iter=5000)
    model.fit(X, y)
    return model


def pair_accuracy(model, X: np.ndarray, n_pairs: int, pair_ids) -> float:
    z = model.decision_function(X)
    ok = [z[2 * i + 1] > z[2 * i] for i in pair_ids]
    return float(np.mean(ok)) if ok else 0.0


def cross_validated_pair_accuracy(X, y, groups, n_pairs, folds: int = 5, C: float = 1.0) -> float:
    from sklearn.model_selection import GroupKFold

    correct = []
    for train, test in GroupKFold(n_splits=folds).split(X, y, groups):
        model = fit(X[train], y[train], C)
        test_pairs = sorted({int(g) for g in groups[test] if g < n_pairs})
        z = model.decision_function(X)
        correct += [z[2 * i + 1] > z[2 * i] for i in test_pairs]
    return float(np.mean(correct))


def main() -> dict:
    texts, y, groups, n_pairs = training_data()
    X = feature_rows(texts)
    best = max(((cross_validated_pair_accuracy(X, y, groups, n_pairs, C=C), C) for C in (0.3, 1.0, 3.0, 10.0)))
    cv_acc, C = best
    model = fit(X, y, C)
    result = {
        "bias": float(model.intercept_[0]),
        "weights": {k: float(w) for k, w in zip(FEATURES, model.coef_[0])},
        "fitted": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "training": {"texts": len(texts), "pairs": n_pairs, "C": C,
                     "cv_pair_accuracy": round(cv_acc, 4),
                     "in_sample_pair_accuracy": round(pair_accuracy(model, X, n_pairs, range(n_pairs)), 4)},
    }
    CALIBRATION_PATH.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return result


if __name__ == "__main__":
    print(json.dumps(main(), indent=2, ensure_ascii=False))
