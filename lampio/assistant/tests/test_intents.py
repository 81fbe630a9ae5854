"""Live-data intents: recognised only when clearly asked, answered from the owning apps."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from django.utils import timezone, translation

from lampio.assistant.intents import Intent, answer, recognise, related_entry
from lampio.assistant.services.seeding import KNOWLEDGE_FILE
from lampio.bookings.models import Booking, BookingStatus
from lampio.core.timeranges import local_datetime
from lampio.offerings.models import Keyword, OfferingAudience
from lampio.spaces.models import SpaceType
from lampio.tenancy.models import Municipality

pytestmark = pytest.mark.django_db

WEDNESDAY = datetime.date(2026, 11, 18)
CITIES = [
    ("oulu", "Oulu", "Uleåborg"),
    ("kuopio", "Kuopio", "Kuopio"),
    ("turku", "Turku", "Åbo"),
    ("lahti", "Lahti", "Lahtis"),
    ("jyvaskyla", "Jyväskylä", "Jyväskylä"),
    ("helsinki", "Helsinki", "Helsingfors"),
    ("tampere", "Tampere", "Tammerfors"),
]


@pytest.fixture
def cities(make_municipality: Callable[..., Municipality]) -> dict[str, Municipality]:
    made = {}
    for slug, fi, sv in CITIES:
        city = make_municipality(slug=slug, name=fi)
        city.name_sv = sv  # type: ignore[attr-defined]
        city.save()
        made[slug] = city
    return made


# (question, language, intent, kind, city slug or "", day or None, extra params)
RECOGNISED = [
    ("vapaita saleja Kuopiossa huomenna?", "fi", "free_spaces", "hall", "kuopio", 19, {}),
    ("lediga gymnastiksalar i Åbo på lördag", "sv", "free_spaces", "gym", "turku", 21, {}),
    ("free meeting rooms in Oulu tomorrow", "en", "free_spaces", "meeting_room", "oulu", 19, {}),
    ("Onko sauna vapaana Jyväskylässä perjantaina?", "fi", "free_spaces", "sauna", "jyvaskyla",
     20, {}),
    ("vapaita kokoustiloja Lahdessa la", "fi", "free_spaces", "meeting_room", "lahti", 21, {}),
    ("Vapaita liikuntasaleja Helsingissä 24.11.?", "fi", "free_spaces", "gym", "helsinki", 24,
     {}),
    ("lediga lokaler i Tammerfors i morgon kl 17-19", "sv", "free_spaces", "", "tampere", 19,
     {"from": "17:00", "to": "19:00"}),
    ("vapaita tiloja Tampereella tänään", "fi", "free_spaces", "", "tampere", 18, {}),
    ("mitä konsertteja on tällä viikolla", "fi", "offerings", "concerts", "", 18,
     {"until": "2026-11-22"}),
    ("vilka utställningar finns", "sv", "offerings", "exhibitions", "", None, {}),
    ("upcoming workshops for children", "en", "offerings", "workshops", "", None,
     {"audience": "children"}),
    ("Mitä teatteria on Oulussa ensi viikolla?", "fi", "offerings", "theatre", "oulu", 23,
     {"until": "2026-11-29"}),
    ("Are there any free concerts in Turku this weekend?", "en", "offerings", "concerts", "turku",
     21, {"free": "1", "until": "2026-11-22"}),
    ("milloin on seuraava varaukseni", "fi", "next_booking", "", "", None, {}),
    ("när är min nästa bokning", "sv", "next_booking", "", "", None, {}),
    ("my next booking", "en", "next_booking", "", "", None, {}),
    ("When is my upcoming reservation?", "en", "next_booking", "", "", None, {}),
]  # fmt: skip

NOT_RECOGNISED = [
    ("How do I book a space?", "en"),
    ("Mistä saan ovikoodin?", "fi"),
    ("How do I cancel a booking?", "en"),
    ("Are there any freed slots this week?", "en"),
    ("Onko tällä viikolla vapautuneita vuoroja?", "fi"),
    ("Vapaita salivuoroja lähipäivinä?", "fi"),
    ("Lediga salstider de närmaste dagarna?", "sv"),
    ("Any free hall times in the next few days?", "en"),
    ("Miten löydän vapaan salin huomiseksi?", "fi"),
    ("Hur anmäler jag mig till en workshop?", "sv"),
    ("How do I watch the online concert?", "en"),
    ("Onko museo auki sunnuntaina?", "fi"),
    ("Is the sauna free of charge?", "en"),
    ("Finns det flygel i salen för en konsert?", "sv"),
    ("I want an alert if the Friday slot in the hall becomes free", "en"),
    ("Our choir wants the same room every Wednesday", "en"),
    ("Miten peruutan seuraavan varaukseni?", "fi"),
    ("Cancel my next booking", "en"),
    ("Vapaita saleja?", "fi"),  # no day, no place: the knowledge base answers
    ("", "fi"),
]


@pytest.mark.parametrize(
    ("question", "language", "name", "kind", "city", "day", "params"), RECOGNISED
)
def test_clear_questions_are_recognised_with_their_parameters(
    cities: dict[str, Municipality],
    question: str,
    language: str,
    name: str,
    kind: str,
    city: str,
    day: int | None,
    params: dict[str, str],
) -> None:
    intent = recognise(question, language, municipality=None, today=WEDNESDAY)
    assert intent is not None
    assert (intent.name, intent.kind) == (name, kind)
    assert intent.municipality == (cities[city] if city else None)
    assert intent.day == (WEDNESDAY.replace(day=day) if day else None)
    assert intent.params == params


@pytest.mark.parametrize(("question", "language"), NOT_RECOGNISED)
def test_how_to_and_vague_questions_are_left_to_the_knowledge_base(
    cities: dict[str, Municipality], question: str, language: str
) -> None:
    assert recognise(question, language, municipality=None, today=WEDNESDAY) is None


def test_no_seed_question_is_taken_from_its_entry(cities: dict[str, Municipality]) -> None:
    """A seed question is either no intent or one standing in for that very entry."""
    for raw in yaml.safe_load(KNOWLEDGE_FILE.read_text(encoding="utf-8"))["entries"]:
        for language, questions in raw["questions"].items():
            for question in questions:
                intent = recognise(question, language, municipality=None, today=WEDNESDAY)
                assert intent is None or related_entry(intent.name) == raw["id"], question


def test_the_page_city_is_used_when_the_question_names_none(
    cities: dict[str, Municipality],
) -> None:
    intent = recognise("free gyms tomorrow", "en", municipality=cities["lahti"], today=WEDNESDAY)
    assert intent is not None and intent.municipality == cities["lahti"]
    intent = recognise(
        "vapaita saleja Vantaalla huomenna", "fi", municipality=None, today=WEDNESDAY
    )
    assert intent is not None
    assert (intent.municipality, intent.params) == (None, {"place": "Vantaa"})


def test_a_date_already_past_this_year_means_next_year(cities: dict[str, Municipality]) -> None:
    intent = recognise("vapaita saleja Oulussa 3.1.", "fi", municipality=None, today=WEDNESDAY)
    assert intent is not None and intent.day == datetime.date(2027, 1, 3)


# --- Answers ------------------------------------------------------------------------------------


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


@pytest.fixture
def kuopio_gym(cities: dict[str, Municipality], make_organisation: Any, make_space: Any) -> Any:
    return make_space(organisation=make_organisation(municipality=cities["kuopio"]))


def test_free_spaces_lists_spaces_free_that_day(
    cities: dict[str, Municipality], kuopio_gym: Any, make_organisation: Any, make_space: Any
) -> None:
    kuopio = make_organisation(municipality=cities["kuopio"])
    make_space(organisation=kuopio, space_type=SpaceType.HALL)  # another type
    make_space(organisation=make_organisation(municipality=cities["oulu"]))  # another city
    make_space(organisation=kuopio, opens=datetime.time(8), closes=datetime.time(8, 15))
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    intent = Intent("free_spaces", municipality=cities["kuopio"], day=tomorrow, kind="gym")
    reply = answer(intent, actor=None, language="en")
    assert [item.url for item in reply.items] == [
        f"/en/spaces/{kuopio_gym.pk}/?date={tomorrow.isoformat()}"
    ]
    assert "8" in reply.items[0].detail and "Kuopio" in reply.items[0].detail
    assert reply.text.endswith(
        ": these spaces have free time. Open a space to choose a time and book it."
    )
    swedish = answer(intent, actor=None, language="sv").text
    assert "Open a space" not in swedish and ".." not in swedish
    assert urlsplit(reply.link).path == "/en/spaces/"
    assert query(reply.link) == {"municipality": ["kuopio"], "space_type": ["gym"]}
    assert reply.link_label == "Search free spaces"


def test_free_spaces_for_a_time_range_drops_booked_spaces(
    cities: dict[str, Municipality], kuopio_gym: Any, make_user: Any
) -> None:
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    intent = Intent(
        "free_spaces",
        municipality=cities["kuopio"],
        day=tomorrow,
        kind="gym",
        params={"from": "17:00", "to": "19:00"},
    )
    assert len(answer(intent, actor=None, language="fi").items) == 1
    start = local_datetime(tomorrow, datetime.time(18))
    Booking.objects.create(
        space=kuopio_gym,
        booker=make_user(),
        status=BookingStatus.CONFIRMED,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        blocked_from=start,
        blocked_until=start + datetime.timedelta(hours=1),
        purpose="Sähly",
    )
    reply = answer(intent, actor=None, language="sv")
    assert reply.items == ()
    assert urlsplit(reply.link).path == "/sv/spaces/"
    assert query(reply.link)["from_time"] == ["17:00"]
    assert query(reply.link)["date"] == [tomorrow.isoformat()]


def test_free_spaces_of_a_city_outside_the_service_says_so(
    cities: dict[str, Municipality],
) -> None:
    intent = Intent("free_spaces", day=WEDNESDAY, params={"place": "Vantaa"})
    with translation.override("fi"):
        reply = answer(intent, actor=None, language="en")
    assert reply.items == () and "Vantaa is not in this service" in reply.text


def test_offerings_lists_the_next_time_of_each_offering_of_the_kind(
    cities: dict[str, Municipality], make_organisation: Any, make_offering: Any
) -> None:
    oulu = make_organisation(municipality=cities["oulu"])
    concert = make_offering(organisation=oulu, occurrences=3, title_en="Organ concert")
    concert.keywords.add(Keyword.objects.get(key="concerts"))
    OfferingAudience.objects.create(offering=concert, audience="children")
    make_offering(organisation=oulu)  # a workshop, not a concert
    intent = Intent(
        "offerings", municipality=cities["oulu"], kind="concerts", params={"audience": "children"}
    )
    reply = answer(intent, actor=None, language="en")
    assert [(item.title, item.url) for item in reply.items] == [
        ("Organ concert", f"/en/offerings/{concert.pk}/")
    ]
    assert reply.text == "Coming up:"
    assert urlsplit(reply.link).path == "/en/offerings/"
    assert query(reply.link) == {
        "municipality": ["oulu"],
        "keyword": ["concerts"],
        "audience": ["children"],
    }


def test_offerings_in_a_period_leave_out_later_times(
    cities: dict[str, Municipality], make_offering: Any
) -> None:
    make_offering(occurrences=1)  # its time is a week ahead
    today = timezone.localdate()
    intent = Intent("offerings", day=today, params={"until": today.isoformat()})
    reply = answer(intent, actor=None, language="fi")
    assert reply.items == ()
    assert query(reply.link)["date_to"] == [today.isoformat()]
    week = Intent(
        "offerings",
        day=today,
        params={"until": (today + datetime.timedelta(days=8)).isoformat()},
    )
    assert len(answer(week, actor=None, language="fi").items) == 1


def test_next_booking_asks_an_anonymous_person_to_log_in(cities: dict[str, Municipality]) -> None:
    reply = answer(Intent("next_booking"), actor=None, language="en")
    assert reply.items == ()
    assert reply.link == "/en/accounts/login/?next=%2Fen%2Fbookings%2F"
    assert reply.text == "Log in to see your next booking."


def test_next_booking_shows_the_persons_next_active_booking(
    kuopio_gym: Any, resident: Any, make_user: Any
) -> None:
    assert answer(Intent("next_booking"), actor=resident, language="en").items == ()
    soon = timezone.now() + datetime.timedelta(days=2)

    def book(booker: Any, start: datetime.datetime, status: str) -> Booking:
        return Booking.objects.create(
            space=kuopio_gym,
            booker=booker,
            status=status,
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=1),
            blocked_from=start,
            blocked_until=start + datetime.timedelta(hours=1),
            purpose="Sähly",
        )

    book(resident, soon, BookingStatus.CANCELLED)
    book(make_user(), soon + datetime.timedelta(hours=2), BookingStatus.CONFIRMED)
    mine = book(resident, soon + datetime.timedelta(days=1), BookingStatus.CONFIRMED)
    reply = answer(Intent("next_booking"), actor=resident, language="en")
    assert [item.url for item in reply.items] == [f"/en/bookings/{mine.pk}/"]
    assert reply.text.startswith("Your next booking is")
    assert (reply.link, reply.link_label) == ("/en/bookings/", "Go to My bookings")
