"""The demo network: municipalities, organisations of every kind, and documented logins.

Names and texts are written in Finnish, Swedish and English as the cities would write them.
"""

from __future__ import annotations

from typing import Any

from lampio.demo.organisations_data import ORGANISATIONS as ORGANISATIONS_DATA

DEMO_PASSWORD = "Lampio-demo-2026"

MUNICIPALITIES: list[dict[str, Any]] = [
    {"slug": "oulu", "name": ("Oulu", "Uleåborg", "Oulu")},
    {"slug": "jyvaskyla", "name": ("Jyväskylä", "Jyväskylä", "Jyväskylä")},
    {"slug": "kuopio", "name": ("Kuopio", "Kuopio", "Kuopio")},
    {"slug": "lahti", "name": ("Lahti", "Lahtis", "Lahti")},
    {"slug": "turku", "name": ("Turku", "Åbo", "Turku")},
]

# Organisations live in organisations_data.py; re-exported here for the loader.
ORGANISATIONS = ORGANISATIONS_DATA

# (email, first name, last name, preferred language, network admin, memberships)
# memberships: (municipality slug, organisation slug, role)
USERS: list[tuple[str, str, str, str, bool, list[tuple[str, str, str]]]] = [
    ("asukas@demo.lampio.fi", "Aino", "Virtanen", "fi", False, []),
    ("invanare@demo.lampio.fi", "Elsa", "Lindqvist", "sv", False, []),
    (
        "hoiva@demo.lampio.fi",
        "Marjatta",
        "Heikkinen",
        "fi",
        False,
        [("oulu", "koskelan-palvelukoti", "care_staff")],
    ),
    (
        "tuottaja@demo.lampio.fi",
        "Joonas",
        "Laine",
        "fi",
        False,
        [("jyvaskyla", "teatteri-kuiskaus", "provider_editor")],
    ),
    (
        "henkilosto.oulu@demo.lampio.fi",
        "Sanna",
        "Mäkelä",
        "fi",
        False,
        [("oulu", "kulttuuripalvelut", "admin"), ("oulu", "kaupunginkirjasto", "staff")],
    ),
    (
        "henkilosto.jyvaskyla@demo.lampio.fi",
        "Mikko",
        "Nieminen",
        "fi",
        False,
        [("jyvaskyla", "kulttuuri", "admin"), ("jyvaskyla", "sinfonia", "staff")],
    ),
    (
        "henkilosto.kuopio@demo.lampio.fi",
        "Liisa",
        "Korhonen",
        "fi",
        False,
        [("kuopio", "kulttuuripalvelut", "admin"), ("kuopio", "musiikkikeskus", "staff")],
    ),
    (
        "henkilosto.lahti@demo.lampio.fi",
        "Antti",
        "Salonen",
        "fi",
        False,
        [("lahti", "kulttuuri", "admin"), ("lahti", "kaupunginkirjasto", "staff")],
    ),
    (
        "personal.turku@demo.lampio.fi",
        "Henrik",
        "Björkman",
        "sv",
        False,
        [("turku", "kulttuuri", "admin")],
    ),
    ("verkosto@demo.lampio.fi", "Kaisa", "Rantanen", "en", True, []),
]
