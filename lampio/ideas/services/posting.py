"""A person posts an idea on a board, perhaps in a campaign: checked, cleaned, routed, followed.

Routing runs at once from the text: the suggested organisation and themes wait for staff to
confirm or change them. A text the word filter catches is saved but held for a moderator; the
caller tells the person so (`idea.is_hidden`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import IO

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import InvalidInput
from lampio.core.images import attach_photo, clean_photo, removed_if_not_saved
from lampio.ideas.models import (
    MAX_BODY_LENGTH,
    MAX_TITLE_LENGTH,
    Board,
    Campaign,
    Follow,
    HiddenReason,
    Idea,
    IdeaCategory,
    StateKind,
)
from lampio.ideas.services.access import check_taking_part
from lampio.ideas.services.common import checked_text, plain, state_of_kind
from lampio.ideas.services.moderation import filtered_word_in
from lampio.tenancy.models import Municipality

LANGUAGES = ("fi", "sv", "en")
MAX_IMAGE_ALT_LENGTH = 200
MAX_PLACE_LENGTH = 200


@dataclass(frozen=True)
class IdeaDraft:
    """What the person typed, as the form or the API gave it."""

    title: str
    body: str
    category: IdeaCategory
    campaign: Campaign | None = None
    municipality: Municipality | None = None  # default: the board organisation's municipality
    show_name: bool = False
    place: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    image: IO[bytes] | None = None
    image_size: int | None = None
    image_alt: str = ""
    language: str = "fi"


def campaign_is_open(campaign: Campaign, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    return campaign.opens_on <= today <= campaign.closes_on


def _check_board(board: Board) -> None:
    if not board.is_active:
        raise InvalidInput(_("This board does not take new ideas at the moment."), field="board")


def _check_campaign(board: Board, campaign: Campaign | None) -> None:
    if campaign is None:
        return
    if campaign.board_id != board.pk:
        raise InvalidInput(_("Choose a campaign of this board."), field="campaign")
    if not campaign_is_open(campaign):
        raise InvalidInput(_("The campaign does not take ideas now."), field="campaign")


def _check_category(category: IdeaCategory) -> None:
    if not category.is_active:
        raise InvalidInput(_("Choose a category from the list."), field="category")


def _check_place(draft: IdeaDraft) -> tuple[Decimal | None, Decimal | None]:
    latitude, longitude = draft.latitude, draft.longitude
    if (latitude is None) != (longitude is None):
        raise InvalidInput(_("Give both coordinates of the place, or neither."), field="place")
    if latitude is not None and longitude is not None:
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise InvalidInput(_("The coordinates of the place are not valid."), field="place")
        latitude, longitude = round(latitude, 6), round(longitude, 6)
    if len(plain(draft.place)) > MAX_PLACE_LENGTH:
        raise InvalidInput(
            _("The text is too long: at most %(count)d characters.") % {"count": MAX_PLACE_LENGTH},
            field="place",
        )
    return latitude, longitude


def _read_image(draft: IdeaDraft) -> tuple[bytes, str, str] | None:
    if draft.image is None:
        return None
    alt = plain(draft.image_alt)
    if not alt:
        raise InvalidInput(_("Describe the image for those who cannot see it."), field="image_alt")
    if len(alt) > MAX_IMAGE_ALT_LENGTH:
        raise InvalidInput(
            _("The text is too long: at most %(count)d characters.")
            % {"count": MAX_IMAGE_ALT_LENGTH},
            field="image_alt",
        )
    content, extension = clean_photo(draft.image, size=draft.image_size)
    return content, extension, alt


def post_idea(*, actor: User, board: Board, draft: IdeaDraft) -> Idea:
    """Store the idea with its routing suggestion; its author follows it.

    Nothing is stored unless all of it is valid, so a refused image never leaves half an idea.
    """
    from lampio.ideas import matching  # the router loads its model lazily, on first use

    check_taking_part(actor, board)
    _check_board(board)
    _check_campaign(board, draft.campaign)
    _check_category(draft.category)
    title = checked_text(
        draft.title, field="title", limit=MAX_TITLE_LENGTH, empty=_("Give the idea a title.")
    )
    body = checked_text(
        draft.body, field="body", limit=MAX_BODY_LENGTH, empty=_("Describe your idea.")
    )
    latitude, longitude = _check_place(draft)
    image = _read_image(draft)
    language = draft.language if draft.language in LANGUAGES else "fi"
    municipality = draft.municipality or board.organisation.municipality
    suggestion = matching.suggest_routing(
        municipality=municipality, title=title, body=body, language=language
    )
    held = filtered_word_in(title, body)
    now = timezone.now()
    with transaction.atomic(), set_actor(actor):
        idea = Idea(
            board=board,
            campaign=draft.campaign,
            municipality=municipality,
            category=draft.category,
            state=state_of_kind(StateKind.NEW),
            title=title,
            body=body,
            language=language,
            terms=matching.idea_terms(title, body, language),
            place=plain(draft.place),
            latitude=latitude,
            longitude=longitude,
            author=actor,
            show_name=draft.show_name,
            suggested_organisation=suggestion.organisation,
            hidden_reason=HiddenReason.FILTER if held else "",
            hidden_at=now if held else None,
            created_at=now,
        )
        if image is not None:
            content, extension, idea.image_alt = image
            attach_photo(idea.image, content, extension)
        with removed_if_not_saved(idea.image):
            idea.save()
        if suggestion.themes:
            idea.suggested_themes.set(suggestion.themes)
        Follow.objects.create(idea=idea, person=actor, created_at=now)
    return idea
