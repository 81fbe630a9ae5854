"""Staff answer, move, merge and route ideas: permission, history, audit, messages to followers."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry

from lampio.core.errors import Conflict, InvalidInput, PermissionDenied
from lampio.ideas import services
from lampio.ideas.models import EventKind, Follow, Idea, StrategyTheme, Support
from lampio.notifications.models import Delivery

pytestmark = pytest.mark.django_db


def test_an_official_answer_tells_each_follower_in_their_language(
    idea, staff, resident, resident_sv, state, library
):
    services.follow_idea(actor=resident_sv, idea=idea)
    services.follow_idea(actor=staff, idea=idea)
    answered = services.answer_idea(
        actor=staff, idea=idea, answer="<p>Hankimme ukuleleja.</p>", state=state("accepted")
    )
    assert answered.official_answer == "Hankimme ukuleleja."
    assert answered.state.slug == "accepted"
    assert answered.answered_by == staff and answered.answered_at is not None
    event = answered.events.get(kind=EventKind.ANSWER)
    assert event.state == state("accepted") and event.actor == staff
    told = Delivery.objects.filter(key="ideas.answered", channel="email")
    assert sorted(told.values_list("recipient_id", flat=True)) == sorted(
        [resident.pk, resident_sv.pk]
    )  # not the staff member who answered
    finnish, swedish = told.get(recipient=resident), told.get(recipient=resident_sv)
    assert "Hankimme ukuleleja." in finnish.body and "Hyväksytty" in finnish.body
    assert swedish.language == "sv" and "Godkänd" in swedish.body
    assert "Organisation kirjasto" in swedish.body  # the organisation's Swedish name
    assert f"/ideas/{idea.pk}/" in finnish.body


def test_answering_again_tells_again(idea, staff):
    services.answer_idea(actor=staff, idea=idea, answer="Ensimmäinen")
    services.answer_idea(actor=staff, idea=idea, answer="Toinen")
    assert Delivery.objects.filter(key="ideas.answered", channel="email").count() == 2


def test_an_empty_answer_is_refused(idea, staff):
    with pytest.raises(InvalidInput) as refused:
        services.answer_idea(actor=staff, idea=idea, answer=" <br> ")
    assert refused.value.field == "answer"


def test_states_move_only_where_the_current_state_leads(idea, staff, state, resident):
    with pytest.raises(InvalidInput) as refused:
        services.change_state(actor=staff, idea=idea, state=state("implemented"))
    assert refused.value.field == "state"
    with pytest.raises(InvalidInput):
        services.change_state(actor=staff, idea=idea, state=state("merged"))
    accepted = services.change_state(actor=staff, idea=idea, state=state("accepted"))
    assert accepted.state.slug == "accepted"
    done = services.change_state(actor=staff, idea=idea, state=state("implemented"))
    assert done.state.slug == "implemented"
    assert list(idea.events.values_list("state__slug", flat=True)) == ["accepted", "implemented"]
    message = Delivery.objects.filter(recipient=resident, key="ideas.state_changed")
    assert message.count() == 2


def test_an_answer_with_a_state_it_cannot_reach_changes_nothing(idea, staff, state):
    with pytest.raises(InvalidInput):
        services.answer_idea(actor=staff, idea=idea, answer="Valmis", state=state("implemented"))
    idea.refresh_from_db()
    assert idea.official_answer == "" and not idea.events.exists()


def test_staff_changes_are_audited_with_the_staff_member(idea, staff, state):
    services.change_state(actor=staff, idea=idea, state=state("under-review"))
    entry = LogEntry.objects.get_for_object(idea).order_by("-pk").first()
    assert entry.actor == staff and "state" in entry.changes_dict


def test_staff_of_another_organisation_cannot_handle(idea, museum_staff, viewer, resident, state):
    for person in (museum_staff, viewer, resident):
        with pytest.raises(PermissionDenied):
            services.answer_idea(actor=person, idea=idea, answer="Ei")
        with pytest.raises(PermissionDenied):
            services.change_state(actor=person, idea=idea, state=state("accepted"))


def test_the_organisation_an_idea_is_routed_to_handles_it(idea, staff, museum, museum_staff):
    services.confirm_routing(actor=staff, idea=idea, organisation=museum, themes=[])
    answered = services.answer_idea(actor=museum_staff, idea=idea, answer="Museo vastaa.")
    assert answered.official_answer == "Museo vastaa."


def test_network_admins_handle_everything(idea, network_admin):
    assert services.answer_idea(actor=network_admin, idea=idea, answer="Hyvä").official_answer


def test_merge_moves_supports_and_follows_without_duplicates(make_idea, staff, make_user, resident):
    duplicate, original = make_idea(title="Ukuleleja"), make_idea(title="Soittimia")
    both, only_duplicate, only_original = make_user(), make_user(), make_user()
    for person in (both, only_duplicate):
        services.support_idea(actor=person, idea=duplicate)
    for person in (both, only_original):
        services.support_idea(actor=person, idea=original)
    merged = services.merge_ideas(actor=staff, idea=duplicate, into=original)
    assert merged.state.slug == "merged" and merged.merged_into == original
    original.refresh_from_db()
    assert original.support_count == 3 == original.supports.count()
    assert set(original.supports.values_list("person_id", flat=True)) == {
        both.pk,
        only_duplicate.pk,
        only_original.pk,
    }
    assert Support.objects.filter(idea=duplicate).count() == merged.support_count == 0
    followers = set(Follow.objects.filter(idea=original).values_list("person_id", flat=True))
    assert followers == {resident.pk, both.pk, only_duplicate.pk, only_original.pk}
    assert not Follow.objects.filter(idea=duplicate).exists()
    told = Delivery.objects.filter(key="ideas.merged", channel="email")
    assert set(told.values_list("recipient_id", flat=True)) == {
        resident.pk,
        both.pk,
        only_duplicate.pk,
    }
    assert f"/ideas/{original.pk}/" in told.first().body
    assert merged.events.get(kind=EventKind.MERGED).text == "Soittimia"


def test_merging_into_a_merged_idea_or_itself_is_refused(make_idea, staff):
    first, second, third = make_idea(), make_idea(), make_idea()
    with pytest.raises(InvalidInput):
        services.merge_ideas(actor=staff, idea=first, into=first)
    services.merge_ideas(actor=staff, idea=first, into=second)
    with pytest.raises(InvalidInput):
        services.merge_ideas(actor=staff, idea=third, into=first)
    with pytest.raises(Conflict):
        services.merge_ideas(actor=staff, idea=first, into=third)


def test_ideas_merged_before_follow_along(make_idea, staff):
    first, second, third = make_idea(), make_idea(), make_idea()
    services.merge_ideas(actor=staff, idea=first, into=second)
    services.merge_ideas(actor=staff, idea=second, into=third)
    assert Idea.objects.get(pk=first.pk).merged_into == third


def test_merging_across_boards_is_refused(make_idea, make_board, staff):
    other = make_board(slug="toinen")
    with pytest.raises(InvalidInput) as refused:
        services.merge_ideas(actor=staff, idea=make_idea(), into=make_idea(on=other))
    assert refused.value.field == "into"


def test_confirming_routing_sets_organisation_themes_and_history(idea, staff, museum, city):
    mine = StrategyTheme.objects.create(municipality=city, slug="kaikille", name_fi="Kaikille")
    network = StrategyTheme.objects.create(slug="vihrea", name_fi="Vihreä siirtymä")
    routed = services.confirm_routing(
        actor=staff, idea=idea, organisation=museum, themes=[mine, network]
    )
    assert routed.organisation == museum and routed.routed_at is not None
    assert set(routed.themes.all()) == {mine, network}
    assert routed.events.get(kind=EventKind.ROUTED).actor == staff


def test_routing_stays_in_the_ideas_municipality(idea, staff, make_organisation, make_municipality):
    elsewhere = make_municipality(slug="kemi")
    with pytest.raises(InvalidInput) as refused:
        services.confirm_routing(
            actor=staff,
            idea=idea,
            organisation=make_organisation(municipality=elsewhere),
            themes=[],
        )
    assert refused.value.field == "organisation"
    theme = StrategyTheme.objects.create(municipality=elsewhere, slug="kemi", name_fi="Kemi")
    with pytest.raises(InvalidInput) as refused_theme:
        services.confirm_routing(
            actor=staff, idea=idea, organisation=idea.board.organisation, themes=[theme]
        )
    assert refused_theme.value.field == "themes"
