"""Survey rounds: who may run them for whom, links, participants, dates and closing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from lampio.core.multilingual import Translated
from lampio.surveys.engine import rounds
from lampio.surveys.engine.errors import InvalidRound, NotAllowed, ParticipantHasAnswers
from lampio.surveys.engine.rounds import RoundData
from lampio.surveys.models import Submission
from lampio.surveys.tests.engine_factories import draft_questionnaire, published_questionnaire
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def admin(make_user):
    return make_user(is_network_admin=True)


@pytest.fixture
def orgs(make_organisation):
    return make_organisation(), make_organisation()


@pytest.fixture
def version(admin):
    return published_questionnaire(admin, None)


def data(version, today, **changes):
    values = {
        "version": version,
        "title": Translated("Kevään kysely", "Vårens enkät", "Spring survey"),
        "opens_on": today,
        "closes_on": today + timedelta(days=14),
        "reminder_days_before": 3,
    }
    values.update(changes)
    return RoundData(**values)


def test_network_round_may_include_any_active_organisation(admin, orgs, version, today):
    round = rounds.create_round(
        actor=admin, organiser=None, data=data(version, today), participants=list(orgs)
    )
    tokens = list(round.participants.values_list("token", flat=True))
    assert len(tokens) == 2 and len(set(tokens)) == 2
    assert all(len(token) == 32 for token in tokens)
    assert round.title_sv == "Vårens enkät"


def test_only_network_admins_run_network_rounds(make_member, orgs, version, today):
    staff = make_member(orgs[0], role=Role.ADMIN)
    with pytest.raises(NotAllowed):
        rounds.create_round(
            actor=staff, organiser=None, data=data(version, today), participants=[orgs[0]]
        )


def test_organisation_round_includes_only_organisations_the_actor_manages(
    make_member, orgs, version, today
):
    staff = make_member(orgs[0], role=Role.STAFF)
    with pytest.raises(InvalidRound) as error:
        rounds.create_round(
            actor=staff, organiser=orgs[0], data=data(version, today), participants=list(orgs)
        )
    assert error.value.field == "organisations"
    round = rounds.create_round(
        actor=staff, organiser=orgs[0], data=data(version, today), participants=[orgs[0]]
    )
    assert round.participants.get().organisation == orgs[0]
    viewer = make_member(orgs[1], role=Role.VIEWER)
    with pytest.raises(NotAllowed):
        rounds.create_round(
            actor=viewer, organiser=orgs[1], data=data(version, today), participants=[orgs[1]]
        )


def test_round_needs_a_published_version_and_dates_in_order(admin, orgs, today, make_member):
    draft = draft_questionnaire(admin, None, key="luonnos")
    with pytest.raises(InvalidRound) as error:
        rounds.create_round(
            actor=admin, organiser=None, data=data(draft, today), participants=[orgs[0]]
        )
    assert error.value.field == "version"
    published = published_questionnaire(admin, None, key="valmis")
    with pytest.raises(InvalidRound) as error, translation.override("en"):
        rounds.create_round(
            actor=admin,
            organiser=None,
            data=data(published, today, closes_on=today - timedelta(days=1)),
            participants=[orgs[0]],
        )
    assert error.value.field == "closes_on"
    # Another organisation's own questionnaire is not for others' rounds.
    owner_staff = make_member(orgs[1], role=Role.STAFF)
    own = published_questionnaire(owner_staff, orgs[1], key="oma")
    staff = make_member(orgs[0], role=Role.STAFF)
    with pytest.raises(InvalidRound):
        rounds.create_round(
            actor=staff, organiser=orgs[0], data=data(own, today), participants=[orgs[0]]
        )


def test_participants_are_added_once_and_removed_only_without_answers(admin, orgs, version, today):
    round = rounds.create_round(
        actor=admin, organiser=None, data=data(version, today), participants=[orgs[0]]
    )
    with pytest.raises(InvalidRound):
        rounds.add_participant(actor=admin, round=round, organisation=orgs[0])
    second = rounds.add_participant(actor=admin, round=round, organisation=orgs[1])
    first = round.participants.get(organisation=orgs[0])
    Submission.objects.create(round=round, organisation=orgs[0], submitted_on=today, language="fi")
    with pytest.raises(ParticipantHasAnswers):
        rounds.remove_participant(actor=admin, participant=first)
    rounds.remove_participant(actor=admin, participant=second)
    assert list(round.participants.values_list("organisation", flat=True)) == [orgs[0].pk]


def test_only_the_organiser_changes_a_round(make_member, orgs, version, today):
    staff = make_member(orgs[0], role=Role.STAFF)
    round = rounds.create_round(
        actor=staff, organiser=orgs[0], data=data(version, today), participants=[orgs[0]]
    )
    outsider = make_member(orgs[1], role=Role.ADMIN)
    with pytest.raises(NotAllowed):
        rounds.close_now(actor=outsider, round=round, today=today)
    with pytest.raises(NotAllowed):
        rounds.new_link(actor=outsider, participant=round.participants.get())


def test_new_link_replaces_the_old_token(admin, orgs, version, today):
    round = rounds.create_round(
        actor=admin, organiser=None, data=data(version, today), participants=[orgs[0]]
    )
    participant = round.participants.get()
    old = participant.token
    rounds.new_link(actor=admin, participant=participant)
    participant.refresh_from_db()
    assert participant.token != old


def test_extending_clears_reminders_and_closing_ends_the_round(admin, orgs, version, today):
    round = rounds.create_round(
        actor=admin, organiser=None, data=data(version, today), participants=[orgs[0]]
    )
    round.participants.update(reminded_at=timezone.now())
    rounds.change_dates(
        actor=admin,
        round=round,
        opens_on=round.opens_on,
        closes_on=round.closes_on + timedelta(days=7),
        reminder_days_before=2,
    )
    round.refresh_from_db()
    assert round.closes_on == today + timedelta(days=21)
    assert round.participants.get().reminded_at is None
    rounds.close_now(actor=admin, round=round, today=today)
    round.refresh_from_db()
    assert not round.is_open_on(today)
    assert round.closes_on == today - timedelta(days=1) and round.opens_on <= round.closes_on
    with pytest.raises(InvalidRound):
        rounds.close_now(actor=admin, round=round, today=today)


def test_an_upcoming_round_is_not_closed_but_moved(admin, orgs, version, today):
    round = rounds.create_round(
        actor=admin,
        organiser=None,
        data=data(version, today, opens_on=today + timedelta(days=3)),
        participants=[orgs[0]],
    )
    with pytest.raises(InvalidRound):
        rounds.close_now(actor=admin, round=round, today=today)
