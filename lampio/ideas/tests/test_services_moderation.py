"""Reports, hiding and showing ideas and comments, and running campaigns."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import IntegrityError

from lampio.core.errors import InvalidInput, NotFound, PermissionDenied
from lampio.ideas import services
from lampio.ideas.models import Audience, Campaign, EventKind, HiddenReason, Report
from lampio.notifications.models import Delivery

pytestmark = pytest.mark.django_db


def test_reporting_twice_makes_one_open_report(idea, make_user):
    person = make_user()
    first = services.report_content(actor=person, idea=idea, reason="spam", note="<i>Mainos</i>")
    again = services.report_content(actor=person, idea=idea, reason="offensive")
    assert first == again and first.note == "Mainos"
    assert Report.objects.count() == 1


def test_a_comment_is_reported_apart_from_its_idea(idea, make_user):
    person = make_user()
    comment = services.add_comment(actor=make_user(), idea=idea, body="Osta halvalla!")
    services.report_content(actor=person, idea=idea, reason="spam")
    services.report_content(actor=person, idea=idea, reason="spam", comment=comment)
    assert Report.objects.filter(comment=comment).count() == 1
    assert Report.objects.count() == 2


@pytest.mark.parametrize("reason", ["", "filter", "boring"])
def test_a_report_needs_a_reason_from_the_list(idea, resident, reason):
    with pytest.raises(InvalidInput) as refused:
        services.report_content(actor=resident, idea=idea, reason=reason)
    assert refused.value.field == "reason"


def test_an_idea_on_a_board_one_cannot_read_cannot_be_reported(
    make_idea, make_board, staff, resident
):
    staff_only = make_board(audience=Audience.ORGANISATION, slug="sisainen")
    idea = make_idea(actor=staff, on=staff_only)
    with pytest.raises(PermissionDenied):
        services.report_content(actor=resident, idea=idea, reason="spam")


def test_hiding_an_idea_closes_its_reports_and_tells_the_author(idea, staff, resident, make_user):
    services.report_content(actor=make_user(), idea=idea, reason="personal_data")
    hidden = services.hide_idea(actor=staff, idea=idea, reason="personal_data", note="Puhelinnro")
    assert hidden.hidden_reason == HiddenReason.PERSONAL_DATA and hidden.hidden_at is not None
    assert hidden.hidden_note == "Puhelinnro"
    assert not Report.objects.filter(resolved_at__isnull=True).exists()
    assert Report.objects.get().resolved_by == staff
    message = Delivery.objects.get(recipient=resident, key="ideas.hidden")
    assert "Sisältää henkilötietoja" in message.body or "personal data" in message.body
    shown = services.show_idea(actor=staff, idea=idea)
    assert not shown.is_hidden and shown.hidden_at is None
    assert list(shown.events.values_list("kind", flat=True)) == [EventKind.HIDDEN, EventKind.SHOWN]


def test_a_moderator_shows_an_idea_the_filter_held(make_idea, staff):
    from lampio.ideas.models import FilteredWord

    FilteredWord.objects.create(word="roska")
    held = make_idea(body="Roska idea")
    assert services.show_idea(actor=staff, idea=held).is_hidden is False


def test_hiding_needs_a_moderators_reason(idea, staff):
    with pytest.raises(InvalidInput):
        services.hide_idea(actor=staff, idea=idea, reason=HiddenReason.FILTER)


def test_hiding_and_showing_a_comment_keeps_the_count(idea, staff, make_user):
    writer = make_user(preferred_language="sv")
    comment = services.add_comment(actor=writer, idea=idea, body="Köp billigt!")
    services.report_content(actor=make_user(), idea=idea, reason="spam", comment=comment)
    hidden = services.hide_comment(actor=staff, comment=comment, reason="spam")
    idea.refresh_from_db()
    assert hidden.is_hidden and idea.comment_count == 0
    assert not Report.objects.filter(resolved_at__isnull=True).exists()
    assert Delivery.objects.get(recipient=writer, key="ideas.hidden").language == "sv"
    services.show_comment(actor=staff, comment=comment)
    idea.refresh_from_db()
    assert idea.comment_count == 1


def test_resolving_reports_counts_what_closed(idea, staff, make_user):
    for _ in range(2):
        services.report_content(actor=make_user(), idea=idea, reason="off_topic")
    assert services.resolve_reports(actor=staff, idea=idea) == 2
    assert services.resolve_reports(actor=staff, idea=idea) == 0


def test_moderators_of_another_organisation_cannot_moderate(idea, museum_staff, resident):
    comment = services.add_comment(actor=resident, idea=idea, body="Kommentti")
    for act in (
        lambda: services.hide_idea(actor=museum_staff, idea=idea, reason="spam"),
        lambda: services.show_idea(actor=museum_staff, idea=idea),
        lambda: services.hide_comment(actor=museum_staff, comment=comment, reason="spam"),
        lambda: services.resolve_reports(actor=museum_staff, idea=idea),
    ):
        with pytest.raises(PermissionDenied):
            act()


def test_a_hidden_idea_cannot_be_reported_by_others(idea, staff, make_user):
    services.hide_idea(actor=staff, idea=idea, reason="spam")
    with pytest.raises(NotFound):
        services.report_content(actor=make_user(), idea=idea, reason="spam")


# --- Campaigns -----------------------------------------------------------------------------------


def campaign_data(**fields):
    values = {
        "title_fi": "Energiansäästö",
        "title_sv": "Energisparande",
        "title_en": "Saving energy",
        "theme_fi": "Säästä energiaa",
        "theme_sv": "Spara energi",
        "theme_en": "Save energy",
        "description_fi": "<b>Ideoita</b> energian säästämiseen.",
        "description_sv": "",
        "description_en": "",
        "opens_on": date(2030, 1, 1),
        "closes_on": date(2030, 2, 1),
    }
    values.update(fields)
    return services.CampaignData(**values)


def test_staff_create_and_change_a_campaign(board, staff):
    campaign = services.save_campaign(actor=staff, board=board, data=campaign_data())
    assert campaign.slug == "energiansaasto" and campaign.owner == staff
    assert campaign.description_fi == "Ideoita energian säästämiseen."
    assert campaign.title_sv == "Energisparande"
    second = services.save_campaign(actor=staff, board=board, data=campaign_data())
    assert second.slug == "energiansaasto-2"
    changed = services.save_campaign(
        actor=staff,
        board=board,
        campaign=campaign,
        data=campaign_data(title_fi="Uusi nimi", support_threshold=5),
    )
    assert changed.pk == campaign.pk and changed.slug == "energiansaasto"
    assert Campaign.objects.get(pk=campaign.pk).support_threshold == 5


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title_fi": ""}, "title_fi"),
        ({"theme_fi": " "}, "theme_fi"),
        ({"closes_on": date(2029, 12, 31)}, "closes_on"),
        ({"support_threshold": 0}, "support_threshold"),
        ({"slug": "!!"}, "slug"),
    ],
)
def test_invalid_campaigns_are_refused(board, staff, fields, field):
    with pytest.raises(InvalidInput) as refused:
        services.save_campaign(actor=staff, board=board, data=campaign_data(**fields))
    assert refused.value.field == field


def test_a_taken_identifier_is_refused(board, staff, campaign):
    with pytest.raises(InvalidInput) as refused:
        services.save_campaign(actor=staff, board=board, data=campaign_data(slug=campaign.slug))
    assert refused.value.field == "slug"


def test_only_the_boards_organisation_runs_campaigns(board, museum_staff, viewer):
    for person in (museum_staff, viewer):
        with pytest.raises(PermissionDenied):
            services.save_campaign(actor=person, board=board, data=campaign_data())


def test_the_database_keeps_campaign_dates_in_order(board):
    with pytest.raises(IntegrityError):
        Campaign.objects.create(
            board=board,
            slug="vaarin",
            title_fi="Väärin",
            theme_fi="Väärin",
            opens_on=date(2030, 2, 1),
            closes_on=date(2030, 1, 1),
        )
