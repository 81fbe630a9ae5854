"""The pilot library's writes: who may start and change a pilot, its phases, lessons, webinars
and initiative links (organisation A against organisation B), with their refusals."""

from __future__ import annotations

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.utils import timezone
from django.utils.translation import override

from lampio.capability.models import Lesson, PhaseKind, Webinar
from lampio.capability.models.pilots import PhaseStatus
from lampio.capability.selectors.pilots import phases_in_order, webinar_rows
from lampio.capability.services.library import (
    LessonData,
    add_webinar,
    save_lesson,
    save_webinar_recording,
)
from lampio.capability.services.pilots import (
    PhaseData,
    PilotData,
    link_pilot,
    save_phases,
    save_pilot,
    unlink_pilot,
)
from lampio.capability.tests.pilot_factories import (  # noqa: F401  (fixtures)
    World,
    make_initiative,
    make_pilot,
    world_fixture,
)
from lampio.core.errors import Conflict, InvalidInput, PermissionDenied
from lampio.core.multilingual import Translated
from lampio.offerings.models import Format

LESSON = LessonData(
    what_worked="Asukkaat lauloivat mukana.",
    what_did_not="Ääni katkesi kahdesti.",
    do_differently="Testaisimme yhteyden päivää ennen.",
)


def test_lead_starts_a_pilot_with_all_five_phases_and_it_is_audited(world: World) -> None:
    pilot = make_pilot(world.staff_a, world.a, participants=[world.b, world.a])
    assert pilot.organisation == world.a
    # The lead is not listed as its own participant.
    assert list(pilot.participants.all()) == [world.b]
    assert [row.kind for row in phases_in_order(pilot)] == list(PhaseKind.values)
    assert all(
        row.phase and row.phase.status == PhaseStatus.PLANNED for row in phases_in_order(pilot)
    )
    assert LogEntry.objects.get_for_object(pilot).filter(actor=world.staff_a).exists()


def test_a_pilot_is_led_only_for_an_organisation_of_ones_own(world: World) -> None:
    with pytest.raises(PermissionDenied) as refused:
        make_pilot(world.staff_a, world.b)
    assert refused.value.field == "organisation"
    # A viewer of B has no MANAGE there either.
    with pytest.raises(PermissionDenied):
        make_pilot(world.viewer_b, world.b)
    # Network admins may start one for any organisation.
    assert make_pilot(world.admin, world.b).organisation == world.b


def test_only_the_lead_changes_the_pilot(world: World) -> None:
    pilot = make_pilot(world.staff_b, world.b)
    data = PilotData(
        title=Translated(fi="Uusi nimi"),
        summary=Translated(fi="Uusi kuvaus"),
        organisation=world.b,
        status="finished",
        starts_on=pilot.starts_on,
    )
    with pytest.raises(PermissionDenied):
        save_pilot(actor=world.staff_a, data=data, pilot=pilot)
    save_pilot(actor=world.staff_b, data=data, pilot=pilot)
    pilot.refresh_from_db()
    assert (pilot.title_fi, pilot.status) == ("Uusi nimi", "finished")


def test_pilot_input_is_checked_with_translated_messages(world: World) -> None:
    today = timezone.localdate()
    with pytest.raises(InvalidInput) as missing:
        make_pilot(world.staff_a, world.a, title="  <b></b> ")
    assert missing.value.field == "title_fi"
    with pytest.raises(InvalidInput) as backwards:
        make_pilot(world.staff_a, world.a, starts_on=today, ends_on=today - timedelta(days=1))
    assert backwards.value.field == "ends_on"
    with override("en"):
        assert str(backwards.value.message) == "The end cannot be before the start."


def test_phases_are_saved_and_only_procurement_may_be_left_out(world: World) -> None:
    pilot = make_pilot(world.staff_a, world.a)
    today = timezone.localdate()
    phases = [
        PhaseData(kind=PhaseKind.CORE_TEAM, status=PhaseStatus.DONE, starts_on=today),
        PhaseData(kind=PhaseKind.PROCUREMENT, status=PhaseStatus.SKIPPED),
        PhaseData(
            kind=PhaseKind.IMPLEMENTATION,
            status=PhaseStatus.ONGOING,
            notes=Translated(fi="Testaus kolmessa kodissa", sv="Test i tre hem"),
        ),
    ]
    save_phases(actor=world.staff_a, pilot=pilot, phases=phases)
    rows = {row.kind: row.phase for row in phases_in_order(pilot)}
    assert rows[PhaseKind.PROCUREMENT].status == PhaseStatus.SKIPPED
    assert rows[PhaseKind.IMPLEMENTATION].notes_sv == "Test i tre hem"
    assert rows[PhaseKind.WEBINAR].status == PhaseStatus.PLANNED
    with pytest.raises(InvalidInput) as refused:
        save_phases(
            actor=world.staff_a,
            pilot=pilot,
            phases=[PhaseData(kind=PhaseKind.ROUND_TABLE, status=PhaseStatus.SKIPPED)],
        )
    assert refused.value.field == "round_table-status"
    with pytest.raises(PermissionDenied):
        save_phases(actor=world.staff_b, pilot=pilot, phases=phases)


