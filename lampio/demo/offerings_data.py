"""The demo's culture offerings: shapes, shared texts, and who enrols in or orders what.

The offerings themselves are written per city (offerings_data_<city>.py). Times are not dates but
calendar rules (`Weekly`, `Once`), so a date keeps its occurrence whichever day the demo is loaded
and a second run on the same day adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lampio.demo.spaces_data import Text

EMPTY: Text = ("", "", "")
# Eight calendar weeks: the window the demo fills with occurrences, and the cycle of `Once`.
CYCLE_WEEKS = 8


def calendar_week(day: date) -> int:
    """Weeks since the first Monday of the calendar: the same number for a date on every run."""
    return (day.toordinal() - 1) // 7


@dataclass(frozen=True)
class Weekly:
    """Every `every` weeks on `weekdays` (0 = Monday) at `at` ("HH:MM") for `minutes`.

    With `every` > 1 the weeks are counted from the calendar (`phase` picks which). The
    occurrence in week `cancelled_week` of the eight-week cycle is cancelled, with `notice`.
    """

    weekdays: tuple[int, ...]
    at: str
    minutes: int
    every: int = 1
    phase: int = 0
    cancelled_week: int | None = None
    notice: Text = EMPTY

    def occurs_on(self, day: date) -> bool:
        return day.weekday() in self.weekdays and calendar_week(day) % self.every == self.phase

    def is_cancelled(self, day: date) -> bool:
        return self.cancelled_week is not None and (
            calendar_week(day) % CYCLE_WEEKS == self.cancelled_week
        )

    @property
    def rule(self) -> str:
        days = ",".join(("MO", "TU", "WE", "TH", "FR", "SA", "SU")[d] for d in self.weekdays)
        return f"RRULE:FREQ=WEEKLY;INTERVAL={self.every};BYDAY={days}"


@dataclass(frozen=True)
class Once:
    """A one-off event: `weekday` of week `week` in the eight-week calendar cycle, which falls
    exactly once in the demo's eight-week window."""

    weekday: int
    week: int
    at: str
    minutes: int

    def occurs_on(self, day: date) -> bool:
        return day.weekday() == self.weekday and calendar_week(day) % CYCLE_WEEKS == self.week

    def is_cancelled(self, day: date) -> bool:
        return False


@dataclass(frozen=True)
class OfferingSpec:
    """One offering. `when` None means on request: care units and schools propose times."""

    key: str  # how the enrolments and orders below refer to it; not stored
    city: str
    organisation: str
    title: Text
    short: Text
    description: Text
    format: str
    audiences: tuple[str, ...]
    keywords: tuple[str, ...]
    when: Weekly | Once | None
    capacity: int = 30
    languages: tuple[str, ...] = ("fi",)
    ages: tuple[int | None, int | None] = (None, None)
    venue: str = ""  # slug of a demo venue in the same city
    location: str = ""
    online_url: str = ""
    accessibility: Text = EMPTY
    price: str = ""  # euros; empty means free of charge
    price_info: Text = EMPTY
    enrolment: bool = True
    group_orders: bool = False
    auto_accept: bool = False
    group: tuple[int, int | None] = (1, None)
    cancellation_hours: int = 24


# --- Shared accessibility texts ------------------------------------------------------------------

HALL_ACCESS: Text = (
    "Esteetön sisäänkäynti ja hissi. Salissa on induktiosilmukka ja pyörätuolipaikkoja; "
    "esteetön wc on aulassa.",
    "Tillgänglig entré och hiss. Salen har hörslinga och rullstolsplatser; tillgänglig toalett "
    "finns i lobbyn.",
    "Step-free entrance and lift. The hall has an induction loop and wheelchair spaces; "
    "an accessible toilet is in the lobby.",
)
LIBRARY_ACCESS: Text = (
    "Kirjastoon pääsee portaitta, ja tilaan on hissi. Mukana voi olla avustaja maksutta.",
    "Biblioteket har steglös entré och hiss till lokalen. En assistent deltar avgiftsfritt.",
    "The library has a step-free entrance and a lift to the room. An assistant comes free of "
    "charge.",
)
MUSEUM_ACCESS: Text = (
    "Museo on esteetön. Kierroksella on kokoontaitettavia istuimia, ja pyörätuolin voi lainata "
    "aulasta.",
    "Museet är tillgängligt. Under visningen finns hopfällbara sittplatser, och rullstol kan "
    "lånas i lobbyn.",
    "The museum is accessible. Folding seats come along on the tour, and a wheelchair can be "
    "borrowed in the lobby.",
)
ONLINE_ACCESS: Text = (
    "Lähetys katsotaan yhteiseltä näytöltä; puhe on selkeää ja rauhallista, ja ohjelmassa on "
    "suomenkielinen tekstitys. Oma kamera ei ole tarpeen.",
    "Sändningen ses på en gemensam skärm; talet är tydligt och lugnt, och programmet har finsk "
    "textning. Egen kamera behövs inte.",
    "Watched together on one screen; speech is clear and calm, with Finnish subtitles. No camera "
    "is needed on your side.",
)
SEATED_ACCESS: Text = (
    "Kaikki liikkeet voi tehdä istuen tai pyörätuolissa. Ohjaaja näyttää liikkeet isosti ja "
    "kertoo ne myös sanoin.",
    "Alla rörelser kan göras sittande eller i rullstol. Ledaren visar rörelserna tydligt och "
    "beskriver dem också i ord.",
    "Every movement can be done seated or in a wheelchair. The instructor shows the movements "
    "large and also describes them in words.",
)
WORKSHOP_ACCESS: Text = (
    "Pajaan pääsee portaitta. Työpöydät ovat säädettäviä, ja materiaalit sisältyvät hintaan.",
    "Verkstaden har steglös entré. Arbetsborden är justerbara, och materialet ingår i priset.",
    "The workshop is step-free. The tables are adjustable, and materials are included.",
)

