"""The Linked Events importer: mapping, idempotent re-import, keywords, places and paging."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction
from django.utils import timezone

from lampio.core.timeranges import local_datetime
from lampio.offerings import tasks
from lampio.offerings.importers.feed import FeedUnreadable, fetch_json
from lampio.offerings.importers.linked_events import LinkedEventsImport
from lampio.offerings.importers.text import html_to_text, shorten
from lampio.offerings.keywords import load_keywords
from lampio.offerings.models import (
    Enrolment,
    EnrolmentStatus,
    Format,
    Occurrence,
    OccurrenceStatus,
    Offering,
    OfferingStatus,
)
from lampio.spaces.models import Venue

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "data" / "linked_events_sample.json"
NOW = local_datetime(date(2030, 1, 1), time(12))
CONCERT, ONLINE, WORKSHOP, PAST = (
    "oulu:agd2xkqnwa",
    "oulu:agd2xkr7ta",
    "oulu:agd2xksn3e",
    "oulu:agd2xkt1aa",
)


@pytest.fixture(autouse=True)
def keywords() -> None:
    load_keywords()


@pytest.fixture
def provider(make_organisation):
    return make_organisation(slug="kulttuuri")


class FakeTask:
    """Stands in for a task, recording what would have been sent."""

    def __init__(self) -> None:
        self.sent: list[tuple] = []

    def enqueue(self, *args: object) -> None:
        self.sent.append(args)


def sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def keys(offering: Offering) -> set[str]:
    return set(offering.keywords.values_list("key", flat=True))


def run(provider, source=SAMPLE, **kwargs):
    return LinkedEventsImport(provider, now=NOW, **kwargs).run(str(source))


def test_the_sample_becomes_offerings_with_one_time_each(provider) -> None:
    report = run(provider)

    assert (report.created, report.updated, report.skipped, report.pages) == (3, 0, 1, 1)
    assert any(PAST in note and "over" in note for note in report.notes)
    concert = Offering.objects.get(source_id=CONCERT)
    assert concert.organisation == provider and concert.status == OfferingStatus.PUBLISHED
    assert (concert.title_fi, concert.title_sv, concert.title_en) == (
        "Iltapäiväkonsertti: Sibeliuksen lauluja",
        "Eftermiddagskonsert: Sibelius sånger",
        "Afternoon concert: songs by Sibelius",
    )
    assert concert.description_fi == (
        "Tervetuloa iltapäiväkonserttiin!\n\n"
        "Ohjelmassa muun muassa Finlandia-hymni ja Jouluvirsi.\nKesto noin tunti."
    )
    assert concert.short_description_fi == "Kamarikuoro ja piano Sibeliuksen lauluista."
    assert (concert.is_free, concert.price) == (False, Decimal("12"))
    assert concert.price_info_sv == "12 € / 8 € pensionärer"
    assert concert.format == Format.ON_SITE
    assert concert.location == "Kulttuuritalo (Juhlasali), Kirkkokatu 1, 90100 Oulu"
    assert keys(concert) == {"music", "concerts"}  # the unknown yso id is left out
    assert set(concert.audience_rows.values_list("audience", flat=True)) == {"older_people"}
    assert set(concert.language_rows.values_list("language", flat=True)) == {"fi", "sv"}
    occurrence = concert.occurrences.get()
    assert occurrence.starts_at == datetime(2030, 3, 14, 14, tzinfo=UTC)
    assert occurrence.ends_at == datetime(2030, 3, 14, 15, tzinfo=UTC)
    assert (occurrence.status, occurrence.is_public) == (OccurrenceStatus.SCHEDULED, True)
    assert not Offering.objects.filter(source_id=PAST).exists()


def test_an_event_on_the_internet_is_an_online_stream_with_its_link(provider) -> None:
    run(provider)

    online = Offering.objects.get(source_id=ONLINE)
    assert online.format == Format.LIVE_STREAM
    assert online.online_url == "https://stream.example.fi/museo-aarteet"
    assert (online.venue, online.location, online.is_free, online.price) == (None, "", True, None)
    assert "tracking" not in online.description_fi  # script contents are dropped
    assert online.title_en == "Art from afar: museum treasures for care homes"
    # "art" (yso:p2851) is deprecated; the offering gets its replacement.
    assert keys(online) == {"visual-arts", "museums"}


def test_enrolment_details_ages_and_keywords_by_name(provider) -> None:
    run(provider)

    workshop = Offering.objects.get(source_id=WORKSHOP)
    assert keys(workshop) == {"ceramics", "workshops"}
    assert (workshop.age_min, workshop.age_max) == (6, 12)
    assert set(workshop.audience_rows.values_list("audience", flat=True)) == {"children"}
    assert workshop.location == "Askartelutila, 2. kerros"  # the place itself is only a link
    assert workshop.short_description_fi == "Tehdään savesta omat kupit & kulhot."
    assert workshop.allows_enrolment
    occurrence = workshop.occurrences.get()
    assert occurrence.capacity == 12
    assert occurrence.enrolment_closes_at == datetime(2030, 5, 8, 9, tzinfo=UTC)
    concert = Offering.objects.get(source_id=CONCERT)
    assert not concert.allows_enrolment and concert.occurrences.get().capacity == 0


def test_importing_again_updates_instead_of_duplicating(provider) -> None:
    run(provider)
    ids = set(Offering.objects.values_list("pk", flat=True))

    again = run(provider)

    assert (again.created, again.updated, again.unchanged, again.skipped) == (0, 0, 3, 1)
    assert set(Offering.objects.values_list("pk", flat=True)) == ids
    assert Occurrence.objects.count() == 3


def test_a_changed_event_updates_its_offering_and_time(provider, tmp_path) -> None:
    run(provider)
    data = sample()
    concert = next(event for event in data["data"] if event["id"] == CONCERT)
    concert["name"]["fi"] = "Iltapäiväkonsertti: Sibelius ja Madetoja"
    concert["start_time"], concert["end_time"] = "2030-03-21T14:00:00Z", "2030-03-21T15:30:00Z"
    concert["keywords"].append({"@id": "https://x.example/keyword/yso:p18434/"})
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(data), encoding="utf-8")

    report = run(provider, path)

    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    offering = Offering.objects.get(source_id=CONCERT)
    assert offering.title_fi == "Iltapäiväkonsertti: Sibelius ja Madetoja"
    assert keys(offering) == {"music", "concerts", "classical-music"}
    occurrence = offering.occurrences.get()
    assert (occurrence.starts_at, occurrence.ends_at) == (
        datetime(2030, 3, 21, 14, tzinfo=UTC),
        datetime(2030, 3, 21, 15, 30, tzinfo=UTC),
    )


def test_a_cancellation_at_the_source_reaches_the_enrolled(
    provider, resident, monkeypatch, django_capture_on_commit_callbacks
) -> None:
    run(provider)
    occurrence = Offering.objects.get(source_id=WORKSHOP).occurrences.get()
    Enrolment.objects.create(
        occurrence=occurrence, person=resident, seats=2, status=EnrolmentStatus.CONFIRMED
    )
    Occurrence.objects.filter(pk=occurrence.pk).update(seats_taken=2)
    notices = FakeTask()
    monkeypatch.setattr(tasks, "send_occurrence_notice", notices)
    data = sample()
    workshop = next(event for event in data["data"] if event["id"] == WORKSHOP)
    workshop["event_status"] = "EventCancelled"
    workshop["maximum_attendee_capacity"] = 1  # fewer than the seats already taken here

    with django_capture_on_commit_callbacks(execute=True):
        LinkedEventsImport(provider, now=NOW).import_events([workshop])

    occurrence.refresh_from_db()
    assert occurrence.status == OccurrenceStatus.CANCELLED
    assert occurrence.capacity == 2  # taken seats stay taken
    assert notices.sent == [(occurrence.pk, "cancelled")]


def test_a_providers_own_unpublishing_is_kept(provider) -> None:
    run(provider)
    Offering.objects.filter(source_id=CONCERT).update(status=OfferingStatus.DRAFT)

    run(provider)

    assert Offering.objects.get(source_id=CONCERT).status == OfferingStatus.DRAFT


def test_a_place_with_a_venues_name_is_that_venue(provider) -> None:
    venue = Venue.objects.create(
        organisation=provider,
        slug="kulttuuritalo",
        name_fi="Kulttuuritalo",
        street_address="Kirkkokatu 1",
        postal_code="90100",
        post_office="Oulu",
    )

    run(provider)

    concert = Offering.objects.get(source_id=CONCERT)
    assert (concert.venue, concert.location) == (venue, "")


def test_containers_deleted_and_unusable_events_are_skipped(provider) -> None:
    base = sample()["data"][0]
    events = [
        {**base, "id": "x:series", "super_event_type": "recurring"},
        {**base, "id": "x:umbrella", "super_event_type": "umbrella"},
        {**base, "id": "x:deleted", "deleted": True},
        {**base, "id": "x:no-start", "start_time": None},
        {**base, "id": "x:no-name", "name": {"fi": "", "sv": None}},
        {**base, "id": ""},
        "not an event",
        {**base, "id": "x:swedish-only", "name": {"sv": "Allsång i parken"}},
    ]
    importer = LinkedEventsImport(provider, now=NOW)

    importer.import_events(events)

    assert (importer.report.created, importer.report.skipped) == (1, 7)
    assert Offering.objects.get(source_id="x:swedish-only").title_fi == "Allsång i parken"


def test_the_same_event_for_two_providers_is_two_offerings(provider, make_organisation) -> None:
    run(provider)
    run(make_organisation())

    assert Offering.objects.filter(source_id=CONCERT).count() == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        Offering.objects.create(
            organisation=provider, source_id=CONCERT, title_fi="Kopio", format=Format.ON_SITE
        )
    Offering.objects.create(organisation=provider, title_fi="Oma", format=Format.ON_SITE)
    Offering.objects.create(organisation=provider, title_fi="Toinen", format=Format.ON_SITE)


def test_a_feed_on_the_web_is_read_page_by_page_with_its_places(provider) -> None:
    data = sample()
    first_url = "https://events.example.fi/v1/event/?page=1"
    second_url = "https://events.example.fi/v1/event/?page=2"
    place_url = "https://linkedevents.example.fi/v1/place/tprek:40021/"
    pages = {
        first_url: {"meta": {"next": second_url}, "data": data["data"][:2]},
        second_url: {"meta": {"next": first_url}, "data": data["data"][2:]},  # loops back
        place_url: {"name": {"fi": "Taidekeskus"}, "street_address": {"fi": "Torikatu 5"}},
    }
    fetched: list[str] = []

    def fetch(url: str) -> dict:
        fetched.append(url)
        return copy.deepcopy(pages[url])

    report = run(provider, first_url, fetch=fetch)

    assert (report.pages, report.created, report.skipped) == (2, 3, 1)
    assert fetched.count(first_url) == 1 and fetched.count(place_url) == 1
    workshop = Offering.objects.get(source_id=WORKSHOP)
    assert workshop.location == "Taidekeskus (Askartelutila, 2. kerros), Torikatu 5"

    limited = LinkedEventsImport(provider, now=NOW, fetch=fetch).run(first_url, max_pages=1)
    assert limited.pages == 1


def test_only_web_addresses_are_fetched() -> None:
    with pytest.raises(FeedUnreadable):
        fetch_json("file:///etc/passwd")


def test_the_command_imports_a_file_for_a_provider(provider, tmp_path) -> None:
    event = sample()["data"][2]
    soon = timezone.localtime() + timedelta(days=10)
    event["start_time"] = soon.isoformat()
    event["end_time"] = (soon + timedelta(hours=2)).isoformat()
    event.pop("enrolment_start_time"), event.pop("enrolment_end_time")
    path = tmp_path / "events.json"
    path.write_text(json.dumps({"meta": {"next": None}, "data": [event]}), encoding="utf-8")
    target = f"{provider.municipality.slug}/{provider.slug}"
    out = StringIO()

    call_command("import_linked_events", str(path), organisation=target, stdout=out)
    call_command("import_linked_events", str(path), organisation=target, stdout=out)

    assert "1 created, 0 updated, 0 unchanged, 0 skipped" in out.getvalue()
    assert "0 created, 0 updated, 1 unchanged, 0 skipped" in out.getvalue()
    assert Offering.objects.filter(organisation=provider, source_id=WORKSHOP).count() == 1
    with pytest.raises(CommandError, match="No organisation"):
        call_command("import_linked_events", str(path), organisation="nowhere/none")
    with pytest.raises(CommandError, match="not JSON"):
        (tmp_path / "broken.json").write_text("<html>", encoding="utf-8")
        call_command("import_linked_events", str(tmp_path / "broken.json"), organisation=target)


def test_html_becomes_plain_paragraphs() -> None:
    html = (
        "<h2>Ohjelma</h2><p>Kuoro<b>laulua</b> &amp; piano&nbsp;soolo<br>klo 14</p>"
        "<ul><li>Sibelius</li><li>Madetoja</li></ul><style>p{}</style><p>  </p>"
    )

    assert html_to_text(html) == (
        "Ohjelma\n\nKuorolaulua & piano soolo\nklo 14\n\nSibelius\nMadetoja"
    )
    assert html_to_text("Pelkkää tekstiä < 5 €") == "Pelkkää tekstiä < 5 €"
    assert shorten("Yksi kaksi kolme neljä", 14) == "Yksi kaksi…"
    assert shorten("Lyhyt", 14) == "Lyhyt"
