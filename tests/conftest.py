import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

DESCRIPTION = (
    "Opintojakson osaamistavoitteet kuvataan opetussuunnitelmassa. "
    "Opintojaksolla perehdytään moniammatilliseen yhteistyöhön ja asiakaslähtöisyyteen. "
    "Laajuus on 5 opintopistettä, ja kurssi maksaa 120 euroa."
)


@pytest.fixture(scope="session")
def description() -> str:
    return DESCRIPTION


def run_cli(*args, stdin: str | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    """Run ``python -m poiju_nlp ARGS`` as a user would."""
    return subprocess.run([sys.executable, "-m", "poiju_nlp", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, timeout=timeout)
