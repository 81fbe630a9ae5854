"""Reads scoped to the person: board audiences, hidden and merged ideas, author names, staff."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from lampio.core.errors import NotFound, PermissionDenied
from lampio.ideas import selectors, services, staff_selectors
from lampio.ideas.models import Audience, Campaign, FilteredWord, StrategyTheme
from lampio.ideas.selectors import IdeaFilters

pytestmark = pytest.mark.django_db


@pytest.fixture
def boards(board, staff_board, network_board, make_board, museum):
    museum_board = make_board(organisation=museum, audience=Audience.ORGANISATION, slug="museo")
    return {
        "public": board,
        "library": staff_board,
        "network": network_board,
        "museum": museum_board,
    }


def slugs(queryset):
    return {board.slug for board in queryset}


def test_boards_each_audience_reads(boards, resident, staff, museum_staff, network_admin):
    assert slugs(selectors.visible_boards(actor=AnonymousUser())) == {"kirjaston-ideat"}
    assert slugs(selectors.visible_boards(actor=resident)) == {"kirjaston-ideat"}
    assert slugs(selectors.visible_boards(actor=staff)) == {
        "kirjaston-ideat",
        "kirjaston-henkilosto",
        "verkosto",
    }
    assert slugs(selectors.visible_boards(actor=museum_staff)) == {
        "kirjaston-ideat",
        "verkosto",
        "museo",
    }
    assert len(slugs(selectors.visible_boards(actor=network_admin))) == 4


def test_a_board_one_cannot_read_is_not_found(boards, resident, staff):
    assert selectors.board_for(actor=staff, slug="kirjaston-henkilosto") == boards["library"]
    with pytest.raises(NotFound):
        selectors.board_for(actor=resident, slug="kirjaston-henkilosto")
    with pytest.raises(NotFound):
        selectors.board_for(actor=staff, slug="museo")


def test_campaigns_open_today_in_readable_boards(board, staff_board, campaign, resident, staff):
    today = timezone.localdate()
    Campaign.objects.create(
        board=staff_board,
        slug="sisainen",
        title_fi="Sisäinen",
        theme_fi="Työ",
        opens_on=today,
        closes_on=today,
    )
    Campaign.objects.create(
        board=board,
        slug="tuleva",
        title_fi="Tuleva",
        theme_fi="Tuleva",
        opens_on=today + timedelta(days=1),
        closes_on=today + timedelta(days=5),
    )
    assert [c.slug for c in selectors.open_campaigns(actor=resident)] == ["energia"]
    assert [c.slug for c in selectors.open_campaigns(actor=staff)] == ["sisainen", "energia"]
    assert selectors.campaign_for(actor=resident, board=board, slug="energia") == campaign
    with pytest.raises(NotFound):
        selectors.campaign_for(actor=resident, board=staff_board, slug="sisainen")


def test_browsing_shows_neither_hidden_nor_merged_ideas(make_idea, staff, resident):
    shown, hidden, merged, into = (make_idea(title=f"Idea {n}") for n in range(4))
    services.hide_idea(actor=staff, idea=hidden, reason="spam")
    services.merge_ideas(actor=staff, idea=merged, into=into)
    found = selectors.browse_ideas(actor=resident, filters=IdeaFilters())
    assert set(found) == {shown, into}


def test_browsing_staff_ideas_follows_the_audience(make_idea, staff_board, staff, resident):
    staff_idea = make_idea(actor=staff, on=staff_board)
    public_idea = make_idea()
    assert set(selectors.browse_ideas(actor=resident, filters=IdeaFilters())) == {public_idea}
    assert set(selectors.browse_ideas(actor=staff, filters=IdeaFilters())) == {
        public_idea,
        staff_idea,
    }
    with pytest.raises(NotFound):
        selectors.idea_for(actor=resident, idea_id=staff_idea.pk)


def test_filters_and_sorting(make_idea, campaign, resident, staff, state, make_user):
    in_campaign = make_idea(campaign=campaign, title="Aurinkopaneelit katolle")
    popular = make_idea(title="Pidemmät aukioloajat")
    services.support_idea(actor=make_user(), idea=popular)
    services.change_state(actor=staff, idea=popular, state=state("accepted"))
    browse = lambda **kw: list(selectors.browse_ideas(actor=resident, filters=IdeaFilters(**kw)))  # noqa: E731
    assert browse(campaign=campaign) == [in_campaign]
    assert browse(state="accepted") == [popular]
    assert browse(q="aurinko") == [in_campaign]
    assert browse(municipality="oulu", category="libraries", sort="supported")[0] == popular
    assert browse(sort="recent")[0] == popular
    assert browse(municipality="kemi") == []


def test_a_held_idea_is_seen_by_its_author_and_moderators_only(
    make_idea, resident, staff, make_user, museum_staff
):
    FilteredWord.objects.create(word="roska")
    held = make_idea(title="Roska")
    assert selectors.idea_for(actor=resident, idea_id=held.pk) == held
    assert selectors.idea_for(actor=staff, idea_id=held.pk) == held
    for person in (make_user(), museum_staff, AnonymousUser()):
        with pytest.raises(NotFound):
            selectors.idea_for(actor=person, idea_id=held.pk)
    assert list(selectors.my_ideas(actor=resident)) == [held]


def test_the_author_name_shows_only_if_chosen_but_moderators_always_see_it(
    make_idea, resident, staff, make_user
):
    hidden_name = make_idea(show_name=False)
    shown_name = make_idea(show_name=True)
    other = make_user()
    assert selectors.idea_page(actor=other, idea=hidden_name).author_name is None
    assert selectors.idea_page(actor=AnonymousUser(), idea=shown_name).author_name == "Aino Asukas"
    assert selectors.idea_page(actor=staff, idea=hidden_name).author_name == "Aino Asukas"


def test_the_idea_page_threads_comments_and_hides_what_was_hidden(
    idea, resident, staff, make_user, library
):
    named = make_user(first_name="Nimi", last_name="Näkyy")
    comment = services.add_comment(actor=named, idea=idea, body="Hyvä", show_name=True)
    reply = services.add_comment(actor=make_user(), idea=idea, body="Samaa mieltä", parent=comment)
    official = services.add_comment(
        actor=staff, idea=idea, body="Selvitämme", as_organisation=library
    )
    rude = services.add_comment(actor=make_user(first_name="Tuhma"), idea=idea, body="Höpö")
    services.hide_comment(actor=staff, comment=rude, reason="offensive")
    services.support_idea(actor=resident, idea=idea)
    page = selectors.idea_page(actor=resident, idea=idea)
    assert [thread.comment for thread in page.comments] == [comment, official, rude]
    assert page.comments[0].author_name == "Nimi Näkyy"
    assert page.comments[0].replies == [(reply, None)]
    assert page.comments[1].author_name == "Organisaatio kirjasto"
    assert page.comments[2].author_name is None and page.comments[2].comment.is_hidden
    assert page.supported and page.following and page.may_take_part and not page.may_moderate
    assert selectors.idea_page(actor=staff, idea=idea).comments[2].author_name == "Tuhma"


def test_the_public_history_leaves_out_moderation(idea, staff, state, resident):
    services.change_state(actor=staff, idea=idea, state=state("under-review"))
    services.hide_idea(actor=staff, idea=idea, reason="spam")
    services.show_idea(actor=staff, idea=idea)
    assert [e.kind for e in selectors.idea_page(actor=resident, idea=idea).events] == ["state"]
    assert len(selectors.idea_page(actor=staff, idea=idea).events) == 3


def test_a_merged_idea_page_points_to_the_other_and_takes_no_part(make_idea, staff, resident):
    duplicate, original = make_idea(), make_idea()
    services.merge_ideas(actor=staff, idea=duplicate, into=original)
    assert not selectors.idea_page(actor=resident, idea=duplicate).may_take_part
    assert selectors.idea_page(actor=resident, idea=original).merged_from == [duplicate]


def test_similar_ideas_come_from_the_same_board_and_only_visible_ones(
    make_idea, make_board, staff, resident
):
    near = make_idea(title="Ukuleleja lainaan", body="Kirjastosta voisi lainata ukuleleja.")
    hidden = make_idea(title="Ukuleleja lainaan", body="Kirjastosta voisi lainata ukuleleja.")
    services.hide_idea(actor=staff, idea=hidden, reason="spam")
    make_idea(on=make_board(slug="muu"), title="Ukuleleja lainaan", body="Ukuleleja lainaan.")
    found = selectors.similar_ideas(
        actor=resident,
        board=near.board,
        title="Ukulele lainaksi",
        body="Voisiko kirjastosta lainata ukulelen?",
        language="fi",
    )
    assert [similar.idea for similar in found] == [near]
    assert (
        selectors.similar_ideas(actor=resident, board=near.board, title=" ", body="", language="fi")
        == []
    )


def test_staff_lists_ideas_of_their_boards_and_routed_to_them(
    make_idea, make_board, museum, staff, museum_staff, resident
):
    museum_board = make_board(organisation=museum, slug="museon-ideat")
    own = make_idea()
    routed_here = make_idea(on=museum_board)
    services.confirm_routing(
        actor=museum_staff,
        idea=routed_here,
        organisation=staff.memberships.get().organisation,
        themes=[],
    )
    elsewhere = make_idea(on=museum_board)
    library = staff.memberships.get().organisation
    found = set(staff_selectors.staff_ideas(actor=staff, organisation=library))
    assert found == {own, routed_here}
    assert elsewhere not in found
    pending = staff_selectors.staff_ideas(actor=staff, organisation=library, routing="pending")
    assert list(pending) == [own]
    with pytest.raises(PermissionDenied):
        staff_selectors.staff_ideas(actor=resident, organisation=library)


def test_the_moderation_queue_and_cross_organisation_refusal(
    make_idea, staff, museum_staff, library, make_user
):
    FilteredWord.objects.create(word="roska")
    held = make_idea(title="Roska")
    reported = make_idea()
    services.report_content(actor=make_user(), idea=reported, reason="spam")
    hidden = make_idea()
    services.hide_idea(actor=staff, idea=hidden, reason="off_topic")
    queue = staff_selectors.moderation_queue(actor=staff, organisation=library)
    assert queue.held_ideas == [held] and queue.hidden_ideas == [hidden]
    assert [report.idea for report in queue.reports] == [reported]
    assert queue.waiting == 2
    with pytest.raises(PermissionDenied):
        staff_selectors.moderation_queue(actor=museum_staff, organisation=library)


def test_staff_campaigns_boards_and_routing_choices(
    board, campaign, staff, library, museum, museum_staff, idea, city, make_organisation
):
    assert list(staff_selectors.staff_campaigns(actor=staff, organisation=library)) == [campaign]
    assert list(staff_selectors.organisation_boards(actor=staff, organisation=library)) == [board]
    with pytest.raises(PermissionDenied):
        staff_selectors.organisation_boards(actor=museum_staff, organisation=library)
    make_organisation()  # another municipality's
    theme = StrategyTheme.objects.create(slug="kaikille", name_fi="Kaikille")
    organisations, themes = staff_selectors.routing_choices(actor=staff, idea=idea)
    assert set(organisations) == {library, museum} and list(themes) == [theme]
    with pytest.raises(PermissionDenied):
        staff_selectors.routing_choices(actor=museum_staff, idea=idea)
