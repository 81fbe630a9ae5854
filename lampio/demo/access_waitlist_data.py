"""How people get into the demo spaces, and who waits for, watches and grades which of them.

Spaces are named by (city, venue slug, space slug) as in spaces_data_*.py. School gyms and the
youth centres' rooms open with a personal code; concert and festival halls are opened by staff;
a few rooms have a key to pick up; everything else needs no key (the model's default).
"""

from __future__ import annotations

from lampio.core.multilingual import Translated
from lampio.spaces.models import AccessMethod

SpaceKey = tuple[str, str, str]
# (access method, door identifier, instructions)
Access = tuple[str, str, Translated]

_CODE_WINDOW = Translated(
    "Koodi toimii 15 minuuttia ennen varauksesi alkua.",
    "Koden fungerar 15 minuter innan din bokning börjar.",
    "The code works 15 minutes before your booking.",
)


def _code(door: str, where: Translated) -> Access:
    """A code space: its door in the organisation's door system and where the keypad is."""
    text = Translated(
        f"{where.fi} {_CODE_WINDOW.fi}",
        f"{where.sv} {_CODE_WINDOW.sv}",
        f"{where.en} {_CODE_WINDOW.en}",
    )
    return AccessMethod.CODE, door, text


_YARD_DOOR_B = Translated(
    "Käytä pihan puoleista ovea B; näppäimistö on oven oikealla puolella.",
    "Använd gårdsdörren B; knappsatsen sitter till höger om dörren.",
    "Use the yard door B; the keypad is on the right.",
)
_SPORTS_FIELD_DOOR_C = Translated(
    "Käytä urheilukentän puoleista ovea C; näppäimistö on ovikellon alla.",
    "Använd dörren C mot idrottsplanen; knappsatsen sitter under dörrklockan.",
    "Use door C on the sports field side; the keypad is below the doorbell.",
)
_MAIN_DOOR_A = Translated(
    "Käytä pääovea A; näppäimistö on oven vasemmalla puolella.",
    "Använd huvuddörren A; knappsatsen sitter till vänster om dörren.",
    "Use the main door A; the keypad is on the left.",
)
_YOUTH_MAIN_DOOR = Translated(
    "Käytä nuorisotalon pääovea; näppäimistö on katoksen alla oikealla.",
    "Använd ungdomsgårdens huvuddörr; knappsatsen sitter under taket till höger.",
    "Use the youth centre's main door; the keypad is under the canopy on the right.",
)
_BAND_ROOM_DOOR = Translated(
    "Bändikämppään mennään talon päädyn kellarioven kautta; näppäimistö on oven yläpuolella.",
    "Till replokalen går man genom källardörren på husets gavel; knappsatsen sitter ovanför "
    "dörren.",
    "The band room is reached through the basement door at the end of the building; the keypad "
    "is above the door.",
)
_STAFF = Translated(
    "Talon henkilökunta avaa ovet ja on paikalla tilaisuuden ajan. Tule pääovelle.",
    "Husets personal öppnar dörrarna och är på plats under evenemanget. Kom till huvudingången.",
    "The building's staff open the doors and stay for your event. Come to the main entrance.",
)


def _key(place: Translated) -> Access:
    return AccessMethod.KEY, "", place


def _gym(city: str, school: str, door: str, where: Translated) -> tuple[SpaceKey, Access]:
    return (city, school, "liikuntasali"), _code(f"{school}-sali-ovi-{door}", where)


def _youth(city: str, venue: str, short: str) -> list[tuple[SpaceKey, Access]]:
    return [
        ((city, venue, "nuorisosali"), _code(f"{short}-nuorisotalo-paaovi", _YOUTH_MAIN_DOOR)),
        ((city, venue, "bandikamppa"), _code(f"{short}-nuorisotalo-kellari", _BAND_ROOM_DOOR)),
    ]


