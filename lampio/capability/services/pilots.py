"""Writes of the pilot library's pilots: a pilot itself, its five phases, and its links to the
roadmap initiatives it implements. Every write is audited (capability/audit.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils.functional import Promise
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from lampio.accounts.models import User
from lampio.capability.models import (
    Initiative,
    PhaseKind,
    Pilot,
    PilotPhase,
    PilotStatus,
)
from lampio.capability.models.pilots import PhaseStatus
from lampio.capability.selectors.pilots import (
    changeable_initiatives,
    may_change_initiative,
    may_edit_pilot,
    may_see_initiative,
)
from lampio.core.audit_context import set_actor
from lampio.core.errors import InvalidInput, NotAuthenticated, PermissionDenied
from lampio.core.multilingual import LANGUAGES, Translated, set_translated
from lampio.tenancy.models import Municipality, Organisation
from lampio.tenancy.permissions import Action, can

MAX_TITLE = 200
MAX_TEXT = 5000


def clean(text: str) -> str:
    """Library texts are plain text wherever they are shown: markup is never kept."""
    return strip_tags(text or "").strip()


def checked_translated(
    text: Translated, *, name: str, limit: int, required: bool, empty: str | Promise = ""
) -> Translated:
    values = {language: clean(getattr(text, language)) for language in LANGUAGES}
    for language, value in values.items():
        if len(value) > limit:
            raise InvalidInput(
                _("The text is too long: at most %(count)d characters.") % {"count": limit},
                field=f"{name}_{language}",
            )
    if required and not values["fi"]:
        raise InvalidInput(empty or _("Write this in Finnish at least."), field=f"{name}_fi")
    return Translated(**values)


def check_dates(starts_on: date | None, ends_on: date | None, *, field: str) -> None:
    if starts_on and ends_on and ends_on < starts_on:
        raise InvalidInput(_("The end cannot be before the start."), field=field)


def _signed_in(actor: User) -> None:
    if not actor.is_authenticated:
        raise NotAuthenticated()


@dataclass(frozen=True)
class PilotData:
    title: Translated
    summary: Translated
    organisation: Organisation
    status: str
    starts_on: date
    ends_on: date | None = None
    municipalities: Sequence[Municipality] = ()
    participants: Sequence[Organisation] = ()
    # Only initiatives the actor may change are offered; links to others are left as they are.
    initiatives: Sequence[Initiative] = field(default_factory=tuple)


def save_pilot(*, actor: User, data: PilotData, pilot: Pilot | None = None) -> Pilot:
    """Start a pilot led by `data.organisation` (MANAGE there) or change one the actor leads.

    A new pilot gets its five phases at once, all planned, so its page shows the whole path."""
    _signed_in(actor)
    if pilot is not None and not may_edit_pilot(actor, pilot):
        raise PermissionDenied(_("Only the lead organisation's staff may change the pilot."))
    if not can(actor, Action.MANAGE, data.organisation):
        raise PermissionDenied(
            _("You may lead a pilot only for an organisation you work for."), field="organisation"
        )
    title = checked_translated(
        data.title,
        name="title",
        limit=MAX_TITLE,
        required=True,
        empty=_("Give the pilot a title in Finnish."),
    )
    summary = checked_translated(
        data.summary,
        name="summary",
        limit=MAX_TEXT,
        required=True,
        empty=_("Describe the pilot in Finnish."),
    )
    if data.status not in PilotStatus.values:
        raise InvalidInput(_("Choose a status."), field="status")
    check_dates(data.starts_on, data.ends_on, field="ends_on")
    allowed = set(changeable_initiatives(actor).values_list("pk", flat=True))
    if any(initiative.pk not in allowed for initiative in data.initiatives):
        raise PermissionDenied(
            _("You may link only initiatives you may change."), field="initiatives"
        )
    with transaction.atomic(), set_actor(actor):
        if pilot is None:
            pilot = Pilot()
        set_translated(pilot, "title", title)
        set_translated(pilot, "summary", summary)
        pilot.organisation = data.organisation
        pilot.status = data.status
        pilot.starts_on = data.starts_on
        pilot.ends_on = data.ends_on
        is_new = pilot.pk is None
        pilot.save()
        pilot.municipalities.set(data.municipalities)
        # The lead is no participant of its own pilot: it is shown as the lead.
        pilot.participants.set(
            [org for org in data.participants if org.pk != pilot.organisation_id]
        )
        kept = [pk for pk in pilot.initiatives.values_list("pk", flat=True) if pk not in allowed]
        pilot.initiatives.set([*kept, *(initiative.pk for initiative in data.initiatives)])
        if is_new:
            PilotPhase.objects.bulk_create(
                PilotPhase(pilot=pilot, kind=kind) for kind in PhaseKind.values
            )
    return pilot


@dataclass(frozen=True)
class PhaseData:
    kind: str
    status: str
    starts_on: date | None = None
    ends_on: date | None = None
    notes: Translated = Translated()


def save_phases(*, actor: User, pilot: Pilot, phases: Sequence[PhaseData]) -> list[PilotPhase]:
    """Record where each of the five phases stands; only procurement may be "not needed" (the
    other four are what makes a pilot shared learning)."""
    _signed_in(actor)
    if not may_edit_pilot(actor, pilot):
        raise PermissionDenied(_("Only the lead organisation's staff may change the pilot."))
    given = {phase.kind: phase for phase in phases}
    if set(given) - set(PhaseKind.values):
        raise InvalidInput(_("Unknown phase."))
    checked: dict[str, tuple[PhaseData, Translated]] = {}
    for kind, data in given.items():
        if data.status not in PhaseStatus.values:
            raise InvalidInput(_("Choose a status."), field=f"{kind}-status")
        if data.status == PhaseStatus.SKIPPED and kind != PhaseKind.PROCUREMENT:
            raise InvalidInput(
                _("Only procurement may be left out; the other phases belong to every pilot."),
                field=f"{kind}-status",
            )
        check_dates(data.starts_on, data.ends_on, field=f"{kind}-ends_on")
        notes = checked_translated(data.notes, name=f"{kind}-notes", limit=MAX_TEXT, required=False)
        checked[kind] = (data, notes)
    saved = []
    with transaction.atomic(), set_actor(actor):
        for kind, (data, notes) in checked.items():
            phase = PilotPhase.objects.filter(pilot=pilot, kind=kind).first() or PilotPhase(
                pilot=pilot, kind=kind
            )
            phase.status = data.status
            phase.starts_on = data.starts_on
            phase.ends_on = data.ends_on
            set_translated(phase, "notes", notes)
            phase.save()
            saved.append(phase)
    return saved


def _check_initiative(actor: User, initiative: Initiative) -> None:
    _signed_in(actor)
    if not may_change_initiative(actor, initiative):
        if initiative.organisation_id is None:
            message = _("Only network admins may change the network's initiatives.")
        else:
            message = _("Only the initiative's organisation may change it.")
        raise PermissionDenied(message)


def link_pilot(*, actor: User, initiative: Initiative, pilot: Pilot) -> None:
    """Tie a pilot to the roadmap initiative it implements (whoever may change the initiative;
    the library is shared, so every pilot is visible to them)."""
    _check_initiative(actor, initiative)
    if not may_see_initiative(actor, initiative):
        raise PermissionDenied()
    with transaction.atomic(), set_actor(actor):
        pilot.initiatives.add(initiative)
        # The link is an M2M row, which auditlog does not see: touch the pilot so it is logged.
        pilot.save(update_fields=["updated_at"])


def unlink_pilot(*, actor: User, initiative: Initiative, pilot: Pilot) -> None:
    _check_initiative(actor, initiative)
    with transaction.atomic(), set_actor(actor):
        pilot.initiatives.remove(initiative)
        pilot.save(update_fields=["updated_at"])
