"""Shared setup of the ideas tests: a city with a library and a museum, their boards (public,
the library's staff, the network's staff), an open campaign, and people to take part."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from PIL import Image

from lampio.accounts.models import User
from lampio.ideas import services
from lampio.ideas.defaults import ensure_states_and_categories
from lampio.ideas.models import (
    Audience,
    Board,
    Campaign,
    Idea,
    IdeaCategory,
    IdeaState,
    RoutingProfile,
)
from lampio.tenancy.models import Municipality, Organisation, Role


@pytest.fixture
def idea_seed(db: None) -> None:
    """The states and categories the migration seeds; a transactional test elsewhere may have
    flushed them, so they are put back when missing."""
    ensure_states_and_categories()


@pytest.fixture
def state(idea_seed: None) -> Callable[[str], IdeaState]:
    return lambda slug: IdeaState.objects.get(slug=slug)


@pytest.fixture
def category(idea_seed: None) -> IdeaCategory:
    return IdeaCategory.objects.get(slug="libraries")


@pytest.fixture
def city(make_municipality: Callable[..., Municipality]) -> Municipality:
    return make_municipality(slug="oulu", name="Oulu")


@pytest.fixture
def library(city: Municipality, make_organisation: Callable[..., Organisation]) -> Organisation:
    organisation = make_organisation(municipality=city, slug="kirjasto")
    RoutingProfile.objects.create(
        organisation=organisation,
        responsibilities="Kirjastot, lainaus, kirjat, lukupiirit, soittimien lainaus.",
    )
    return organisation


@pytest.fixture
def museum(city: Municipality, make_organisation: Callable[..., Organisation]) -> Organisation:
    organisation = make_organisation(municipality=city, slug="museo")
    RoutingProfile.objects.create(
        organisation=organisation, responsibilities="Museot, näyttelyt, kokoelmat, taide."
    )
    return organisation


@pytest.fixture
def make_board(idea_seed: None, library: Organisation) -> Callable[..., Board]:
    def make(
        organisation: Organisation | None = None,
        audience: str = Audience.PUBLIC,
        slug: str | None = None,
        **fields: Any,
    ) -> Board:
        organisation = organisation or library
        return Board.objects.create(
            organisation=organisation,
            audience=audience,
            slug=slug or f"{organisation.slug}-{audience}",
            title_fi=f"Ideat {organisation.slug}",
            title_sv=f"Idéer {organisation.slug}",
            **fields,
        )

    return make


@pytest.fixture
def board(make_board: Callable[..., Board]) -> Board:
    """The library's public board: residents post here."""
    return make_board(slug="kirjaston-ideat")


@pytest.fixture
def staff_board(make_board: Callable[..., Board]) -> Board:
    """Only the library's staff read and post here."""
    return make_board(audience=Audience.ORGANISATION, slug="kirjaston-henkilosto")


@pytest.fixture
def network_board(make_board: Callable[..., Board]) -> Board:
    """Any member of any organisation of the network reads and posts here."""
    return make_board(audience=Audience.NETWORK, slug="verkosto")


@pytest.fixture
def campaign(board: Board) -> Campaign:
    today = timezone.localdate()
    return Campaign.objects.create(
        board=board,
        slug="energia",
        title_fi="Energiansäästö",
        title_sv="Energisparande",
        theme_fi="Energian säästäminen kulttuuritaloissa",
        opens_on=today - timedelta(days=7),
        closes_on=today + timedelta(days=21),
    )


@pytest.fixture
def staff(library: Organisation, make_member: Callable[..., User]) -> User:
    """The library's staff member: moderates its boards and handles its ideas."""
    return make_member(library, role=Role.STAFF, first_name="Sanna", last_name="Staff")


@pytest.fixture
def museum_staff(museum: Organisation, make_member: Callable[..., User]) -> User:
    return make_member(museum, role=Role.STAFF, first_name="Mikko", last_name="Museo")


@pytest.fixture
def viewer(library: Organisation, make_member: Callable[..., User]) -> User:
    """A member of the library who may read but not handle."""
    return make_member(library, role=Role.VIEWER)


@pytest.fixture
def network_admin(make_user: Callable[..., User]) -> User:
    return make_user(is_network_admin=True)


@pytest.fixture
def resident_sv(make_user: Callable[..., User]) -> User:
    return make_user(first_name="Sven", last_name="Svensson", preferred_language="sv")


@pytest.fixture
def make_idea(board: Board, category: IdeaCategory, resident: User) -> Callable[..., Idea]:
    """Post an idea as a person would; keyword arguments override the draft's fields."""

    def make(actor: User | None = None, on: Board | None = None, **fields: Any) -> Idea:
        draft_fields: dict[str, Any] = {
            "title": "Soittimia lainaan kirjastosta",
            "body": "Kirjastosta voisi lainata ukuleleja ja kitaroita kotiin.",
            "category": category,
        }
        draft_fields.update(fields)
        return services.post_idea(
            actor=actor or resident,
            board=on or board,
            draft=services.IdeaDraft(**draft_fields),
        )

    return make


@pytest.fixture
def idea(make_idea: Callable[..., Idea]) -> Idea:
    return make_idea()


def png_bytes(size: tuple[int, int] = (20, 10)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(output, format="PNG")
    return output.getvalue()