ACCESS: dict[SpaceKey, Access] = dict(
    [
        _gym("oulu", "tuiran-koulu", "B", _YARD_DOOR_B),
        _gym("oulu", "pateniemen-koulu", "C", _SPORTS_FIELD_DOOR_C),
        _gym("oulu", "kaukovainion-koulu", "A", _MAIN_DOOR_A),
        *_youth("oulu", "nuorisotalo-kaakkuri", "kaakkuri"),
        _gym("jyvaskyla", "kilpisen-koulu", "B", _YARD_DOOR_B),
        _gym("jyvaskyla", "kuokkalan-koulu", "A", _MAIN_DOOR_A),
        _gym("jyvaskyla", "palokan-koulu", "C", _SPORTS_FIELD_DOOR_C),
        *_youth("jyvaskyla", "nuorisotalo-huhtasuo", "huhtasuo"),
        _gym("kuopio", "snellmanin-koulu", "A", _MAIN_DOOR_A),
        _gym("kuopio", "neulamaen-koulu", "B", _YARD_DOOR_B),
        _gym("kuopio", "jynkan-koulu", "C", _SPORTS_FIELD_DOOR_C),
        *_youth("kuopio", "nuorisotalo-petonen", "petonen"),
        _gym("lahti", "kivimaan-koulu", "B", _YARD_DOOR_B),
        _gym("lahti", "mukkulan-koulu", "A", _MAIN_DOOR_A),
        _gym("lahti", "liipolan-koulu", "C", _SPORTS_FIELD_DOOR_C),
        *_youth("lahti", "nuorisotalo-kiverio", "kiverio"),
        (("oulu", "musiikkikeskus", "kamarimusiikkisali"), (AccessMethod.STAFF, "", _STAFF)),
        (("oulu", "kulttuuritalo-pikisaari", "sali"), (AccessMethod.STAFF, "", _STAFF)),
        (("jyvaskyla", "musiikkitalo-tourula", "tourula-sali"), (AccessMethod.STAFF, "", _STAFF)),
        (("jyvaskyla", "kulttuuritalo-satama", "sali"), (AccessMethod.STAFF, "", _STAFF)),
        (("kuopio", "musiikkikeskus", "pieni-sali"), (AccessMethod.STAFF, "", _STAFF)),
        (("lahti", "sibeliustalo", "puusepanverstas"), (AccessMethod.STAFF, "", _STAFF)),
        (("lahti", "vanha-paloasema", "sali"), (AccessMethod.STAFF, "", _STAFF)),
        (("turku", "kulttuuritalo-aurajoki", "juhlasali"), (AccessMethod.STAFF, "", _STAFF)),
        (
            ("oulu", "kulttuuritalo-pikisaari", "keramiikkapaja"),
            _key(
                Translated(
                    "Hae avain kulttuuritalon infosta (ma–pe 9–16) viimeistään varauspäivänä ja "
                    "palauta se infon postiluukkuun.",
                    "Hämta nyckeln i kulturhusets info (mån–fre 9–16) senast på bokningsdagen "
                    "och lämna tillbaka den i infons brevinkast.",
                    "Pick up the key at the culture house's information desk (Mon–Fri 9–16) by "
                    "the day of your booking and return it through the desk's letterbox.",
                )
            ),
        ),
        (
            ("kuopio", "paakirjasto", "soittohuone"),
            _key(
                Translated(
                    "Avain lainataan kirjaston asiakaspalvelusta kirjastokortilla aukioloaikoina; "
                    "palauta se palautusautomaattiin.",
                    "Nyckeln lånas i bibliotekets kundtjänst med bibliotekskort under "
                    "öppettiderna; lämna tillbaka den i återlämningsautomaten.",
                    "Borrow the key with your library card at the library's customer service "
                    "during opening hours; return it to the returns machine.",
                )
            ),
        ),
        (
            ("turku", "kulttuuritalo-aurajoki", "studio"),
            _key(
                Translated(
                    "Hae avain kulttuuritalon vahtimestarilta (ma–la 8–20), toinen kerros.",
                    "Hämta nyckeln hos kulturhusets vaktmästare (mån–lör 8–20), andra våningen.",
                    "Pick up the key from the culture house's caretaker (Mon–Sat 8–20), second "
                    "floor.",
                )
            ),
        ),
    ]
)

