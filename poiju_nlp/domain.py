"""Domain facts: one home for each. Settings (limits, thresholds) live in ``settings.py``; facts that are true of
Finnish higher education and of the EU recommendation live here, and every module imports them from here.

>>> credits_to_hours(5)
135.0
>>> MODE_LABELS["monimuoto"]
'osin verkossa, osin paikan päällä'
"""
from __future__ import annotations

import re

# Finland: 1 op (opintopiste, an ECTS credit) = 27 hours of student work (reference.md; Universities Act practice).
HOURS_PER_CREDIT = 27
# The Finnish draft national micro-credential framework (OKM working group 2024): 1-59 op; 60 op is a study year.
MICRO_CREDENTIAL_MIN_CREDITS = 1.0
MICRO_CREDENTIAL_MAX_CREDITS = 59.0

# Course levels in the catalogue (perus = basic, syventävä = advanced, täydentävä = continuing education for people
# at work, jatko = doctoral) and the EQF level each usually corresponds to in Finnish higher education (continuing
# education builds on a bachelor-level degree and is offered at that level unless the provider says otherwise).
COURSE_LEVELS = ("perus", "syventävä", "täydentävä", "jatko")
EQF_BY_LEVEL = {"perus": 6, "syventävä": 7, "täydentävä": 6, "jatko": 8}

# Forms of participation (EU element 10) as the catalogue writes them, with a plain Finnish phrase for each.
MODES = ("lähi", "etä", "hybridi", "verkko")
MODE_ALIASES = {"lähiopetus": "lähi", "etäopetus": "etä", "monimuoto": "hybridi", "monimuotoinen": "hybridi",
                "verkko-opetus": "verkko", "verkkokurssi": "verkko"}
MODE_LABELS = {"verkko": "verkossa", "etäopetus": "etänä verkossa", "etä": "etänä verkossa",
               "lähiopetus": "paikan päällä", "lähi": "paikan päällä", "monimuoto": "osin verkossa, osin paikan päällä",
               "hybridi": "osin verkossa, osin paikan päällä"}

# Words for a unit of study: what a course is called in Finnish course text.
CREDIT_WORDS = ("op", "opintopiste", "osp", "osaamispiste", "ects")


def credits_to_hours(credits: float) -> float:
    """Notional workload in hours for a credit amount (1 op = 27 h)."""
    return float(credits) * HOURS_PER_CREDIT


def hours_to_credits(hours: float) -> float:
    """Credits for a workload in hours (27 h = 1 op)."""
    return float(hours) / HOURS_PER_CREDIT


_CREDIT_RANGE_END = re.compile(r"(\d+(?:[,.]\d+)?)\s*[–-]\s*\d+(?:[,.]\d+)?\s*$")


def credit_range_start(text_before: str) -> float | None:
    """The lower end of a credit range that ``text_before`` (the text up to the credit word) ends with, or None.

    >>> credit_range_start("Mittaustekniikan projekti (3–12 ")
    3.0
    >>> credit_range_start("Laajuus 5 ") is None
    True
    """
    m = _CREDIT_RANGE_END.search(text_before[-32:])
    return float(m.group(1).replace(",", ".")) if m else None
