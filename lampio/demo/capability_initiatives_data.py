"""The demo's roadmap initiatives with their indicators and measured values (see
capability_roadmap.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

T = tuple[str, str, str]
# title, description, owner (city, org) or None, owner_name, compass point, dimension, status,
# starts, ends, cities, indicators: (name, unit, baseline, target, target date, higher is
# better, values as (date, value)).
INITIATIVES: list[dict[str, Any]] = [
    {
        "title": (
            "Digiagentit jokaiseen kulttuuriyksikköön",
            "Digiagenter i varje kulturenhet",
            "Digital agents in every culture unit",
        ),
        "description": (
            "Koulutetaan jokaiseen yksikköön digiagentti, joka tukee työkavereita uusissa "
            "välineissä ja kerää kehitysideoita.",
            "Varje enhet får en utbildad digiagent som stöder kollegerna med nya verktyg och "
            "samlar utvecklingsidéer.",
            "Every unit gets a trained digital agent who helps colleagues with new tools and "
            "gathers ideas for development.",
        ),
        "owner": None,
        "owner_name": "Verkoston digikoordinaattori",
        "compass_point": "skills",
        "dimension": "skills",
        "status": "in_progress",
        "starts_on": date(2025, 2, 1),
        "ends_on": date(2026, 12, 31),
        "cities": ["oulu", "jyvaskyla", "kuopio", "lahti", "turku"],
        "indicators": [
            (
                ("Koulutetut digiagentit", "Utbildade digiagenter", "Trained digital agents"),
                "hlö",
                4,
                40,
                date(2026, 12, 31),
                True,
                [
                    (date(2025, 6, 30), 12),
                    (date(2025, 12, 31), 21),
                    (date(2026, 6, 30), 30),
                    (date(2026, 10, 31), 34),
                ],
            )
        ],
    },
    {
        "title": (
            "Ikäihmisten digituki kirjastoissa",
            "Digitalt stöd för äldre på biblioteken",
            "Digital support for older people in libraries",
        ),
        "description": (
            "Kirjastot tarjoavat viikoittaista digitukea ja opastusta laitteiden ja "
            "asiointipalvelujen käyttöön.",
            "Biblioteken erbjuder stöd varje vecka med enheter och e-tjänster.",
            "Libraries offer weekly help with devices and online services.",
        ),
        "owner": ("oulu", "kaupunginkirjasto"),
        "owner_name": "Kirjastopalvelujen päällikkö",
        "compass_point": "skills",
        "dimension": "services",
        "status": "in_progress",
        "starts_on": date(2025, 9, 1),
        "ends_on": date(2027, 5, 31),
        "cities": ["oulu"],
        "indicators": [
            (
                ("Digituen ohjauskerrat vuodessa", "Handledningar per år", "Help sessions a year"),
                "kpl",
                350,
                900,
                date(2027, 5, 31),
                True,
                [(date(2025, 12, 31), 480), (date(2026, 6, 30), 640), (date(2026, 10, 31), 720)],
            )
        ],
    },
    {
        "title": (
            "Henkilöstön digitaitokartoitus",
            "Kartläggning av personalens digitala färdigheter",
            "Survey of staff digital skills",
        ),
        "description": (
            "Kartoitetaan koko verkoston kulttuurihenkilöstön digitaidot ja koulutustarpeet.",
            "Nätverkets kulturpersonal kartlägger sina digitala färdigheter och utbildningsbehov.",
            "The digital skills and training needs of culture staff across the network are "
            "surveyed.",
        ),
        "owner": None,
        "owner_name": "Verkoston digikoordinaattori",
        "compass_point": "skills",
        "dimension": "skills",
        "status": "done",
        "starts_on": date(2025, 1, 15),
        "ends_on": date(2025, 6, 30),
        "cities": [],
        "indicators": [
            (
                ("Vastausprosentti", "Svarsprocent", "Response rate"),
                "%",
                None,
                60,
                date(2025, 6, 30),
                True,
                [(date(2025, 3, 31), 38), (date(2025, 5, 31), 64)],
            )
        ],
    },
    {
        "title": (
            "Kulttuuritoimijoiden yhteinen tapahtumadata",
            "Gemensamma evenemangsdata för kulturaktörer",
            "Shared event data for culture organisations",
        ),
        "description": (
            "Yhdistykset ja yritykset julkaisevat tapahtumansa yhden rajapinnan kautta kaikkiin "
            "kanaviin.",
            "Föreningar och företag publicerar sina evenemang i alla kanaler via ett gränssnitt.",
            "Associations and businesses publish their events to every channel through one "
            "interface.",
        ),
        "owner": None,
        "owner_name": "Verkoston tietoasiantuntija",
        "compass_point": "businesses",
        "dimension": "ecosystem",
        "status": "in_progress",
        "starts_on": date(2025, 10, 1),
        "ends_on": date(2027, 3, 31),
        "cities": ["jyvaskyla", "lahti", "turku"],
        "indicators": [
            (
                (
                    "Rajapinnan kautta julkaistut tapahtumat",
                    "Evenemang publicerade via gränssnittet",
                    "Events published through the interface",
                ),
                "kpl",
                0,
                2000,
                date(2027, 3, 31),
                True,
                [(date(2026, 3, 31), 240), (date(2026, 9, 30), 910)],
            )
        ],
    },
    {
        "title": (
            "Luovien alojen yrittäjien digisparraus",
            "Digital sparrning för företagare inom kreativa branscher",
            "Digital coaching for creative entrepreneurs",
        ),
        "description": (
            "Pienyrittäjät saavat sparrausta verkkomyyntiin ja tapahtumien markkinointiin.",
            "Småföretagare får sparrning i webbförsäljning och marknadsföring av evenemang.",
            "Small businesses get coaching in online sales and event marketing.",
        ),
        "owner": ("lahti", "kulttuuri"),
        "owner_name": "Kulttuuriyrittäjyyden asiantuntija",
        "compass_point": "businesses",
        "dimension": "ecosystem",
        "status": "planned",
        "starts_on": date(2027, 1, 1),
        "ends_on": date(2027, 12, 31),
        "cities": ["lahti"],
        "indicators": [
            (
                ("Sparratut yritykset", "Företag som fått sparrning", "Businesses coached"),
                "kpl",
                0,
                25,
                date(2027, 12, 31),
                True,
                [],
            )
        ],
    },
    {
        "title": (
            "Kulttuuritilojen yhteinen varausjärjestelmä",
            "Gemensamt bokningssystem för kulturlokaler",
            "Shared booking system for culture venues",
        ),
        "description": (
            "Kaikkien kaupunkien kulttuuritilat varataan ja maksetaan samassa palvelussa.",
            "Alla städers kulturlokaler bokas och betalas i samma tjänst.",
            "Every city's culture venues are booked and paid for in the same service.",
        ),
        "owner": None,
        "owner_name": "Verkoston ohjausryhmä",
        "compass_point": "infrastructure",
        "dimension": "technology",
        "status": "in_progress",
        "starts_on": date(2025, 3, 1),
        "ends_on": date(2026, 12, 31),
        "cities": ["oulu", "jyvaskyla", "kuopio", "lahti", "turku"],
        "indicators": [
            (
                (
                    "Verkossa varattavat tilat",
                    "Lokaler som kan bokas på webben",
                    "Venues bookable online",
                ),
                "%",
                35,
                90,
                date(2026, 12, 31),
                True,
                [(date(2025, 9, 30), 48), (date(2026, 3, 31), 66), (date(2026, 9, 30), 79)],
            )
        ],
    },
    {
        "title": (
            "Tietoturvan perustaso kaikille toimipisteille",
            "Grundnivå för informationssäkerhet på alla verksamhetsställen",
            "Baseline security for every site",
        ),
        "description": (
            "Monivaiheinen tunnistautuminen, päivitetyt laitteet ja tietoturvakoulutus kaikille.",
            "Flerstegsautentisering, uppdaterade enheter och säkerhetsutbildning för alla.",
            "Multi-factor authentication, up-to-date devices and security training for all.",
        ),
        "owner": ("jyvaskyla", "kulttuuri"),
        "owner_name": "Tietohallinnon yhteyshenkilö",
        "compass_point": "infrastructure",
        "dimension": "technology",
        "status": "in_progress",
        "starts_on": date(2026, 1, 15),
        "ends_on": date(2026, 12, 31),
        "cities": ["jyvaskyla"],
        "indicators": [
            (
                (
                    "Toimipisteet, joissa monivaiheinen tunnistautuminen",
                    "Verksamhetsställen med flerstegsautentisering",
                    "Sites with multi-factor authentication",
                ),
                "%",
                20,
                100,
                date(2026, 12, 31),
                True,
                [(date(2026, 4, 30), 55), (date(2026, 9, 30), 85)],
            )
        ],
    },
    {
        "title": (
            "Musiikkikeskuksen striimausvalmius",
            "Strömningsberedskap i musikcentret",
            "Streaming readiness at the music centre",
        ),
        "description": (
            "Verkkoyhteys ja kamerat uusitaan, jotta konsertit voidaan striimata hoivakoteihin.",
            "Nätförbindelsen och kamerorna förnyas så att konserter kan strömmas till vårdhem.",
            "The network connection and cameras are renewed so concerts can be streamed to "
            "care homes.",
        ),
        "owner": ("kuopio", "musiikkikeskus"),
        "owner_name": "Tekninen päällikkö",
        "compass_point": "infrastructure",
        "dimension": "technology",
        "status": "paused",
        "starts_on": date(2025, 5, 1),
        "ends_on": date(2026, 8, 31),
        "cities": ["kuopio"],
        "indicators": [
            (
                (
                    "Striimatut konsertit vuodessa",
                    "Strömmade konserter per år",
                    "Concerts streamed a year",
                ),
                "kpl",
                6,
                30,
                date(2026, 8, 31),
                True,
                [(date(2025, 12, 31), 11)],
            )
        ],
    },
    {
        "title": (
            "Yhdellä kirjautumisella kaikkiin kulttuuripalveluihin",
            "En inloggning till alla kulturtjänster",
            "One login for every culture service",
        ),
        "description": (
            "Asukas kirjautuu kerran ja näkee varauksensa, ilmoittautumisensa ja laskunsa.",
            "Invånaren loggar in en gång och ser sina bokningar, anmälningar och fakturor.",
            "Residents log in once and see their bookings, registrations and invoices.",
        ),
        "owner": None,
        "owner_name": "Verkoston ohjausryhmä",
        "compass_point": "public_services",
        "dimension": "services",
        "status": "planned",
        "starts_on": date(2027, 1, 1),
        "ends_on": date(2027, 12, 31),
        "cities": ["oulu", "jyvaskyla", "kuopio", "lahti", "turku"],
        "indicators": [
            (
                (
                    "Tyytyväisyys verkkoasiointiin (1–5)",
                    "Nöjdhet med e-tjänsterna (1–5)",
                    "Satisfaction with online services (1–5)",
                ),
                "",
                Decimal("3.4"),
                Decimal("4.2"),
                date(2027, 12, 31),
                True,
                [(date(2025, 12, 31), Decimal("3.5"))],
            )
        ],
    },
    {
        "title": (
            "Palautteen käsittelyaika puoleen",
            "Halverad handläggningstid för respons",
            "Halving the time to handle feedback",
        ),
        "description": (
            "Palaute ohjautuu suoraan oikealle tiimille ja vastauspohjat nopeuttavat käsittelyä.",
            "Responsen går direkt till rätt team och svarsmallar snabbar upp handläggningen.",
            "Feedback goes straight to the right team, and reply templates speed up handling.",
        ),
        "owner": ("turku", "kulttuuri"),
        "owner_name": "Asiakaspalvelupäällikkö",
        "compass_point": "public_services",
        "dimension": "processes",
        "status": "in_progress",
        "starts_on": date(2025, 8, 1),
        "ends_on": date(2026, 12, 31),
        "cities": ["turku"],
        "indicators": [
            (
                (
                    "Palautteen käsittelyaika",
                    "Handläggningstid för respons",
                    "Time to handle feedback",
                ),
                "vrk",
                14,
                5,
                date(2026, 12, 31),
                False,
                [(date(2025, 12, 31), 11), (date(2026, 4, 30), 8), (date(2026, 9, 30), 6)],
            )
        ],
    },
    {
        "title": (
            "Taidemuseon kokoelmat verkkoon",
            "Konstmuseets samlingar på webben",
            "The art museum's collection online",
        ),
        "description": (
            "Kokoelmien teokset kuvataan ja julkaistaan verkossa avoimena datana.",
            "Verken i samlingarna fotograferas och publiceras på webben som öppna data.",
            "Works in the collection are photographed and published online as open data.",
        ),
        "owner": ("oulu", "taidemuseo"),
        "owner_name": "Kokoelmapäällikkö",
        "compass_point": "public_services",
        "dimension": "data",
        "status": "in_progress",
        "starts_on": date(2025, 4, 1),
        "ends_on": date(2027, 6, 30),
        "cities": ["oulu"],
        "indicators": [
            (
                (
                    "Verkossa julkaistut teokset",
                    "Verk publicerade på webben",
                    "Works published online",
                ),
                "kpl",
                1200,
                6000,
                date(2027, 6, 30),
                True,
                [(date(2025, 10, 31), 2100), (date(2026, 5, 31), 3400), (date(2026, 10, 31), 4100)],
            )
        ],
    },
]
