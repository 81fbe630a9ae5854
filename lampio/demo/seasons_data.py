"""The demo's regular slots (issue #6): recurring series and seasonal application rounds.

Loaded by seasons.py. Names of rounds are templates: `{season}` becomes the season's dates,
which follow the day the demo is loaded. Activities and notes are what applicants would type,
so they are in the applicant's own language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

SpaceKey = tuple[str, str, str]  # (municipality slug, venue slug, space slug)
OrgKey = tuple[str, str]  # (municipality slug, organisation slug)
Text = tuple[str, str, str]  # Finnish, Swedish, English

OULU_HALL: SpaceKey = ("oulu", "nuorisotalo-kaakkuri", "nuorisosali")
OULU_BAND_ROOM: SpaceKey = ("oulu", "nuorisotalo-kaakkuri", "bandikamppa")
OULU_STUDIO: SpaceKey = ("oulu", "kulttuuritalo-pikisaari", "studio")
OULU_REHEARSAL: SpaceKey = ("oulu", "musiikkikeskus", "harjoitushuone-1")
LAHTI_HALL: SpaceKey = ("lahti", "nuorisotalo-kiverio", "nuorisosali")
LAHTI_BAND_ROOM: SpaceKey = ("lahti", "nuorisotalo-kiverio", "bandikamppa")
LAHTI_STUDIO: SpaceKey = ("lahti", "vanha-paloasema", "studio")
LAHTI_REHEARSAL: SpaceKey = ("lahti", "sibeliustalo", "harjoitushuone")

# The free youth halls and band rooms: residents may book them as a weekly time themselves.
RECURRING_SPACES: tuple[SpaceKey, ...] = (OULU_HALL, OULU_BAND_ROOM, LAHTI_HALL, LAHTI_BAND_ROOM)


@dataclass(frozen=True)
class DemoSeries:
    """A series every `every` weeks for `weeks` weeks, from tomorrow or, `after_demo_bookings`,
    from the day after the demo's one-off bookings end. `actor` books: staff for
    `organisation`, or a resident for themselves (`organisation` None). `purpose` is its natural
    key per space."""

    actor: str
    space: SpaceKey
    weekday: int  # ISO, Monday = 1
    starts: time
    ends: time
    weeks: int
    purpose: str
    attendees: int
    organisation: OrgKey | None = None
    every: int = 1
    after_demo_bookings: bool = False


SERIES: tuple[DemoSeries, ...] = (
    DemoSeries(
        "henkilosto.oulu@demo.lampio.fi",
        OULU_STUDIO,
        3,
        time(18),
        time(20),
        14,
        "Pohjoisen Tanssin nykytanssiryhmän harjoitukset",
        16,
        ("oulu", "pohjoisen-tanssi"),
    ),
    DemoSeries(
        "henkilosto.lahti@demo.lampio.fi",
        LAHTI_REHEARSAL,
        1,
        time(18),
        time(21),
        14,
        "Lahden Kamarikuoron viikkoharjoitukset",
        16,
        ("lahti", "lahden-kamarikuoro"),
    ),
    DemoSeries(
        "asukas@demo.lampio.fi",
        OULU_BAND_ROOM,
        4,
        time(17),
        time(19),
        8,
        "Perhebändin treenit",
        5,
        # Every other week, four dates: below the space's five upcoming bookings a person may
        # hold, so asukas@ can still book the band room herself; after the one-off bookings, so
        # no date is lost to them whatever day the demo is loaded.
        every=2,
        after_demo_bookings=True,
    ),
)


@dataclass(frozen=True)
class DemoWish:
    weekday: int  # ISO, Monday = 1
    earliest: time
    latest: time
    minutes: int
    attendees: int
    spaces: tuple[SpaceKey, ...]  # in order of preference


@dataclass(frozen=True)
class DemoApplication:
    applicant: str  # email; a member of `organisation` when it applies for one
    organisation: OrgKey | None
    activity: str
    age_group: str
    rank: int  # the priority class asked for, 1 = first
    notes: str
    wishes: tuple[DemoWish, ...]


@dataclass(frozen=True)
class DemoRound:
    """`closed`: applications ended a few days ago and the solver has proposed an allocation;
    otherwise applications close in two weeks for the next autumn's season."""

    organisation: OrgKey
    staff: str
    name: Text  # with {season}; the Finnish text up to {season} is the round's natural key
    criteria: Text
    spaces: tuple[SpaceKey, ...]
    max_minutes_per_week: int
    closed: bool
    applications: tuple[DemoApplication, ...]


