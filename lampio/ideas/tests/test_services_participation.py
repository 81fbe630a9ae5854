"""Supports (once each, the threshold moves a new idea under review once), follows, comments."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from lampio.core.errors import (
    Conflict,
    InvalidInput,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
)
from lampio.ideas import services
from lampio.ideas.models import Audience, EventKind, FilteredWord, Follow, Support
from lampio.notifications.models import Delivery

pytestmark = pytest.mark.django_db


def test_supporting_twice_counts_once_and_follows(idea, make_user):
    person = make_user()
    services.support_idea(actor=person, idea=idea)
    supported = services.support_idea(actor=person, idea=idea)
    assert supported.support_count == 1
    assert Support.objects.filter(idea=idea, person=person).count() == 1
    assert Follow.objects.filter(idea=idea, person=person).exists()


def test_withdrawing_support_lowers_the_count_once(idea, make_user):
    person = make_user()
    services.support_idea(actor=person, idea=idea)
    services.withdraw_support(actor=person, idea=idea)
    again = services.withdraw_support(actor=person, idea=idea)
    assert again.support_count == 0
    assert not Support.objects.filter(idea=idea).exists()


def test_the_threshold_moves_a_new_idea_under_review_once(
    idea, board, make_user, resident, resident_sv
):
    board.support_threshold = 2
    board.save()
    services.follow_idea(actor=resident_sv, idea=idea)
    first, second, third = make_user(), make_user(), make_user()
    assert services.support_idea(actor=first, idea=idea).state.slug == "new"
    reviewed = services.support_idea(actor=second, idea=idea)
    assert reviewed.state.slug == "under-review"
    services.withdraw_support(actor=second, idea=idea)
    services.support_idea(actor=second, idea=idea)
    services.support_idea(actor=third, idea=idea)
    assert idea.events.filter(kind=EventKind.STATE).count() == 1
    told = Delivery.objects.filter(key="ideas.state_changed")
    # The author, the Swedish follower and the first supporter; not the one who supported.
    assert sorted(told.values_list("recipient_id", flat=True)) == sorted(
        [resident.pk, resident_sv.pk, first.pk]
    )
    swedish = told.get(recipient=resident_sv)
    assert swedish.language == "sv" and "Under behandling" in swedish.subject


def test_the_campaign_threshold_wins_over_the_board(make_idea, board, campaign, make_user):
    board.support_threshold = 1
    board.save()
    campaign.support_threshold = 2
    campaign.save()
    idea = make_idea(campaign=campaign)
    assert services.support_idea(actor=make_user(), idea=idea).state.slug == "new"
    assert services.support_idea(actor=make_user(), idea=idea).state.slug == "under-review"


def test_the_threshold_leaves_an_idea_already_decided(idea, board, staff, state, make_user):
    services.change_state(actor=staff, idea=idea, state=state("accepted"))
    board.support_threshold = 1
    board.save()
    assert services.support_idea(actor=make_user(), idea=idea).state.slug == "accepted"


def test_anonymous_people_cannot_support_follow_or_comment(idea):
    anonymous = AnonymousUser()
    for act in (
        lambda: services.support_idea(actor=anonymous, idea=idea),
        lambda: services.follow_idea(actor=anonymous, idea=idea),
        lambda: services.add_comment(actor=anonymous, idea=idea, body="Hyvä"),
    ):
        with pytest.raises(NotAuthenticated):
            act()


def test_a_hidden_or_merged_idea_takes_no_supports(make_idea, idea, staff, make_user):
    services.hide_idea(actor=staff, idea=idea, reason="spam")
    with pytest.raises(NotFound):
        services.support_idea(actor=make_user(), idea=idea)
    first, second = make_idea(), make_idea()
    services.merge_ideas(actor=staff, idea=first, into=second)
    with pytest.raises(Conflict):
        services.support_idea(actor=make_user(), idea=first)


def test_residents_cannot_take_part_on_a_staff_board(make_idea, make_board, staff, resident):
    staff_only = make_board(audience=Audience.ORGANISATION, slug="sisainen")
    idea = make_idea(actor=staff, on=staff_only)
    with pytest.raises(PermissionDenied):
        services.support_idea(actor=resident, idea=idea)
    with pytest.raises(PermissionDenied):
        services.add_comment(actor=resident, idea=idea, body="Hei")


def test_unfollowing_stops_the_messages(idea, resident, staff):
    services.unfollow_idea(actor=resident, idea=idea)
    services.answer_idea(actor=staff, idea=idea, answer="Hankimme ukuleleja.")
    assert not Delivery.objects.filter(recipient=resident).exists()


def test_a_comment_is_plain_text_counted_and_followed(idea, make_user):
    person = make_user()
    comment = services.add_comment(actor=person, idea=idea, body="<script>x</script>Hyvä idea!")
    assert comment.body == "xHyvä idea!"
    idea.refresh_from_db()
    assert idea.comment_count == 1
    assert Follow.objects.filter(idea=idea, person=person).exists()


def test_replies_are_one_level_deep(idea, make_user):
    comment = services.add_comment(actor=make_user(), idea=idea, body="Kommentti")
    reply = services.add_comment(actor=make_user(), idea=idea, body="Vastaus", parent=comment)
    deeper = services.add_comment(actor=make_user(), idea=idea, body="Syvemmälle", parent=reply)
    assert reply.parent == comment and deeper.parent == comment


def test_a_reply_to_a_comment_of_another_idea_is_refused(make_idea, idea, make_user):
    other = make_idea()
    comment = services.add_comment(actor=make_user(), idea=other, body="Kommentti")
    with pytest.raises(InvalidInput) as refused:
        services.add_comment(actor=make_user(), idea=idea, body="Vastaus", parent=comment)
    assert refused.value.field == "parent"


@pytest.mark.parametrize("body", ["", "   ", "x" * 2001])
def test_empty_or_long_comments_are_refused(idea, resident, body):
    with pytest.raises(InvalidInput) as refused:
        services.add_comment(actor=resident, idea=idea, body=body)
    assert refused.value.field == "body"


def test_the_word_filter_holds_a_comment(idea, make_user):
    FilteredWord.objects.create(word="idiootti")
    comment = services.add_comment(actor=make_user(), idea=idea, body="Aivan idiootti ajatus")
    assert comment.is_hidden
    idea.refresh_from_db()
    assert idea.comment_count == 0


def test_staff_comment_in_their_organisations_name(idea, staff, library, museum, museum_staff):
    comment = services.add_comment(
        actor=staff, idea=idea, body="Selvitämme asiaa.", as_organisation=library
    )
    assert comment.as_organisation == library
    with pytest.raises(PermissionDenied):
        services.add_comment(actor=museum_staff, idea=idea, body="Me", as_organisation=museum)
    with pytest.raises(PermissionDenied):
        services.add_comment(actor=museum_staff, idea=idea, body="Me", as_organisation=library)
