"""The shapes of the venues-and-spaces demo, and what every city shares: equipment, opening
hours, extra residents, closed days and staff blocks.

The venues themselves live in one module per city (spaces_data_<city>.py), the kinds of space
with their texts and booking rules in spaces_data_presets.py. Texts are (Finnish, Swedish as
written in Finland, English).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

Text = tuple[str, str, str]

VenueKind = Literal["culture_centre", "library", "music_centre", "school", "youth_house"]


@dataclass(frozen=True)
class Preset:
    """A kind of space: its type, texts, equipment, rules, price and how busy it usually is."""

    space_type: str
    hours: str  # a key of HOURS
    description: Text
    terms: Text
    equipment: tuple[str, ...]
    # What bookers type as the purpose: (in Finnish, in Swedish), picked by their language.
    purposes: tuple[tuple[str, str], ...]
    durations: tuple[int, ...]  # usual booking lengths in minutes
    busyness: float  # chance that a free slot of the weekly plan gets a regular booking
    slot_minutes: int = 60
    min_minutes: int = 60
    max_minutes: int = 180
    buffer_before: int = 0
    buffer_after: int = 0
    requires_handling: bool = False
    price_type: str = "free"
    price: str = "0"
    induction_loop: bool = False
    booking_opens_days: int = 60
    cancellation_hours: int = 24


@dataclass(frozen=True)
class SpaceSpec:
    slug: str
    preset: str  # a key of PRESETS
    name: Text
    capacity: int
    description: Text | None = None  # None: the preset's description
    price: str | None = None  # None: the preset's price
    extra_equipment: tuple[str, ...] = ()
    step_free: bool | None = None  # None: as the venue


@dataclass(frozen=True)
class VenueSpec:
    city: str
    organisation: str
    slug: str
    kind: VenueKind
    name: Text
    description: Text
    street_address: str
    postal_code: str
    post_office: str
    directions: Text
    accessibility: Text
    latitude: str
    longitude: str
    spaces: tuple[SpaceSpec, ...]
    step_free: bool = True
    accessible_toilet: bool = True


@dataclass(frozen=True)
class Recurrence:
    """Every fourth `weekday` (0 = Monday), in week `week` (0–3) of a four-week cycle counted
    from the calendar itself, so a date keeps its events whichever day the demo is loaded."""

    weekday: int
    week: int

    def occurs_on(self, day: date) -> bool:
        # date.toordinal() is 1 on Monday 1 January of year 1, so weeks start on Mondays.
        return day.weekday() == self.weekday and (day.toordinal() - 1) // 7 % 4 == self.week


@dataclass(frozen=True)
class ExceptionSpec:
    city: str
    venue: str
    space: str | None  # None: every space of the venue
    when: Recurrence
    reason: Text
    opens: int | None = None  # hours given: open at these hours instead of closed all day
    closes: int | None = None


@dataclass(frozen=True)
class BlockSpec:
    city: str
    venue: str
    space: str
    when: Recurrence
    starts: int  # hour, local time
    ends: int
    purpose: str


# (slug, name)
EQUIPMENT: list[tuple[str, Text]] = [
    ("projector", ("Videotykki", "Videoprojektor", "Projector")),
    ("display", ("Iso näyttö", "Stor bildskärm", "Large screen")),
    ("whiteboard", ("Valkotaulu", "Whiteboardtavla", "Whiteboard")),
    (
        "video-conferencing",
        ("Videoneuvottelulaitteet", "Utrustning för videomöten", "Video conferencing"),
    ),
    ("piano", ("Piano", "Piano", "Piano")),
    ("grand-piano", ("Flyygeli", "Flygel", "Grand piano")),
    ("stage-lighting", ("Esitysvalaistus", "Scenbelysning", "Stage lighting")),
    ("sound-system", ("Äänentoisto", "Ljudanläggning", "Sound system")),
    ("drum-kit", ("Rumpusetti", "Trumset", "Drum kit")),
    (
        "guitar-amplifiers",
        ("Kitara- ja bassovahvistimet", "Gitarr- och basförstärkare", "Guitar and bass amplifiers"),
    ),
    ("wall-bars", ("Puolapuut", "Ribbstolar", "Wall bars")),
    ("floorball-goals", ("Salibandymaalit", "Innebandymål", "Floorball goals")),
    ("badminton-nets", ("Sulkapalloverkot", "Badmintonnät", "Badminton nets")),
    ("mirror-wall", ("Peiliseinä", "Spegelvägg", "Mirror wall")),
    ("kitchen-appliances", ("Keittiökoneet", "Köksmaskiner", "Kitchen appliances")),
    ("coffee-maker", ("Kahvinkeitin", "Kaffebryggare", "Coffee maker")),
    ("sewing-machines", ("Ompelukoneet", "Symaskiner", "Sewing machines")),
    (
        "workbench",
        ("Työpöydät ja käsityökalut", "Arbetsbänkar och handverktyg", "Workbenches and hand tools"),
    ),
    ("kiln", ("Keramiikkauuni", "Keramikugn", "Kiln")),
]

_WEEKDAYS = (0, 1, 2, 3, 4)
# Weekly opening hours per kind of venue: (weekdays, opens hour, closes hour), local time.
HOURS: dict[str, list[tuple[tuple[int, ...], int, int]]] = {
    "culture": [(_WEEKDAYS, 8, 21), ((5,), 10, 18), ((6,), 12, 18)],
    "library": [(_WEEKDAYS, 8, 20), ((5,), 10, 16)],
    "music": [(_WEEKDAYS, 8, 22), ((5, 6), 10, 20)],
    # School gyms and classrooms are open to residents after the school day.
    "school": [(_WEEKDAYS, 17, 22), ((5, 6), 9, 20)],
    "youth": [(_WEEKDAYS, 12, 22), ((5,), 14, 22)],
}

# Residents who book in one city, the contact people of clubs and choirs: (email, first name,
# last name, language, city). The documented residents asukas@ and invanare@ book a little in
# every city, few enough that they can still try booking anything themselves.
RESIDENTS: list[tuple[str, str, str, str, str]] = [
    ("matti.koskinen@demo.lampio.fi", "Matti", "Koskinen", "fi", "oulu"),
    ("laura.hakala@demo.lampio.fi", "Laura", "Hakala", "fi", "oulu"),
    ("juha.lehtonen@demo.lampio.fi", "Juha", "Lehtonen", "fi", "jyvaskyla"),
    ("emilia.jarvinen@demo.lampio.fi", "Emilia", "Järvinen", "fi", "jyvaskyla"),
    ("pekka.turunen@demo.lampio.fi", "Pekka", "Turunen", "fi", "kuopio"),
    ("sofia.hyvonen@demo.lampio.fi", "Sofia", "Hyvönen", "fi", "kuopio"),
    ("ville.heino@demo.lampio.fi", "Ville", "Heino", "fi", "lahti"),
    ("anna.ekholm@demo.lampio.fi", "Anna", "Ekholm", "sv", "lahti"),
    ("jari.pesonen@demo.lampio.fi", "Jari", "Pesonen", "fi", "oulu"),
    ("tiina.manninen@demo.lampio.fi", "Tiina", "Manninen", "fi", "jyvaskyla"),
    ("heikki.karjalainen@demo.lampio.fi", "Heikki", "Karjalainen", "fi", "kuopio"),
    ("kimmo.saarinen@demo.lampio.fi", "Kimmo", "Saarinen", "fi", "lahti"),
    ("johan.sundqvist@demo.lampio.fi", "Johan", "Sundqvist", "sv", "turku"),
    ("riikka.aaltonen@demo.lampio.fi", "Riikka", "Aaltonen", "fi", "turku"),
]
EVERYWHERE = ("asukas@demo.lampio.fi", "invanare@demo.lampio.fi")

_TRAINING_DAY: Text = (
    "Henkilökunnan koulutuspäivä",
    "Personalens utbildningsdag",
    "Staff training day",
)
_SCHOOL_EVENT: Text = (
    "Koulun iltatapahtuma, sali koulun omassa käytössä",
    "Skolans kvällsevenemang, salen används av skolan",
    "School evening event: the school uses the gym",
)
_STAFF_MEETING: Text = (
    "Suljetaan aikaisin henkilökunnan kokouksen vuoksi",
    "Stänger tidigt på grund av personalmöte",
    "Closes early for a staff meeting",
)
_VENTILATION: Text = (
    "Ilmanvaihdon huolto",
    "Underhåll av ventilationen",
    "Ventilation maintenance",
)

EXCEPTIONS: list[ExceptionSpec] = [
    ExceptionSpec("oulu", "paakirjasto", None, Recurrence(2, 1), _TRAINING_DAY),
    ExceptionSpec("oulu", "tuiran-koulu", "liikuntasali", Recurrence(3, 2), _SCHOOL_EVENT),
    ExceptionSpec("oulu", "nuorisotalo-kaakkuri", None, Recurrence(4, 0), _STAFF_MEETING, 12, 18),
    ExceptionSpec("jyvaskyla", "paakirjasto", None, Recurrence(1, 3), _TRAINING_DAY),
    ExceptionSpec("jyvaskyla", "kulttuuritalo-satama", "studio", Recurrence(0, 2), _VENTILATION),
    ExceptionSpec("jyvaskyla", "kuokkalan-koulu", "liikuntasali", Recurrence(2, 0), _SCHOOL_EVENT),
    ExceptionSpec("kuopio", "paakirjasto", None, Recurrence(3, 1), _TRAINING_DAY),
    ExceptionSpec("kuopio", "jynkan-koulu", "liikuntasali", Recurrence(1, 2), _SCHOOL_EVENT),
    ExceptionSpec("kuopio", "nuorisotalo-petonen", None, Recurrence(2, 3), _STAFF_MEETING, 12, 18),
    ExceptionSpec("lahti", "paakirjasto", None, Recurrence(2, 2), _TRAINING_DAY),
    ExceptionSpec("lahti", "vanha-paloasema", "paja", Recurrence(4, 1), _VENTILATION),
    ExceptionSpec("lahti", "mukkulan-koulu", "liikuntasali", Recurrence(0, 3), _SCHOOL_EVENT),
    ExceptionSpec("turku", "paakirjasto", None, Recurrence(3, 0), _TRAINING_DAY),
]

_FLOOR = "Lattian huolto"
_TUNING = "Flyygelin viritys"
_STAGE = "Näyttämötekniikan huolto"

BLOCKS: list[BlockSpec] = [
    BlockSpec("oulu", "pateniemen-koulu", "liikuntasali", Recurrence(5, 1), 9, 13, _FLOOR),
    BlockSpec("oulu", "musiikkikeskus", "kamarimusiikkisali", Recurrence(1, 0), 8, 10, _TUNING),
    BlockSpec("oulu", "kulttuuritalo-pikisaari", "sali", Recurrence(0, 2), 8, 12, _STAGE),
    BlockSpec("jyvaskyla", "kilpisen-koulu", "liikuntasali", Recurrence(6, 2), 9, 12, _FLOOR),
    BlockSpec(
        "jyvaskyla", "musiikkitalo-tourula", "tourula-sali", Recurrence(3, 1), 8, 10, _TUNING
    ),
    BlockSpec("kuopio", "snellmanin-koulu", "liikuntasali", Recurrence(5, 3), 9, 13, _FLOOR),
    BlockSpec("kuopio", "musiikkikeskus", "pieni-sali", Recurrence(0, 0), 8, 10, _TUNING),
    BlockSpec("lahti", "liipolan-koulu", "liikuntasali", Recurrence(6, 0), 9, 12, _FLOOR),
    BlockSpec("lahti", "vanha-paloasema", "sali", Recurrence(1, 2), 8, 12, _STAGE),
    BlockSpec("lahti", "sibeliustalo", "puusepanverstas", Recurrence(2, 1), 8, 10, _TUNING),
]

GYM: Text = ("Liikuntasali", "Gymnastiksal", "Gym")


def school_spaces(
    classroom: Text, *, gym_capacity: int, classroom_capacity: int, classroom_step_free: bool = True
) -> tuple[SpaceSpec, ...]:
    """Every demo school lends its gym and one classroom to residents."""
    return (
        SpaceSpec("liikuntasali", "school_gym", GYM, gym_capacity),
        SpaceSpec(
            "luokka",
            "classroom",
            classroom,
            classroom_capacity,
            step_free=None if classroom_step_free else False,
        ),
    )