def test_lessons_are_written_by_the_pilots_organisations_and_changed_by_the_writer(
    world: World, make_organisation, make_member
) -> None:
    pilot = make_pilot(world.staff_a, world.a, participants=[world.b])
    outsider = make_member(make_organisation())
    by_b = save_lesson(actor=world.staff_b, pilot=pilot, organisation=world.b, data=LESSON)
    assert (by_b.organisation, by_b.created_by) == (world.b, world.staff_b)
    # Not in the name of another organisation, nor by one outside the pilot.
    with pytest.raises(PermissionDenied):
        save_lesson(actor=world.staff_b, pilot=pilot, organisation=world.a, data=LESSON)
    with pytest.raises(PermissionDenied):
        save_lesson(actor=outsider, pilot=pilot, organisation=world.b, data=LESSON)
    # The lead's staff may not rewrite B's words; B's staff and network admins may.
    changed = LessonData("Toimi", "Ei toiminut", "Toisin", language="sv")
    with pytest.raises(PermissionDenied):
        save_lesson(actor=world.staff_a, pilot=pilot, lesson=by_b, data=changed)
    save_lesson(actor=world.admin, pilot=pilot, lesson=by_b, data=changed)
    by_b.refresh_from_db()
    assert (by_b.what_worked, by_b.language, by_b.organisation) == ("Toimi", "sv", world.b)


def test_a_lesson_needs_all_three_texts(world: World) -> None:
    pilot = make_pilot(world.staff_a, world.a)
    with pytest.raises(InvalidInput) as refused:
        save_lesson(
            actor=world.staff_a,
            pilot=pilot,
            organisation=world.a,
            data=LessonData("Hyvää", " ", "Toisin"),
        )
    assert refused.value.field == "what_did_not"
    assert not Lesson.objects.exists()


def test_a_webinar_wraps_an_offering_the_actor_publishes(world: World, make_offering) -> None:
    pilot = make_pilot(world.staff_a, world.a, participants=[world.b])
    offering_a = make_offering(world.a, format=Format.LIVE_STREAM)
    offering_b = make_offering(world.b, format=Format.LIVE_STREAM)
    with pytest.raises(PermissionDenied) as refused:
        add_webinar(actor=world.staff_a, pilot=pilot, offering=offering_b)
    assert refused.value.field == "offering"
    webinar = add_webinar(actor=world.staff_a, pilot=pilot, offering=offering_a)
    with pytest.raises(Conflict):
        add_webinar(actor=world.admin, pilot=pilot, offering=offering_a)
    [row] = webinar_rows(pilot)
    assert row.webinar == webinar
    assert row.next_time == offering_a.occurrences.get()
    # The recording is the organiser's to set, and only as a web address.
    with pytest.raises(PermissionDenied):
        save_webinar_recording(actor=world.staff_b, webinar=webinar, recording_url="https://x.fi/")
    with pytest.raises(InvalidInput):
        save_webinar_recording(
            actor=world.staff_a, webinar=webinar, recording_url="javascript:alert(1)"
        )
    save_webinar_recording(
        actor=world.staff_a, webinar=webinar, recording_url="https://video.example.fi/w"
    )
    assert Webinar.objects.get().recording_url == "https://video.example.fi/w"


def test_linking_follows_who_may_change_the_initiative(world: World) -> None:
    pilot = make_pilot(world.staff_a, world.a)
    of_b = make_initiative(world.b)
    of_network = make_initiative(None, title_fi="Verkoston tiekartta")
    with pytest.raises(PermissionDenied):
        link_pilot(actor=world.staff_a, initiative=of_b, pilot=pilot)
    with pytest.raises(PermissionDenied):
        link_pilot(actor=world.staff_b, initiative=of_network, pilot=pilot)
    with pytest.raises(PermissionDenied):
        link_pilot(actor=world.viewer_b, initiative=of_b, pilot=pilot)
    link_pilot(actor=world.staff_b, initiative=of_b, pilot=pilot)
    link_pilot(actor=world.admin, initiative=of_network, pilot=pilot)
    assert set(pilot.initiatives.all()) == {of_b, of_network}
    unlink_pilot(actor=world.staff_b, initiative=of_b, pilot=pilot)
    assert list(pilot.initiatives.all()) == [of_network]


def test_the_pilot_form_links_only_initiatives_the_actor_may_change(world: World) -> None:
    of_a, of_b = make_initiative(world.a), make_initiative(world.b)
    pilot = make_pilot(world.staff_a, world.a, initiatives=[of_a])
    link_pilot(actor=world.staff_b, initiative=of_b, pilot=pilot)
    with pytest.raises(PermissionDenied):
        make_pilot(world.staff_a, world.a, initiatives=[of_b])
    # Saving the pilot without A's initiative keeps B's link, which A could not have made.
    save_pilot(
        actor=world.staff_a,
        pilot=pilot,
        data=PilotData(
            title=Translated(fi=pilot.title_fi),
            summary=Translated(fi=pilot.summary_fi),
            organisation=world.a,
            status=pilot.status,
            starts_on=pilot.starts_on,
        ),
    )
    assert list(pilot.initiatives.all()) == [of_b]
