"""Staff open and change rounds; validations come back naming the field."""

from __future__ import annotations

from datetime import date, time

import pytest
from auditlog.models import LogEntry

from lampio.core.errors import InvalidInput, PermissionDenied
from lampio.core.multilingual import Translated
from lampio.core.timeranges import local_datetime
from lampio.seasons.errors import ApplicationsClosed, RoundPublished
from lampio.seasons.models import ApplicationRound, PriorityClass
from lampio.seasons.services.rounds import set_priority_class, update_round
from lampio.seasons.tests.round_factories import (
    CLOSES,
    NOW,
    OPENS,
    SEASON_ENDS,
    SEASON_STARTS,
    WHILE_OPEN,
    apply,
    make_round,
)
from lampio.tenancy.models import Role


@pytest.fixture
def hall(org, make_space):
    return make_space(org)


def test_a_round_gets_the_three_default_classes_in_rank_order(staff, org, hall):
    application_round = make_round(staff, org, [hall])
    classes = list(application_round.priority_classes.order_by("rank"))
    assert [c.rank for c in classes] == [1, 2, 3]
    assert classes[0].name_en == "Children's and youth activities"
    assert classes[2].name_en == "Others"
    assert all(c.name_fi for c in classes)  # Finnish is always filled in
    assert application_round.name_fi == "Vakiovuorot 2030–2031"
    assert application_round.name_sv == "Fasta turer 2030–2031"
    assert list(application_round.spaces.all()) == [hall]
    entry = LogEntry.objects.get_for_object(application_round).get()
    assert entry.actor == staff


def test_given_classes_keep_their_order_and_languages(staff, org, hall):
    application_round = make_round(
        staff,
        org,
        [hall],
        priority_classes=[Translated(fi="Lapset", sv="Barn"), "Muut"],
        max_minutes_per_week=240,
    )
    classes = list(application_round.priority_classes.order_by("rank"))
    assert [(c.name_fi, c.name_sv) for c in classes] == [("Lapset", "Barn"), ("Muut", "")]
    assert application_round.max_minutes_per_week == 240


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name_fi"),
        ({"season_ends": SEASON_STARTS}, "season_ends"),
        ({"season_ends": date(2031, 12, 31)}, "season_ends"),
        ({"applications_close_at": OPENS}, "applications_close_at"),
        (
            {"applications_close_at": local_datetime(SEASON_STARTS, time(8))},
            "applications_close_at",
        ),
        ({"spaces": []}, "spaces"),
        ({"max_minutes_per_week": 10}, "max_minutes_per_week"),
        ({"priority_classes": [Translated(sv="Barn")]}, "priority_classes"),
    ],
)
def test_invalid_rounds_are_refused_naming_the_field(staff, org, hall, overrides, field):
    with pytest.raises(InvalidInput) as refused:
        make_round(staff, org, **{"spaces": [hall], **overrides})
    assert refused.value.field == field
    assert not ApplicationRound.objects.exists()


def test_spaces_of_another_organisation_are_refused(staff, org, make_space):
    with pytest.raises(InvalidInput) as refused:
        make_round(staff, org, [make_space()])
    assert refused.value.field == "spaces"


@pytest.mark.parametrize("role", [Role.VIEWER, None])
def test_only_staff_who_manage_the_organisation_open_rounds(
    org, hall, make_member, make_organisation, role
):
    actor = make_member(org, role=role) if role else make_member(make_organisation())
    with pytest.raises(PermissionDenied):
        make_round(actor, org, [hall])


def _update(application_round, actor, now, **changes):
    fields = {
        "name": Translated(fi="Uusi nimi", en="New name"),
        "criteria": "",
        "season_starts": SEASON_STARTS,
        "season_ends": SEASON_ENDS,
        "applications_open_at": OPENS,
        "applications_close_at": CLOSES,
        "spaces": list(application_round.spaces.all()),
        "max_minutes_per_week": 180,
    }
    fields.update(changes)
    return update_round(actor=actor, application_round=application_round, now=now, **fields)


def test_update_changes_the_round_and_renames_classes(staff, org, hall, make_space):
    application_round = make_round(staff, org, [hall])
    other = make_space(org)
    changed = _update(
        application_round, staff, WHILE_OPEN, spaces=[hall, other], priority_classes=["A", "B"]
    )
    assert (changed.name_fi, changed.name_en, changed.max_minutes_per_week) == (
        "Uusi nimi",
        "New name",
        180,
    )
    assert set(changed.spaces.all()) == {hall, other}
    assert list(changed.priority_classes.values_list("name_fi", flat=True)) == ["A", "B"]


def test_spaces_and_season_are_fixed_once_applications_close(staff, org, hall, make_space):
    application_round = make_round(staff, org, [hall])
    with pytest.raises(ApplicationsClosed):
        _update(application_round, staff, NOW, spaces=[hall, make_space(org)])
    with pytest.raises(ApplicationsClosed):
        _update(application_round, staff, NOW, season_ends=date(2031, 5, 30))
    # The name and the weekly limit may still change.
    assert _update(application_round, staff, NOW).max_minutes_per_week == 180


def test_a_published_round_cannot_change(staff, org, hall):
    application_round = make_round(staff, org, [hall])
    ApplicationRound.objects.filter(pk=application_round.pk).update(published_at=NOW)
    with pytest.raises(RoundPublished):
        _update(application_round, staff, NOW)


def test_a_class_in_use_cannot_be_dropped(staff, org, hall, resident):
    application_round = make_round(staff, org, [hall])
    apply(application_round, resident, rank=3)
    with pytest.raises(InvalidInput) as refused:
        _update(application_round, staff, WHILE_OPEN, priority_classes=["A", "B"])
    assert refused.value.field == "priority_classes"
    assert application_round.priority_classes.count() == 3


def test_staff_reclassify_an_application_and_it_is_audited(staff, org, hall, resident):
    application_round = make_round(staff, org, [hall])
    application = apply(application_round, resident, rank=3)
    first = application_round.priority_classes.get(rank=1)
    changed = set_priority_class(actor=staff, application=application, priority_class=first)
    assert changed.priority_class == first
    assert changed.requested_class.rank == 3  # what the applicant asked stays on record
    entry = LogEntry.objects.get_for_object(application).latest("timestamp")
    assert entry.actor == staff and "priority_class" in entry.changes_dict


def test_a_class_of_another_round_is_refused(staff, org, hall, resident):
    application_round = make_round(staff, org, [hall])
    other_round = make_round(staff, org, [hall])
    application = apply(application_round, resident)
    with pytest.raises(InvalidInput):
        set_priority_class(
            actor=staff,
            application=application,
            priority_class=PriorityClass.objects.get(application_round=other_round, rank=2),
        )
