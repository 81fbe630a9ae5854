"""Staff set up campaigns: ideas on one theme, collected in a board between two dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import InvalidInput, NotAuthenticated, PermissionDenied
from lampio.ideas.models import Board, Campaign
from lampio.ideas.services.common import plain
from lampio.tenancy.permissions import Action, can

MAX_TITLE = 150
MAX_DESCRIPTION = 5000
LANGUAGES = ("fi", "sv", "en")


@dataclass(frozen=True)
class CampaignData:
    title_fi: str
    title_sv: str
    title_en: str
    theme_fi: str
    theme_sv: str
    theme_en: str
    description_fi: str
    description_sv: str
    description_en: str
    opens_on: date
    closes_on: date
    support_threshold: int | None = None
    slug: str = ""


def _texts(data: CampaignData) -> dict[str, str]:
    texts: dict[str, str] = {}
    for name, limit in (("title", MAX_TITLE), ("theme", MAX_TITLE), ("description", 5000)):
        for language in LANGUAGES:
            field = f"{name}_{language}"
            value = plain(getattr(data, field))
            if len(value) > limit:
                raise InvalidInput(
                    _("The text is too long: at most %(count)d characters.") % {"count": limit},
                    field=field,
                )
            texts[field] = value
    if not texts["title_fi"]:
        raise InvalidInput(_("Give the campaign a title in Finnish."), field="title_fi")
    if not texts["theme_fi"]:
        raise InvalidInput(_("Give the campaign's theme in Finnish."), field="theme_fi")
    return texts


def _check_dates_and_threshold(data: CampaignData) -> None:
    if data.closes_on < data.opens_on:
        raise InvalidInput(
            _("The campaign must close on or after the day it opens."), field="closes_on"
        )
    if data.support_threshold is not None and data.support_threshold < 1:
        raise InvalidInput(
            _("Give at least one support, or leave it empty."), field="support_threshold"
        )


def _slug(board: Board, data: CampaignData, campaign: Campaign | None) -> str:
    taken = Campaign.objects.filter(board=board)
    if campaign is not None:
        taken = taken.exclude(pk=campaign.pk)
    if data.slug:
        slug = slugify(data.slug)[:50]
        if not slug:
            raise InvalidInput(_("Use letters, numbers and hyphens."), field="slug")
        if taken.filter(slug=slug).exists():
            raise InvalidInput(
                _("Another campaign of this board uses this identifier."), field="slug"
            )
        return slug
    if campaign is not None:
        return campaign.slug
    base = (slugify(data.title_fi) or "kampanja")[:44]
    slug, number = base, 2
    while taken.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def save_campaign(
    *, actor: User, board: Board, data: CampaignData, campaign: Campaign | None = None
) -> Campaign:
    """Create a campaign in the board (its owner is the one creating it) or change one."""
    if not actor.is_authenticated:
        raise NotAuthenticated()
    if not can(actor, Action.MANAGE, board.organisation):
        raise PermissionDenied(_("Only the board's organisation may run campaigns in it."))
    if campaign is not None and campaign.board_id != board.pk:
        raise PermissionDenied()
    texts = _texts(data)
    _check_dates_and_threshold(data)
    with transaction.atomic(), set_actor(actor):
        slug = _slug(board, data, campaign)
        if campaign is None:
            campaign = Campaign(board=board, owner=actor)
        for field, value in texts.items():
            setattr(campaign, field, value)
        campaign.slug = slug
        campaign.opens_on = data.opens_on
        campaign.closes_on = data.closes_on
        campaign.support_threshold = data.support_threshold
        campaign.save()
    return campaign