# Gyms and youth rooms hold a freed slot for the first in line for a day: evening groups
# decide together, and a demo visitor finds the offer still open later in the day.
LONG_OFFER_HOLD_MINUTES = 24 * 60

# The demo resident with an open offer, the space, and who waits behind her.
OFFER = (
    "asukas@demo.lampio.fi",
    ("oulu", "tuiran-koulu", "liikuntasali"),
    "laura.hakala@demo.lampio.fi",
)

# (person, space): people in line for a taken upcoming slot of the space.
WAITING: list[tuple[str, SpaceKey]] = [
    ("matti.koskinen@demo.lampio.fi", ("oulu", "nuorisotalo-kaakkuri", "nuorisosali")),
    ("juha.lehtonen@demo.lampio.fi", ("jyvaskyla", "kilpisen-koulu", "liikuntasali")),
    ("pekka.turunen@demo.lampio.fi", ("kuopio", "jynkan-koulu", "liikuntasali")),
    ("invanare@demo.lampio.fi", ("lahti", "nuorisotalo-kiverio", "bandikamppa")),
    ("asukas@demo.lampio.fi", ("lahti", "kivimaan-koulu", "liikuntasali")),
]

# (person, city, venue, space or None for the whole venue, weekday 0=Mon, from, until)
WATCHES: list[tuple[str, str, str, str | None, int, int, int]] = [
    ("asukas@demo.lampio.fi", "oulu", "tuiran-koulu", "liikuntasali", 1, 18, 20),
    ("asukas@demo.lampio.fi", "oulu", "nuorisotalo-kaakkuri", None, 5, 10, 14),
    ("invanare@demo.lampio.fi", "lahti", "kivimaan-koulu", "liikuntasali", 3, 17, 19),
    ("juha.lehtonen@demo.lampio.fi", "jyvaskyla", "kilpisen-koulu", "liikuntasali", 0, 18, 21),
    ("tiina.manninen@demo.lampio.fi", "jyvaskyla", "nuorisotalo-huhtasuo", None, 4, 16, 20),
    ("pekka.turunen@demo.lampio.fi", "kuopio", "jynkan-koulu", "liikuntasali", 2, 19, 21),
    ("johan.sundqvist@demo.lampio.fi", "turku", "kulttuuritalo-aurajoki", "studio", 6, 12, 16),
    ("kimmo.saarinen@demo.lampio.fi", "lahti", "liipolan-koulu", "liikuntasali", 1, 17, 20),
]

# (space, grade 1–5, comment): feedback on the space's latest past booking.
REVIEWS: list[tuple[SpaceKey, int, str]] = [
    (("oulu", "tuiran-koulu", "liikuntasali"), 5, "Sali oli siisti ja ovikoodi toimi heti."),
    (
        ("oulu", "nuorisotalo-kaakkuri", "bandikamppa"),
        3,
        "Menin ensin väärälle ovelle. Ohjeessa voisi olla kuva kellarin ovesta.",
    ),
    (
        ("jyvaskyla", "kilpisen-koulu", "liikuntasali"),
        4,
        "Hyvä vuoro, salibandymaalit olivat valmiina.",
    ),
    (("kuopio", "snellmanin-koulu", "liikuntasali"), 2, "Pukuhuoneen valot eivät syttyneet."),
    (("lahti", "nuorisotalo-kiverio", "nuorisosali"), 5, "Bra lokal och allt fungerade, tack!"),
    (("turku", "kulttuuritalo-aurajoki", "studio"), 4, "Avaimen nouto sujui, studio oli lämmin."),
    (("lahti", "paakirjasto", "vesijarvi"), 5, ""),
]

# A code grant that the door system could not take: an alert on the staff's access page.
FAILED_SYNC_SPACE: SpaceKey = ("oulu", "nuorisotalo-kaakkuri", "nuorisosali")
FAILED_SYNC_ERROR = "Connection refused (door controller offline)"