# --- Staff who order for care units and schools (password: the demo password) -----------------
# (email, first name, last name, language, municipality, organisation, role)
ORDERING_STAFF: list[tuple[str, str, str, str, str, str, str]] = [
    ("hoiva.jyvaskyla@demo.lampio.fi", "Pirjo", "Hämäläinen", "fi", "jyvaskyla", "kotirinne",
     "care_staff"),
    ("hoiva.kuopio@demo.lampio.fi", "Tarja", "Räsänen", "fi", "kuopio", "harjulan-palvelutalo",
     "care_staff"),
    ("hoiva.lahti@demo.lampio.fi", "Merja", "Lindholm", "fi", "lahti", "jalkarannan-hoivakoti",
     "care_staff"),
    ("vard.turku@demo.lampio.fi", "Camilla", "Nyström", "sv", "turku", "aurajoen-seniorit",
     "care_staff"),
    ("opettaja.oulu@demo.lampio.fi", "Tuomas", "Kinnunen", "fi", "oulu", "tuiran-koulu",
     "staff"),
]  # fmt: skip


# --- Enrolments by demo residents -----------------------------------------------------------
# (offering key, which upcoming time (0 = the next one), email, seats). Seats are taken while
# they are free; whoever does not fit goes on the waiting list.
ENROLMENTS: list[tuple[str, int, str, int]] = [
    # The next kantele workshop fills up (8 seats) and two more people queue.
    ("oulu-kantelepaja", 0, "matti.koskinen@demo.lampio.fi", 2),
    ("oulu-kantelepaja", 0, "laura.hakala@demo.lampio.fi", 2),
    ("oulu-kantelepaja", 0, "asukas@demo.lampio.fi", 2),
    ("oulu-kantelepaja", 0, "jari.pesonen@demo.lampio.fi", 1),
    ("oulu-kantelepaja", 0, "invanare@demo.lampio.fi", 1),
    ("oulu-kantelepaja", 0, "pekka.turunen@demo.lampio.fi", 1),
    ("oulu-kantelepaja", 0, "sofia.hyvonen@demo.lampio.fi", 2),
    ("oulu-lounaskonsertti", 0, "asukas@demo.lampio.fi", 2),
    ("oulu-lounaskonsertti", 0, "laura.hakala@demo.lampio.fi", 1),
    ("oulu-lukupiiri", 0, "asukas@demo.lampio.fi", 1),
    ("oulu-lukupiiri", 1, "asukas@demo.lampio.fi", 1),
    ("oulu-digiapu", 0, "jari.pesonen@demo.lampio.fi", 1),
    ("oulu-tanssin-ilo", 1, "matti.koskinen@demo.lampio.fi", 2),
    ("jyvaskyla-sinfoniailta", 0, "juha.lehtonen@demo.lampio.fi", 2),
    ("jyvaskyla-sinfoniailta", 0, "emilia.jarvinen@demo.lampio.fi", 3),
    ("jyvaskyla-kasityokahvila", 0, "tiina.manninen@demo.lampio.fi", 1),
    ("jyvaskyla-mummon-matkalaukku", 0, "asukas@demo.lampio.fi", 2),
    ("jyvaskyla-draamapaja", 0, "emilia.jarvinen@demo.lampio.fi", 1),
    ("kuopio-perhekonsertti", 0, "sofia.hyvonen@demo.lampio.fi", 4),
    ("kuopio-korttelimuseo", 0, "heikki.karjalainen@demo.lampio.fi", 2),
    ("kuopio-digiopastus", 0, "pekka.turunen@demo.lampio.fi", 1),
    ("kuopio-akvarelli", 0, "sofia.hyvonen@demo.lampio.fi", 1),
    ("lahti-muistikahvila", 0, "ville.heino@demo.lampio.fi", 2),
    ("lahti-hiihtomuseo", 0, "kimmo.saarinen@demo.lampio.fi", 3),
    ("lahti-painovoimaa", 0, "anna.ekholm@demo.lampio.fi", 3),
    ("lahti-avajaiskonsertti", 0, "ville.heino@demo.lampio.fi", 2),
    ("turku-lasecirkel", 0, "invanare@demo.lampio.fi", 1),
    ("turku-lasecirkel", 0, "johan.sundqvist@demo.lampio.fi", 1),
    ("turku-linna", 0, "invanare@demo.lampio.fi", 2),
    ("turku-digiapu", 0, "riikka.aaltonen@demo.lampio.fi", 1),
]


