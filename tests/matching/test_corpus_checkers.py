"""The catalogue and the needs/qrels checkers pass (they are standard-library scripts, run as a user would), and
the catalogue checker catches the slips a coordinator would see at once."""
import json
import shutil
import subprocess
import sys

from tests.conftest import ROOT


def run_checker(path):
    return subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=120)


def test_course_catalogue_checker_passes():
    done = run_checker(ROOT / "corpora" / "courses" / "check_courses.py")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "courses: 325" in done.stdout and done.stdout.strip().endswith("OK")


def test_needs_and_qrels_checker_passes():
    done = run_checker(ROOT / "corpora" / "needs" / "check_needs.py")
    assert done.returncode == 0, done.stdout + done.stderr


def test_course_checker_catches_invented_looking_rows(tmp_path):
    folder = tmp_path / "courses"
    shutil.copytree(ROOT / "corpora" / "courses", folder)
    path = folder / "courses_b.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    swedish = next(r for r in rows if r["language"] == "sv")
    swedish["language"] = "en"  # a Swedish text tagged English
    card = next(r for r in rows if r["id"] == "c224")
    card["credits"] = 1  # "Yksi päivä" cannot hold 27 hours of work
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    done = run_checker(folder / "check_courses.py")
    assert done.returncode == 1
    assert f"({swedish['id']}): tagged en but written in sv" in done.stdout
    assert "(c224): the text says 'Yksi päivä' but the course gives 1 op" in done.stdout
