"""Plain course card from a structured course record: Kenelle, Mitä opit, Miten opiskelet, Työmäärä, Hinta,
Todistus. Accepts a dict or a ``poiju_nlp.records.CourseRecord``."""
from __future__ import annotations

from ..domain import HOURS_PER_CREDIT, MODE_LABELS, credits_to_hours
CARD_HEADINGS = ("Kenelle", "Mitä opit", "Miten opiskelet", "Työmäärä", "Hinta", "Todistus")


def _as_dict(record) -> dict:
    if record is None:
        return {}
    if isinstance(record, dict):
        return record
    if hasattr(record, "to_dict"):
        return record.to_dict()
    raise TypeError("record must be a dict or a CourseRecord")


def _number(x) -> str:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return str(x)
    return f"{v:.0f}" if v == int(v) else f"{v:.1f}".replace(".", ",")


def _fi_date(iso: str) -> str:
    parts = str(iso).split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{int(parts[2])}.{int(parts[1])}.{parts[0]}"
    return str(iso)


def course_card(record, rewrite_text=None) -> dict[str, str]:
    """The six card sections as plain Finnish text. ``rewrite_text`` (a function str -> str) makes free-text fields
    plain; without it they are used as written."""
    r = _as_dict(record)
    plain = rewrite_text or (lambda s: s)
    card: dict[str, str] = {}
    audience = r.get("audience") or r.get("target_group") or ""
    prereq = r.get("prerequisites") or ""
    if audience:
        card["Kenelle"] = plain(audience)
    elif prereq:
        card["Kenelle"] = f"Kurssi sopii sinulle, jos sinulla on tämä tausta: {plain(prereq)}"
    else:
        card["Kenelle"] = "Kaikille, joita aihe kiinnostaa. Kurssi ei vaadi aiempia opintoja."
    outcomes = r.get("learning_outcomes") or []
    if outcomes:
        card["Mitä opit"] = "\n".join(f"- {plain(o)}" for o in outcomes)
    else:
        card["Mitä opit"] = plain(r.get("description") or "") or "Kurssin sisältöä ei ole vielä kuvattu."
    how = []
    mode = (r.get("mode") or "").lower()
    if r.get("participation_form"):
        how.append(f"Opiskelet näin: {plain(r['participation_form'])}.")
    elif mode:
        how.append(f"Opiskelet {MODE_LABELS.get(mode, mode)}.")
    dates = r.get("dates") or {}
    if dates.get("start") and dates.get("end"):
        how.append(f"Kurssi alkaa {_fi_date(dates['start'])} ja päättyy {_fi_date(dates['end'])}.")
    elif dates.get("start"):
        how.append(f"Kurssi alkaa {_fi_date(dates['start'])}.")
    if r.get("provider"):
        how.append(f"Kurssin järjestää {r['provider']}.")
    if r.get("url"):
        how.append(f"Lisätietoja: {r['url']}")
    card["Miten opiskelet"] = " ".join(how) or "Opiskelutapaa ei ole vielä kerrottu."
    credits, hours = r.get("credits"), r.get("hours")
    if credits is not None:
        h = hours if hours is not None else credits_to_hours(credits)
        unit = "opintopiste" if float(credits) == 1 else "opintopistettä"
        card["Työmäärä"] = f"{_number(credits)} {unit} eli noin {_number(h)} tuntia työtä (1 op = {HOURS_PER_CREDIT} tuntia)."
    elif hours is not None:
        card["Työmäärä"] = f"Noin {_number(hours)} tuntia työtä."
    else:
        card["Työmäärä"] = "Työmäärää ei ole kerrottu."
    price = r.get("price_eur", r.get("price"))
    if price is None or price == "":
        card["Hinta"] = "Hintaa ei ole kerrottu."
    elif isinstance(price, (int, float)) and float(price) == 0:
        card["Hinta"] = "Kurssi on maksuton."
    else:
        card["Hinta"] = f"{_number(price)} euroa." if isinstance(price, (int, float)) else str(price)
    cert = []
    body = r.get("awarding_body") or r.get("provider")
    if body:
        cert.append(f"Saat todistuksen, kun suoritat kurssin. Todistuksen antaa {body}.")
    else:
        cert.append("Saat todistuksen, kun suoritat kurssin.")
    if r.get("assessment_type"):
        cert.append(f"Suoritus arvioidaan näin: {plain(r['assessment_type'])}.")
    card["Todistus"] = " ".join(cert)
    return card


def card_markdown(card: dict[str, str], title: str = "") -> str:
    lines = [f"## {title}"] if title else []
    for heading in CARD_HEADINGS:
        if heading in card:
            lines += [f"**{heading}**", card[heading], ""]
    return "\n".join(lines).strip() + "\n"