# --- Group orders by care units and schools --------------------------------------------------


@dataclass(frozen=True)
class OrderSpec:
    """A unit's order. For an offering with times, `occurrence` picks the upcoming time; for one
    on request, `proposed` lists (days ahead, "HH:MM") the unit suggests. `state`: pending,
    proposed (the provider suggested `provider_time` instead) or accepted."""

    offering: str
    unit: tuple[str, str]
    ordered_by: str
    state: str
    group_size: int
    accompanying_staff: int
    message: str
    special_needs: str = ""
    occurrence: int | None = None
    proposed: tuple[tuple[int, str], ...] = ()
    provider_time: tuple[int, str] | None = None
    provider_message: str = ""
    minutes: int = 60


ORDERS: list[OrderSpec] = [
    OrderSpec(
        "oulu-sinfonia-striimi", ("oulu", "koskelan-palvelukoti"), "hoiva@demo.lampio.fi",
        "accepted", 18, 3, "Katsomme konsertin päiväsalin isolta näytöltä.",
        special_needs="Osa asukkaista kuulee heikosti; äänentoisto on meillä kunnossa.",
        occurrence=0,
    ),
    OrderSpec(
        "oulu-etaopastus", ("oulu", "koskelan-palvelukoti"), "hoiva@demo.lampio.fi",
        "pending", 12, 2, "Toivomme opastusta, jossa katsotaan rauhallisesti muutama teos.",
        proposed=((9, "13:00"), (11, "13:00")),
    ),
    OrderSpec(
        "jyvaskyla-etateatteri", ("oulu", "koskelan-palvelukoti"), "hoiva@demo.lampio.fi",
        "proposed", 15, 3, "Sopisiko esitys iltapäiväkahvin jälkeen?",
        special_needs="Muistisairaita asukkaita; toivomme lyhyttä väliaikaa.",
        proposed=((12, "14:00"),),
        provider_time=(13, "14:30"),
        provider_message="Ehdottamanne päivä on jo varattu; sopisiko seuraava päivä?",
    ),
    OrderSpec(
        "jyvaskyla-etateatteri", ("jyvaskyla", "kotirinne"), "hoiva.jyvaskyla@demo.lampio.fi",
        "accepted", 20, 4, "Kotirinteen asukkaat odottavat esitystä kovasti.",
        proposed=((6, "14:00"), (8, "14:00")),
    ),
    OrderSpec(
        "kuopio-muistelutyopaja", ("kuopio", "harjulan-palvelutalo"),
        "hoiva.kuopio@demo.lampio.fi", "pending", 10, 2,
        "Haluaisimme muistella kuopiolaisia toreja ja kesiä.",
        proposed=((10, "10:00"), (17, "10:00"), (24, "10:00")),
    ),
    OrderSpec(
        "kuopio-maalataan-yhdessa", ("kuopio", "harjulan-palvelutalo"),
        "hoiva.kuopio@demo.lampio.fi", "accepted", 8, 2, "Maalausvälineet on hankittu.",
        occurrence=0,
    ),
    OrderSpec(
        "lahti-yhteislaulu-verkossa", ("lahti", "jalkarannan-hoivakoti"),
        "hoiva.lahti@demo.lampio.fi", "accepted", 25, 3, "Laulamme mukana päiväsalissa.",
        occurrence=1,
    ),
    OrderSpec(
        "lahti-tuolisirkus", ("lahti", "jalkarannan-hoivakoti"), "hoiva.lahti@demo.lampio.fi",
        "proposed", 12, 3, "Toivomme aamupäivää.",
        proposed=((8, "10:00"),),
        provider_time=(9, "10:30"),
        provider_message="Pääsemme paikalle verkkoon vasta puoli yhdeltätoista.",
    ),
    OrderSpec(
        "turku-muistelupiiri", ("turku", "aurajoen-seniorit"), "vard.turku@demo.lampio.fi",
        "pending", 9, 2, "Vi önskar att samtalet förs på svenska.",
        special_needs="Två deltagare använder hörapparat.",
        proposed=((7, "13:30"), (14, "13:30")),
    ),
    OrderSpec(
        "oulu-koululaisopastus", ("oulu", "tuiran-koulu"), "opettaja.oulu@demo.lampio.fi",
        "accepted", 22, 2, "Luokka 4B, aiheena pohjoinen valo ja värit.",
        proposed=((5, "09:30"), (6, "09:30")),
        minutes=75,
    ),
]  # fmt: skip
