"""The demo's maturity self-assessments (see capability_roadmap.py); its roadmap initiatives
are in capability_initiatives_data.py."""

from __future__ import annotations

from datetime import date

SPRING_2025, AUTUMN_2026, DRAFT_ON = date(2025, 4, 10), date(2026, 10, 15), date(2026, 11, 2)
KEYS = ("strategy", "services", "processes", "data", "skills", "technology", "ecosystem")

# (city, organisation): levels in KEYS order in spring 2025, then in autumn 2026.
LEVELS: dict[tuple[str, str], tuple[str, str]] = {
    ("oulu", "kulttuuripalvelut"): ("2322232", "3433343"),
    ("oulu", "kaupunginkirjasto"): ("3322332", "3432433"),
    ("oulu", "taidemuseo"): ("2212122", "2323232"),
    ("jyvaskyla", "kulttuuri"): ("3332233", "4443334"),
    ("jyvaskyla", "sinfonia"): ("1211121", "2221222"),
    ("jyvaskyla", "teatteri-kuiskaus"): ("1111111", "2121112"),
    ("kuopio", "kulttuuripalvelut"): ("2221222", "3322232"),
    ("kuopio", "musiikkikeskus"): ("2312231", "2323231"),
    ("lahti", "kulttuuri"): ("3222322", "3332332"),
    ("lahti", "kaupunginkirjasto"): ("2332232", "3443343"),
    ("lahti", "sirkus-tahti"): ("1211112", "2211122"),
    ("turku", "kulttuuri"): ("3323332", "4434443"),
}
TARGET_STEP = 1  # each dimension aims one level up from where it stands
EVIDENCE = {
    "strategy": "Kulttuurin digitiekartta hyväksyttiin lautakunnassa, ja sille on varattu "
    "budjetti.",
    "services": "Tilavaraus ja ilmoittautuminen toimivat verkossa maksuineen; palautetta kerätään.",
    "data": "Kävijä- ja varausluvut kootaan kuukausittain yhteiseen näkymään.",
}
SUMMARIES = {
    SPRING_2025: "Ensimmäinen itsearvio. Vahvuutena henkilöstön innostus, heikkoutena hajanaiset "
    "järjestelmät.",
    AUTUMN_2026: "Verkkovaraus ja digiagentit ovat nostaneet tasoa. Seuraavaksi tiedolla "
    "johtaminen ja yhteistyö kumppanien kanssa.",
}
EVIDENCE_LINK = ("Kulttuurin digitiekartta 2025–2027", "https://www.ouka.fi/kulttuuri")
