"""The shared digital roadmap: initiatives, their indicators and the values measured for them.

A network initiative (no organisation) is changed by network admins only; an organisation's
initiative by those who may MANAGE that organisation. Everyone on staff reads the roadmap."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from lampio.accounts.models import User
from lampio.capability.models import (
    CompassPoint,
    Indicator,
    Initiative,
    InitiativeStatus,
    MaturityDimension,
    Measurement,
)
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, InvalidInput, NotAuthenticated, PermissionDenied
from lampio.core.multilingual import LANGUAGES, Translated, set_translated
from lampio.tenancy.models import Municipality, Organisation
from lampio.tenancy.permissions import Action, Actor, can, is_network_admin

MAX_TITLE = 200
MAX_DESCRIPTION = 5000
MAX_NOTE = 300
MAX_UNIT = 30


def may_change_roadmap_of(actor: Actor, organisation: Organisation | None) -> bool:
    """May the actor create or change initiatives owned by `organisation` (None: the network)?"""
    if organisation is None:
        return is_network_admin(actor)
    return can(actor, Action.MANAGE, organisation)


def _check_may_change(actor: User, organisation: Organisation | None) -> None:
    if not actor.is_authenticated:
        raise NotAuthenticated()
    if not may_change_roadmap_of(actor, organisation):
        if organisation is None:
            raise PermissionDenied(_("Only network administrators may change network initiatives."))
        raise PermissionDenied(_("Only the organisation's staff may change its initiatives."))


def _text(value: str, limit: int, field: str) -> str:
    value = value.strip()
    if len(value) > limit:
        raise InvalidInput(
            _("The text is too long: at most %(count)d characters.") % {"count": limit},
            field=field,
        )
    return value


def _translated(text: Translated, limit: int, name: str) -> Translated:
    return Translated(
        **{
            language: _text(getattr(text, language), limit, f"{name}_{language}")
            for language in LANGUAGES
        }
    )


@dataclass(frozen=True)
class InitiativeData:
    title: Translated
    description: Translated
    owner_name: str
    compass_point: str
    dimension: MaturityDimension | None
    status: str
    starts_on: date
    ends_on: date | None
    municipalities: Sequence[Municipality] = ()


def _check_initiative(data: InitiativeData) -> tuple[Translated, Translated, str]:
    title = _translated(data.title, MAX_TITLE, "title")
    if not title.fi:
        raise InvalidInput(_("Give the initiative a title in Finnish."), field="title_fi")
    description = _translated(data.description, MAX_DESCRIPTION, "description")
    owner = _text(data.owner_name, MAX_TITLE, "owner_name")
    if not owner:
        raise InvalidInput(_("Name the person or role responsible."), field="owner_name")
    if data.compass_point not in CompassPoint.values:
        raise InvalidInput(_("Choose a point of the digital compass."), field="compass_point")
    if data.status not in InitiativeStatus.values:
        raise InvalidInput(_("Choose a status."), field="status")
    if data.ends_on is not None and data.ends_on < data.starts_on:
        raise InvalidInput(
            _("The initiative must end on or after the day it starts."), field="ends_on"
        )
    return title, description, owner


def save_initiative(
    *,
    actor: User,
    data: InitiativeData,
    organisation: Organisation | None = None,
    initiative: Initiative | None = None,
) -> Initiative:
    """Create an initiative owned by `organisation` (None: the network), or change one; the
    owner of an existing initiative stays as it is."""
    owner = initiative.organisation if initiative is not None else organisation
    _check_may_change(actor, owner)
    title, description, owner_name = _check_initiative(data)
    with transaction.atomic(), set_actor(actor):
        if initiative is None:
            initiative = Initiative(organisation=organisation, created_by=actor)
        set_translated(initiative, "title", title)
        set_translated(initiative, "description", description)
        initiative.owner_name = owner_name
        initiative.compass_point = data.compass_point
        initiative.dimension = data.dimension
        initiative.status = data.status
        initiative.starts_on = data.starts_on
        initiative.ends_on = data.ends_on
        initiative.save()
        initiative.municipalities.set(data.municipalities)
    return initiative


@dataclass(frozen=True)
class IndicatorData:
    name: Translated
    unit: str
    baseline: Decimal | None
    target: Decimal
    target_on: date | None = None
    higher_is_better: bool = True


def add_indicator(*, actor: User, initiative: Initiative, data: IndicatorData) -> Indicator:
    _check_may_change(actor, initiative.organisation)
    name = _translated(data.name, MAX_TITLE, "name")
    if not name.fi:
        raise InvalidInput(_("Name the indicator in Finnish."), field="name_fi")
    unit = _text(data.unit, MAX_UNIT, "unit")
    if data.baseline is not None and data.baseline == data.target:
        raise InvalidInput(
            _("The target must differ from the baseline, or progress cannot be measured."),
            field="target",
        )
    if data.baseline is not None and (data.target > data.baseline) != data.higher_is_better:
        raise InvalidInput(
            _("The target is on the wrong side of the baseline for the direction you chose."),
            field="target",
        )
    with transaction.atomic(), set_actor(actor):
        indicator = Indicator(
            initiative=initiative,
            unit=unit,
            baseline=data.baseline,
            target=data.target,
            target_on=data.target_on,
            higher_is_better=data.higher_is_better,
        )
        set_translated(indicator, "name", name)
        indicator.save()
    return indicator


def record_measurement(
    *,
    actor: User,
    indicator: Indicator,
    measured_on: date,
    value: Decimal,
    note: str = "",
) -> Measurement:
    """One measured value per indicator and day; a second one for the same day is refused."""
    _check_may_change(actor, indicator.initiative.organisation)
    note = _text(note, MAX_NOTE, "note")
    duplicate = Conflict(
        _("A value for this day has already been recorded. Choose another day."),
        field="measured_on",
    )
    if indicator.measurements.filter(measured_on=measured_on).exists():
        raise duplicate
    try:
        with transaction.atomic(), set_actor(actor):
            return Measurement.objects.create(
                indicator=indicator,
                measured_on=measured_on,
                value=value,
                note=note,
                recorded_by=actor,
            )
    except IntegrityError as error:
        # Recorded by someone else between the check and the insert.
        raise duplicate from error