_CRITERIA: Text = (
    "Vuorot jaetaan etusijaluokittain: ensin lasten ja nuorten toiminta, sitten paikalliset "
    "yhdistykset, sitten muut. Samassa luokassa painotetaan säännöllistä toimintaa ja "
    "osallistujamäärää. Yksi hakija voi saada enintään kuusi tuntia viikossa.",
    "Turerna fördelas enligt prioritetsklass: först verksamhet för barn och unga, sedan lokala "
    "föreningar, sedan övriga. Inom samma klass väger regelbunden verksamhet och antalet "
    "deltagare. En sökande kan få högst sex timmar i veckan.",
    "Slots are allocated by priority class: children's and youth activities first, then local "
    "associations, then others. Within a class, regular activity and the number of "
    "participants count. One applicant can get at most six hours a week.",
)
SIX_HOURS = 6 * 60


def _wish(
    weekday: int, earliest: int, latest: int, minutes: int, attendees: int, *spaces: SpaceKey
) -> DemoWish:
    return DemoWish(weekday, time(earliest), time(latest), minutes, attendees, spaces)


DANCE = ("oulu", "pohjoisen-tanssi")

ROUNDS: tuple[DemoRound, ...] = (
    DemoRound(
        organisation=("oulu", "kulttuuripalvelut"),
        staff="henkilosto.oulu@demo.lampio.fi",
        name=(
            "Nuorisotalon ja harjoitustilojen vakiovuorot {season}",
            "Regelbundna turer i ungdomsgården och övningslokalerna {season}",
            "Regular slots in the youth house and rehearsal rooms {season}",
        ),
        criteria=_CRITERIA,
        spaces=(OULU_HALL, OULU_STUDIO, OULU_REHEARSAL),
        max_minutes_per_week=SIX_HOURS,
        closed=False,
        applications=(
            DemoApplication(
                "yhdistys@demo.lampio.fi",
                DANCE,
                "Lasten kansantanssi",
                "children",
                1,
                "Ryhmässä on 7–12-vuotiaita, tanssimme paljain jaloin.",
                (
                    _wish(1, 16, 19, 120, 18, OULU_STUDIO, OULU_HALL),
                    _wish(4, 16, 19, 60, 18, OULU_STUDIO),
                ),
            ),
            DemoApplication(
                "matti.koskinen@demo.lampio.fi",
                None,
                "Juniorikoripallo",
                "youth",
                1,
                "Valmennan 13–15-vuotiaiden joukkuetta.",
                (_wish(2, 16, 20, 120, 20, OULU_HALL),),
            ),
            DemoApplication(
                "laura.hakala@demo.lampio.fi",
                None,
                "Kuoroharjoitukset",
                "adults",
                2,
                "Oulun Naislaulajat, tarvitsemme pianon.",
                (_wish(3, 17, 21, 120, 18, OULU_REHEARSAL, OULU_STUDIO),),
            ),
            DemoApplication(
                "asukas@demo.lampio.fi",
                None,
                "Seniorijumppa",
                "seniors",
                2,
                "Eläkeläisyhdistyksen jumpparyhmä.",
                (_wish(5, 12, 15, 60, 20, OULU_STUDIO, OULU_HALL),),
            ),
            DemoApplication(
                "jari.pesonen@demo.lampio.fi",
                None,
                "Salibandy",
                "adults",
                3,
                "Kaveriporukan harrastevuoro.",
                (_wish(2, 17, 21, 120, 14, OULU_HALL), _wish(4, 19, 22, 120, 14, OULU_HALL)),
            ),
            DemoApplication(
                "invanare@demo.lampio.fi",
                None,
                "Svenskspråkig barnkör",
                "children",
                1,
                "Barn 6–10 år, vi behöver ett piano.",
                (_wish(6, 10, 13, 60, 15, OULU_REHEARSAL),),
            ),
        ),
    ),
    DemoRound(
        organisation=("oulu", "kulttuuripalvelut"),
        staff="henkilosto.oulu@demo.lampio.fi",
        name=(
            "Lisähaku: vakiovuorot {season}",
            "Tilläggsansökan: regelbundna turer {season}",
            "Additional round: regular slots {season}",
        ),
        criteria=_CRITERIA,
        spaces=(OULU_HALL, OULU_STUDIO, OULU_REHEARSAL),
        max_minutes_per_week=SIX_HOURS,
        closed=True,
        applications=(
            DemoApplication(
                "matti.koskinen@demo.lampio.fi",
                None,
                "Juniorikoripallo",
                "youth",
                1,
                "Toinen joukkue aloittaa tammikuussa.",
                (_wish(2, 16, 20, 120, 20, OULU_HALL),),
            ),
            DemoApplication(
                "jari.pesonen@demo.lampio.fi",
                None,
                "Salibandy",
                "adults",
                3,
                "Sopii vain tiistaisin.",
                (_wish(2, 17, 19, 120, 14, OULU_HALL),),
            ),
            DemoApplication(
                "yhdistys@demo.lampio.fi",
                DANCE,
                "Kansantanssi, aikuisten ryhmä",
                "adults",
                2,
                "",
                (_wish(3, 17, 21, 120, 16, OULU_STUDIO, OULU_HALL),),
            ),
            DemoApplication(
                "laura.hakala@demo.lampio.fi",
                None,
                "Kuoroharjoitukset",
                "adults",
                2,
                "",
                (_wish(3, 18, 21, 120, 18, OULU_REHEARSAL),),
            ),
            DemoApplication(
                "asukas@demo.lampio.fi",
                None,
                "Seniorijumppa",
                "seniors",
                2,
                "",
                (_wish(5, 12, 14, 60, 20, OULU_STUDIO),),
            ),
            DemoApplication(
                "invanare@demo.lampio.fi",
                None,
                "Svenskspråkig barnkör",
                "children",
                1,
                "",
                (_wish(6, 10, 13, 60, 15, OULU_REHEARSAL),),
            ),
        ),
    ),
    DemoRound(
        organisation=("lahti", "kulttuuri"),
        staff="henkilosto.lahti@demo.lampio.fi",
        name=(
            "Kulttuuritilojen vakiovuorot {season}",
            "Regelbundna turer i kulturlokalerna {season}",
            "Regular slots in the culture venues {season}",
        ),
        criteria=_CRITERIA,
        spaces=(LAHTI_HALL, LAHTI_STUDIO, LAHTI_REHEARSAL),
        max_minutes_per_week=SIX_HOURS,
        closed=False,
        applications=(
            DemoApplication(
                "ville.heino@demo.lampio.fi",
                None,
                "Juniorikoripallo",
                "youth",
                1,
                "",
                (_wish(1, 16, 20, 120, 20, LAHTI_HALL),),
            ),
            DemoApplication(
                "anna.ekholm@demo.lampio.fi",
                None,
                "Folkdans för barn",
                "children",
                1,
                "Svenskspråkig grupp, 8–12 år.",
                (_wish(2, 16, 19, 60, 16, LAHTI_STUDIO, LAHTI_HALL),),
            ),
            DemoApplication(
                "asukas@demo.lampio.fi",
                None,
                "Seniorijumppa",
                "seniors",
                2,
                "",
                (_wish(3, 12, 15, 60, 18, LAHTI_STUDIO),),
            ),
            DemoApplication(
                "invanare@demo.lampio.fi",
                None,
                "Körövningar",
                "adults",
                2,
                "Lahtis svenska kör.",
                (_wish(4, 18, 21, 120, 16, LAHTI_REHEARSAL, LAHTI_STUDIO),),
            ),
            DemoApplication(
                "kimmo.saarinen@demo.lampio.fi",
                None,
                "Salibandy",
                "adults",
                3,
                "",
                (_wish(1, 17, 21, 120, 14, LAHTI_HALL), _wish(4, 19, 22, 120, 14, LAHTI_HALL)),
            ),
            DemoApplication(
                "juha.lehtonen@demo.lampio.fi",
                None,
                "Bändiharjoitukset",
                "youth",
                1,
                "Nuorten bändi, oma rumpusetti.",
                (_wish(5, 15, 20, 120, 5, LAHTI_REHEARSAL),),
            ),
        ),
    ),
)
