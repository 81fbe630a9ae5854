"""Posting an idea: who may, what is checked and cleaned, routing, following, the word filter."""

from __future__ import annotations

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from lampio.core.errors import InvalidInput, NotAuthenticated, PermissionDenied
from lampio.ideas import services
from lampio.ideas.models import Audience, FilteredWord, Follow, HiddenReason, Idea
from lampio.ideas.tests.conftest import png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return tmp_path


def test_a_resident_posts_an_idea_that_starts_new_and_followed(make_idea, resident, city, board):
    idea = make_idea(title="<b>Soittimia</b> lainaan", show_name=True, place="Pääkirjasto")
    assert idea.title == "Soittimia lainaan"  # plain text only
    assert idea.state.slug == "new"
    assert idea.municipality == city
    assert idea.author == resident and idea.show_name
    assert idea.place == "Pääkirjasto"
    assert idea.terms  # stems for similar ideas and routing
    assert not idea.is_hidden
    assert Follow.objects.filter(idea=idea, person=resident).exists()
    assert idea.support_count == 0


def test_posting_suggests_the_responsible_organisation(make_idea, library, museum):
    idea = make_idea(
        title="Lisää kirjoja lainaan", body="Kirjastoon enemmän lainattavia kirjoja ja lukupiirejä."
    )
    assert idea.suggested_organisation == library
    assert idea.organisation is None and idea.routed_at is None  # staff confirm


def test_posting_in_an_open_campaign(make_idea, campaign):
    assert make_idea(campaign=campaign).campaign == campaign


def test_anonymous_people_cannot_post(board, category):
    draft = services.IdeaDraft(title="Idea", body="Teksti", category=category)
    with pytest.raises(NotAuthenticated):
        services.post_idea(actor=AnonymousUser(), board=board, draft=draft)


def test_a_resident_cannot_post_on_a_staff_board(make_idea, make_board, resident):
    staff_only = make_board(audience=Audience.ORGANISATION, slug="sisainen")
    with pytest.raises(PermissionDenied):
        make_idea(on=staff_only)


def test_members_of_any_organisation_post_on_the_network_board(
    make_idea, network_board, museum_staff
):
    assert make_idea(actor=museum_staff, on=network_board).board == network_board


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": "  "}, "title"),
        ({"title": "x" * 151}, "title"),
        ({"body": "<p></p>"}, "body"),
        ({"body": "x" * 5001}, "body"),
        ({"latitude": Decimal("65.0")}, "place"),
        ({"latitude": Decimal("95"), "longitude": Decimal("25")}, "place"),
    ],
)
def test_invalid_texts_and_places_are_refused(make_idea, fields, field):
    with pytest.raises(InvalidInput) as refused:
        make_idea(**fields)
    assert refused.value.field == field
    assert not Idea.objects.exists()


def test_a_closed_board_takes_no_ideas(make_idea, board):
    board.is_active = False
    board.save()
    with pytest.raises(InvalidInput) as refused:
        make_idea()
    assert refused.value.field == "board"


def test_a_closed_or_foreign_campaign_takes_no_ideas(make_idea, campaign, make_board):
    campaign.closes_on = timezone.localdate() - timedelta(days=1)
    campaign.opens_on = campaign.closes_on - timedelta(days=10)
    campaign.save()
    with pytest.raises(InvalidInput) as closed:
        make_idea(campaign=campaign)
    assert closed.value.field == "campaign"
    other = make_board(slug="toinen")
    with pytest.raises(InvalidInput) as foreign:
        make_idea(on=other, campaign=campaign)
    assert foreign.value.field == "campaign"


def test_an_inactive_category_is_refused(make_idea, category):
    category.is_active = False
    category.save()
    with pytest.raises(InvalidInput) as refused:
        make_idea()
    assert refused.value.field == "category"


def test_an_image_needs_alt_text(make_idea, media):
    data = png_bytes()
    with pytest.raises(InvalidInput) as refused:
        make_idea(image=io.BytesIO(data), image_size=len(data), image_alt=" ")
    assert refused.value.field == "image_alt"
    assert not Idea.objects.exists()


def test_an_image_is_cleaned_and_stored_with_its_description(make_idea, media):
    data = png_bytes()
    idea = make_idea(image=io.BytesIO(data), image_size=len(data), image_alt="Ukulele hyllyssä")
    assert idea.image.name.startswith("ideas/") and idea.image.name.endswith(".png")
    assert idea.image_alt == "Ukulele hyllyssä"


def test_a_file_that_is_no_image_is_refused(make_idea, media):
    with pytest.raises(InvalidInput) as refused:
        make_idea(image=io.BytesIO(b"not an image"), image_size=12, image_alt="Kuva")
    assert refused.value.field == "image"
    assert not Idea.objects.exists()


def test_the_word_filter_holds_an_idea_for_a_moderator(make_idea):
    FilteredWord.objects.create(word="tyhmä")
    held = make_idea(body="Tämä on TYHMÄ idea.")
    assert held.hidden_reason == HiddenReason.FILTER and held.hidden_at is not None


def test_the_word_filter_matches_whole_words_only(make_idea):
    FilteredWord.objects.create(word="sika")
    assert not make_idea(body="Sikala on maatilan rakennus.").is_hidden
    assert make_idea(title="Sika!").is_hidden


def test_posting_is_audited_with_the_author(make_idea, resident):
    idea = make_idea()
    entry = LogEntry.objects.get_for_object(idea).get()
    assert entry.actor == resident
