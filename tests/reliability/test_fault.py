"""Fault test: ``kill -9`` a process while it saves a course index. The previous index must still load, and no
catalog row may be lost: after every kill the folder holds either the old index or the new one, complete."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
KILLS = 4

# The child loads the new index and saves it over the live folder again and again, announcing each save, so a
# kill lands at a random point of a save (writing files, fsync, or between the two renames).
CHILD = """
import sys
from poiju_nlp.matching.index import CourseIndex
index = CourseIndex.load(sys.argv[1])
print("READY", flush=True)
while True:
    index.save(sys.argv[2])
"""


def catalog(n: int) -> list:
    from evaluation.common import corpus_path, read_jsonl
    from poiju_nlp.records import CourseRecord

    rows = []
    for path in sorted(corpus_path("courses").glob("*.jsonl")):
        rows += read_jsonl(path)
    records = [CourseRecord.from_dict(r)[0] for r in rows[:n]]
    assert len(records) == n and len({r.id for r in records}) == n
    return records


def test_kill_9_during_index_save_keeps_a_complete_index(tmp_path):
    from poiju_nlp.matching.index import CourseIndex
    records = catalog(60)
    old_ids = {r.id for r in records[:30]}
    new_ids = {r.id for r in records}
    live = tmp_path / "index"
    CourseIndex.build(records[:30], show_progress=False).save(live)  # the index users have now
    staged = tmp_path / "staged"
    CourseIndex.build(records, show_progress=False).save(staged)  # the next version, being saved over it

    rng = random.Random(1)
    seen = []
    for n in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(staged), str(live)], cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "READY", child.stderr.read()
        time.sleep(rng.uniform(0.0, 0.4))  # a save takes tens of ms: the kill lands inside one
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        assert child.returncode == -signal.SIGKILL

        loaded = CourseIndex.load(live)  # raises IndexCorruptError if the kill left a broken index
        ids = set(loaded.records)
        assert ids in (old_ids, new_ids), f"kill {n}: {len(ids)} rows, neither the old nor the new index"
        assert len(loaded.passages) > 0 and loaded.vectors.shape[0] == len(loaded.passages)
        seen.append(len(ids))
    print("rows after each kill:", seen)
