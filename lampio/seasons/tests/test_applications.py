"""The applicant's services: each rule of a submission, one application per applicant,
applying for an organisation, and changing or withdrawing only while the round is open."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone, translation

from lampio.core.errors import Conflict, InvalidInput, PermissionDenied
from lampio.seasons.models import Application, ApplicationStatus, WishedSpace
from lampio.seasons.services.applications import (
    AlreadyApplied,
    NotAllowedToApply,
    RoundNotOpen,
    WishInvalid,
    submit_application,
    update_application,
    withdraw_application,
)
from lampio.seasons.tests.applicant_factories import first_class, make_round, wish
from lampio.tenancy.models import OrganisationKind, Role


@pytest.fixture
def setting(make_organisation, make_space, make_member, resident):
    city = make_organisation()
    hall = make_space(city, capacity=40, name_fi="Iso sali")
    small = make_space(city, capacity=12, name_fi="Pieni sali")
    outside = make_space(city, capacity=100, name_fi="Muu sali")
    staff = make_member(city, role=Role.STAFF)
    application_round = make_round(city, [hall, small], created_by=staff)
    club = make_organisation(municipality=city.municipality, kind=OrganisationKind.ASSOCIATION)
    return {
        "round": application_round,
        "hall": hall,
        "small": small,
        "outside": outside,
        "club": club,
        "member": make_member(club, role=Role.VIEWER),
        "resident": resident,
    }


def submit(setting, *, actor=None, wishes=None, **overrides):
    arguments = {
        "actor": actor or setting["resident"],
        "application_round": setting["round"],
        "for_organisation": None,
        "activity": "Kuoroharjoitus",
        "age_group": "adults",
        "requested_class": first_class(setting["round"]),
        "notes": "",
        "wishes": wishes if wishes is not None else [wish(setting["hall"], setting["small"])],
    }
    arguments.update(overrides)
    return submit_application(**arguments)


def test_a_submission_keeps_the_wishes_and_the_spaces_in_order(setting):
    application = submit(
        setting,
        wishes=[
            wish(setting["small"], setting["hall"], attendees=10),
            wish(setting["hall"], weekday=4, earliest_start=time(18), latest_end=time(20)),
        ],
    )
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.priority_class == application.requested_class
    first, second = application.wishes.order_by("position")
    assert [c.space for c in first.space_choices.all()] == [setting["small"], setting["hall"]]
    assert (second.weekday, second.earliest_start, second.latest_end) == (4, time(18), time(20))


@pytest.mark.parametrize("phase", ["upcoming", "closed"])
def test_only_an_open_round_takes_applications(setting, phase, make_member):
    setting["round"] = make_round(
        setting["round"].organisation,
        [setting["hall"]],
        created_by=make_member(setting["round"].organisation),
        phase=phase,
    )
    with pytest.raises(RoundNotOpen):
        submit(setting, wishes=[wish(setting["hall"])])


def test_a_published_round_takes_no_applications(setting):
    setting["round"].published_at = timezone.now()
    setting["round"].save()
    with pytest.raises(RoundNotOpen):
        submit(setting)


def test_an_unverified_email_cannot_apply(setting):
    EmailAddress.objects.filter(user=setting["resident"]).update(verified=False)
    with pytest.raises(NotAllowedToApply):
        submit(setting)


def test_one_applies_only_for_an_organisation_one_is_a_member_of(setting):
    with pytest.raises(PermissionDenied) as refused:
        submit(setting, for_organisation=setting["club"])
    assert refused.value.field == "for_organisation"
    application = submit(setting, actor=setting["member"], for_organisation=setting["club"])
    assert application.for_organisation == setting["club"]
    assert application.applicant == setting["member"]


def test_the_class_must_be_one_of_the_round(setting, make_member):
    other = make_round(
        setting["round"].organisation, [setting["hall"]], created_by=make_member(setting["club"])
    )
    with pytest.raises(InvalidInput) as refused:
        submit(setting, requested_class=first_class(other))
    assert refused.value.field == "requested_class"


@pytest.mark.parametrize("count", [0, 11])
def test_an_application_has_one_to_ten_wishes(setting, count):
    with pytest.raises(InvalidInput) as refused:
        submit(setting, wishes=[wish(setting["hall"])] * count)
    assert refused.value.field == "wishes"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"weekday": 8}, "weekday"),
        ({"earliest_start": time(20), "latest_end": time(18)}, "latest_end"),
        ({"duration_minutes": 20}, "duration_minutes"),
        (
            {"duration_minutes": 500, "earliest_start": time(8), "latest_end": time(22)},
            "duration_minutes",
        ),
        (
            {"earliest_start": time(18), "latest_end": time(19), "duration_minutes": 90},
            "latest_end",
        ),
        ({"attendees": 0}, "attendees"),
    ],
)
def test_each_wish_rule_names_its_field_and_row(setting, fields, field):
    with pytest.raises(WishInvalid) as refused:
        submit(setting, wishes=[wish(setting["hall"]), wish(setting["hall"], **fields)])
    assert (refused.value.index, refused.value.field) == (1, field)


def test_the_spaces_must_be_of_the_round_distinct_and_at_most_three(setting):
    for spaces in (
        [],
        [setting["outside"]],
        [setting["hall"], setting["hall"]],
        [setting["hall"], setting["small"], setting["hall"], setting["small"]],
    ):
        with pytest.raises(WishInvalid) as refused:
            submit(setting, wishes=[wish(*spaces)])
        assert refused.value.field == "spaces"
    assert not Application.objects.exists()


def test_participants_must_fit_in_one_of_the_chosen_spaces(setting):
    with pytest.raises(WishInvalid) as refused:
        submit(setting, wishes=[wish(setting["small"], attendees=13)])
    assert refused.value.field == "attendees"
    assert "Pieni sali" in str(refused.value.message)
    assert "12" in str(refused.value.message)
    # The hall as an alternative is big enough.
    submit(setting, wishes=[wish(setting["small"], setting["hall"], attendees=13)])


def test_one_person_applies_once_per_round(setting):
    first = submit(setting)
    with pytest.raises(AlreadyApplied) as refused:
        submit(setting)
    assert refused.value.existing == first
    with translation.override("en"):
        assert "Change that application" in str(refused.value.message)


def test_an_organisation_applies_once_whichever_member_sends_it(setting, make_member):
    submit(setting, actor=setting["member"], for_organisation=setting["club"])
    colleague = make_member(setting["club"], role=Role.STAFF)
    with pytest.raises(AlreadyApplied):
        submit(setting, actor=colleague, for_organisation=setting["club"])
    # The member may still apply as a private person, and the colleague too.
    submit(setting, actor=setting["member"])
    submit(setting, actor=colleague)
    assert Application.objects.count() == 3


def test_after_withdrawing_one_may_apply_again(setting):
    withdraw_application(actor=setting["resident"], application=submit(setting))
    assert submit(setting).status == ApplicationStatus.SUBMITTED


def test_update_replaces_the_wishes_and_follows_the_class(setting):
    application = submit(setting)
    second = setting["round"].priority_classes.get(rank=2)
    updated = update_application(
        actor=setting["resident"],
        application=application,
        activity="Kamarikuoro",
        age_group="seniors",
        requested_class=second,
        notes="Piano tarvitaan.",
        wishes=[wish(setting["small"], weekday=5, attendees=8)],
    )
    assert (updated.activity, updated.age_group, updated.notes) == (
        "Kamarikuoro",
        "seniors",
        "Piano tarvitaan.",
    )
    assert updated.requested_class == updated.priority_class == second
    assert list(updated.wishes.values_list("weekday", flat=True)) == [5]
    assert WishedSpace.objects.filter(wish__application=updated).count() == 1


def test_update_keeps_a_class_staff_corrected(setting):
    application = submit(setting)
    second = setting["round"].priority_classes.get(rank=2)
    Application.objects.filter(pk=application.pk).update(priority_class=second)
    application.refresh_from_db()
    updated = update_application(
        actor=setting["resident"],
        application=application,
        activity="Kuoro",
        age_group="adults",
        requested_class=first_class(setting["round"]),
        notes="",
        wishes=[wish(setting["hall"])],
    )
    assert updated.priority_class == second


def test_update_checks_the_wishes_too(setting):
    application = submit(setting)
    with pytest.raises(WishInvalid):
        update_application(
            actor=setting["resident"],
            application=application,
            activity="Kuoro",
            age_group="adults",
            requested_class=first_class(setting["round"]),
            notes="",
            wishes=[wish(setting["outside"])],
        )
    assert application.wishes.count() == 1


def test_only_the_applicant_or_a_member_changes_it(setting, make_user, make_member):
    own = submit(setting)
    with pytest.raises(PermissionDenied):
        withdraw_application(actor=make_user(), application=own)
    clubs = submit(setting, actor=setting["member"], for_organisation=setting["club"])
    colleague = make_member(setting["club"], role=Role.VIEWER)
    assert withdraw_application(actor=colleague, application=clubs).status == "withdrawn"


def test_nothing_changes_after_the_period(setting):
    application = submit(setting)
    later = setting["round"].applications_close_at + timedelta(minutes=1)
    with pytest.raises(RoundNotOpen):
        withdraw_application(actor=setting["resident"], application=application, now=later)
    with pytest.raises(RoundNotOpen):
        update_application(
            actor=setting["resident"],
            application=application,
            activity="Kuoro",
            age_group="adults",
            requested_class=first_class(setting["round"]),
            notes="",
            wishes=[wish(setting["hall"])],
            now=later,
        )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_a_withdrawn_application_stays_withdrawn(setting):
    application = submit(setting)
    withdraw_application(actor=setting["resident"], application=application)
    with pytest.raises(Conflict):
        withdraw_application(actor=setting["resident"], application=application)
    with pytest.raises(Conflict):
        update_application(
            actor=setting["resident"],
            application=application,
            activity="Kuoro",
            age_group="adults",
            requested_class=first_class(setting["round"]),
            notes="",
            wishes=[wish(setting["hall"])],
        )
