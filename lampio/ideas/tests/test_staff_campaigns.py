"""The staff campaign pages and the steering group's CSV: campaigns are listed, created and
changed through the service (refusals come back as typed); the CSV names only authors who chose
so and counts supports without people."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from lampio.ideas import services
from lampio.ideas.models import Campaign, StrategyTheme, Support
from lampio.ideas.tests.test_staff_views import page_of, url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_staff_mfa(settings: Any) -> None:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False


@pytest.fixture
def staff_client(client: Any, staff: Any) -> Any:
    client.force_login(staff)
    return client


@pytest.fixture
def theme(city: Any) -> StrategyTheme:
    return StrategyTheme.objects.create(
        municipality=city, slug="kaikille", name_fi="Kulttuuria kaikille", name_sv="Kultur för alla"
    )


# --- Campaigns ----------------------------------------------------------------------------------


def campaign_post(board: Any, **changes: Any) -> dict[str, Any]:
    today = timezone.localdate()
    data = {
        "board": board.pk,
        "title_fi": "Kesäkampanja",
        "title_sv": "Sommarkampanj",
        "theme_fi": "Kesän tapahtumat",
        "description_fi": "Ideoita kesään.",
        "opens_on": today.isoformat(),
        "closes_on": (today + timedelta(days=30)).isoformat(),
        "support_threshold": "5",
    }
    data.update(changes)
    return data


def test_campaigns_are_listed_with_their_csv_links(staff_client, library, campaign):
    response = staff_client.get(url("campaigns", library))
    assert response.status_code == 200
    page = page_of(response)
    assert "Energiansäästö" in page
    assert url("campaign_ideas_csv", library, campaign_id=campaign.pk).removeprefix("/en") in page
    assert (
        url("campaign_supports_csv", library, campaign_id=campaign.pk).removeprefix("/en") in page
    )


def test_a_new_campaign_is_created(staff_client, library, board, staff):
    assert staff_client.get(url("campaign_new", library)).status_code == 200
    response = staff_client.post(url("campaign_new", library), campaign_post(board))
    assert response.status_code == 302
    created = Campaign.objects.get(title_fi="Kesäkampanja")
    assert created.board == board and created.owner == staff
    assert created.title_sv == "Sommarkampanj" and created.support_threshold == 5


def test_a_campaign_closing_before_it_opens_comes_back_as_typed(staff_client, library, board):
    today = timezone.localdate()
    data = campaign_post(board, closes_on=(today - timedelta(days=1)).isoformat())
    response = staff_client.post(url("campaign_new", library), data)
    assert response.status_code == 200
    page = page_of(response)
    assert 'href="#id_closes_on"' in page and 'value="Kesäkampanja"' in page
    assert not Campaign.objects.filter(title_fi="Kesäkampanja").exists()


def test_a_taken_identifier_is_refused_by_the_service(staff_client, library, board, campaign):
    response = staff_client.post(url("campaign_new", library), campaign_post(board, slug="energia"))
    assert response.status_code == 200
    assert 'href="#id_slug"' in page_of(response)


def test_a_campaign_is_changed(staff_client, library, board, campaign):
    page = page_of(staff_client.get(url("campaign_edit", library, campaign_id=campaign.pk)))
    assert 'value="Energiansäästö"' in page and 'name="board"' not in page
    response = staff_client.post(
        url("campaign_edit", library, campaign_id=campaign.pk),
        campaign_post(board, title_fi="Energiaa säästäen", slug="energia"),
    )
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.title_fi == "Energiaa säästäen" and campaign.support_threshold == 5


# --- CSV ----------------------------------------------------------------------------------------


def read_csv(response: Any) -> list[list[str]]:
    content = response.content
    assert content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_campaign_ideas_csv_names_only_authors_who_chose_so(
    staff_client, library, campaign, make_idea, make_user, staff, theme
):
    named_author = make_user(first_name="Nelli", last_name="Nimellä")
    named = make_idea(actor=named_author, title="Nimellä", campaign=campaign, show_name=True)
    anonymous = make_idea(title="=Nimettä", campaign=campaign)
    services.answer_idea(actor=staff, idea=named, answer="Otamme käyttöön.")
    services.confirm_routing(actor=staff, idea=named, organisation=library, themes=[theme])
    services.support_idea(actor=make_user(), idea=named)
    make_idea(title="Ei kampanjassa")
    response = staff_client.get(url("campaign_ideas_csv", library, campaign_id=campaign.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    header, *rows = read_csv(response)
    assert header[:3] == ["Number", "Title", "State"] and len(rows) == 2
    by_id = {row[0]: row for row in rows}
    first = by_id[str(named.pk)]
    assert first[1] == "Nimellä" and first[5] == "1" and first[7] == "Otamme käyttöön."
    assert first[8] == str(library.name) and first[9] == "Kulttuuria kaikille"
    assert first[10] == named_author.display_name
    second = by_id[str(anonymous.pk)]
    assert second[1] == "'=Nimettä" and second[10] == ""  # formula defused, no name


def test_campaign_supports_csv_counts_per_day_and_week_without_people(
    staff_client, library, campaign, make_idea, make_user
):
    idea = make_idea(campaign=campaign)
    people = [make_user() for _ in range(3)]
    for person in people:
        services.support_idea(actor=person, idea=idea)
    Support.objects.filter(idea=idea, person=people[0]).update(
        created_at=timezone.now() - timedelta(days=8)
    )
    response = staff_client.get(url("campaign_supports_csv", library, campaign_id=campaign.pk))
    header, *rows = read_csv(response)
    assert header == ["Number", "Title", "Day", "New supports", "Supports in all"]
    assert [row[3] for row in rows] == ["1", "2"] and rows[-1][4] == "3"
    content = response.content.decode("utf-8-sig")
    assert all(person.email not in content for person in people)
    weekly = staff_client.get(
        url("campaign_supports_csv", library, campaign_id=campaign.pk), {"period": "week"}
    )
    header, *rows = read_csv(weekly)
    assert header[2] == "Week" and rows[-1][4] == "3" and "-W" in rows[0][2]
