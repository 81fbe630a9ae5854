"""Staff writes of a round itself: open one, change it, and reclassify an application.

Locks: every write of a round locks its row first (`lock_round`), so two staff members working
on one round queue instead of overwriting each other; on SQLite each transaction is already
BEGIN IMMEDIATE.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import InvalidInput, PermissionDenied
from lampio.core.multilingual import LANGUAGES, Translated, set_translated, translated_of
from lampio.core.timeranges import local_datetime
from lampio.seasons.errors import ApplicationsClosed, RoundPublished
from lampio.seasons.models import Application, ApplicationRound, PriorityClass
from lampio.spaces.models import Space
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can

# The usual order in Finnish municipalities; staff rename or replace them per round.
DEFAULT_PRIORITY_CLASSES = (
    gettext_noop("Children's and youth activities"),
    gettext_noop("Local associations"),
    gettext_noop("Others"),
)
MAX_PRIORITY_CLASSES = 10
MAX_SEASON_DAYS = 366
MIN_MINUTES, MAX_MINUTES = 30, 7 * 24 * 60

Text = Translated | Mapping[str, str] | str


def as_translated(value: Text) -> Translated:
    """A text in the three languages from a `Translated`, a {"fi": ...} mapping or a string."""
    if isinstance(value, Translated):
        return value
    if isinstance(value, str):
        return Translated(fi=value)
    return Translated(**{language: value.get(language, "") or "" for language in LANGUAGES})


def default_class_names() -> list[Translated]:
    """The default classes, each written in every language (English where not translated)."""
    names: list[Translated] = []
    for text in DEFAULT_PRIORITY_CLASSES:
        by_language = {}
        for language in LANGUAGES:
            with translation.override(language):
                by_language[language] = gettext(text)
        names.append(Translated(**by_language))
    return names


def lock_round(round_id: int) -> ApplicationRound:
    """The round, locked for the rest of the transaction (one writer of a round at a time)."""
    return ApplicationRound.objects.select_for_update().get(pk=round_id)


def check_may_manage(actor: User, application_round: ApplicationRound) -> None:
    if not can(actor, Action.MANAGE, application_round):
        raise PermissionDenied()


def check_not_published(application_round: ApplicationRound) -> None:
    if application_round.published_at is not None:
        raise RoundPublished()


def _check_fields(
    *,
    organisation: Organisation,
    name: Translated,
    season_starts: date,
    season_ends: date,
    applications_open_at: datetime,
    applications_close_at: datetime,
    spaces: Sequence[Space],
    max_minutes_per_week: int | None,
    priority_classes: Sequence[Translated],
) -> None:
    if not name.fi.strip():
        raise InvalidInput(_("Give the round a name in Finnish."), field="name_fi")
    if season_ends <= season_starts:
        raise InvalidInput(_("The season must end after it starts."), field="season_ends")
    if (season_ends - season_starts).days > MAX_SEASON_DAYS:
        raise InvalidInput(_("A season can be at most one year long."), field="season_ends")
    if applications_close_at <= applications_open_at:
        raise InvalidInput(
            _("The applications must close after they open."), field="applications_close_at"
        )
    if applications_close_at > local_datetime(season_starts, time()):
        raise InvalidInput(
            _("The applications must close before the season starts."),
            field="applications_close_at",
        )
    if not spaces:
        raise InvalidInput(_("Choose at least one space."), field="spaces")
    if any(space.organisation_id != organisation.pk for space in spaces):
        raise InvalidInput(
            _("A round can only have spaces of its own organisation."), field="spaces"
        )
    if max_minutes_per_week is not None and not (
        MIN_MINUTES <= max_minutes_per_week <= MAX_MINUTES
    ):
        raise InvalidInput(
            _("The weekly limit must be between half an hour and a whole week."),
            field="max_minutes_per_week",
        )
    if not priority_classes:
        raise InvalidInput(_("Give at least one priority class."), field="priority_classes")
    if len(priority_classes) > MAX_PRIORITY_CLASSES:
        raise InvalidInput(
            _("Give at most %(count)d priority classes.") % {"count": MAX_PRIORITY_CLASSES},
            field="priority_classes",
        )
    if any(not names.fi.strip() for names in priority_classes):
        raise InvalidInput(
            _("Every priority class needs a name in Finnish."), field="priority_classes"
        )


def create_round(
    *,
    actor: User,
    organisation: Organisation,
    name: Text,
    criteria: Text = "",
    season_starts: date,
    season_ends: date,
    applications_open_at: datetime,
    applications_close_at: datetime,
    spaces: Sequence[Space],
    max_minutes_per_week: int | None = None,
    priority_classes: Sequence[Text] | None = None,
) -> ApplicationRound:
    """Open a round of `organisation` for its `spaces`; classes in rank order (first = 1)."""
    if not can(actor, Action.MANAGE, organisation):
        raise PermissionDenied()
    names, classes = as_translated(name), [as_translated(text) for text in priority_classes or []]
    classes = classes or default_class_names()
    spaces = list(spaces)
    _check_fields(
        organisation=organisation,
        name=names,
        season_starts=season_starts,
        season_ends=season_ends,
        applications_open_at=applications_open_at,
        applications_close_at=applications_close_at,
        spaces=spaces,
        max_minutes_per_week=max_minutes_per_week,
        priority_classes=classes,
    )
    with transaction.atomic(), set_actor(actor):
        application_round = ApplicationRound(
            organisation=organisation,
            season_starts=season_starts,
            season_ends=season_ends,
            applications_open_at=applications_open_at,
            applications_close_at=applications_close_at,
            max_minutes_per_week=max_minutes_per_week,
            created_by=actor,
        )
        set_translated(application_round, "name", names)
        set_translated(application_round, "criteria", as_translated(criteria))
        application_round.save()
        application_round.spaces.set(spaces)
        for rank, class_names in enumerate(classes, start=1):
            priority_class = PriorityClass(application_round=application_round, rank=rank)
            set_translated(priority_class, "name", class_names)
            priority_class.save()
    return application_round


def _update_classes(application_round: ApplicationRound, classes: Sequence[Translated]) -> None:
    """Rename by rank, add new ranks, and drop trailing ranks no application uses."""
    existing = {c.rank: c for c in application_round.priority_classes.all()}
    for rank, class_names in enumerate(classes, start=1):
        priority_class = existing.pop(rank, None) or PriorityClass(
            application_round=application_round, rank=rank
        )
        set_translated(priority_class, "name", class_names)
        priority_class.save()
    dropped = list(existing.values())
    in_use = Application.objects.filter(priority_class__in=dropped).exists() or (
        Application.objects.filter(requested_class__in=dropped).exists()
    )
    if in_use:
        raise InvalidInput(
            _("A priority class that applications use cannot be removed."),
            field="priority_classes",
        )
    for priority_class in dropped:
        priority_class.delete()


def update_round(
    *,
    actor: User,
    application_round: ApplicationRound,
    name: Text,
    criteria: Text = "",
    season_starts: date,
    season_ends: date,
    applications_open_at: datetime,
    applications_close_at: datetime,
    spaces: Sequence[Space],
    max_minutes_per_week: int | None = None,
    priority_classes: Sequence[Text] | None = None,
    now: datetime | None = None,
) -> ApplicationRound:
    """Change a round before it is published; its spaces and season only while applications
    are still open (applicants chose their slots against them)."""
    now = now or timezone.now()
    check_may_manage(actor, application_round)
    names = as_translated(name)
    spaces = list(spaces)
    with transaction.atomic(), set_actor(actor):
        locked = lock_round(application_round.pk)
        check_not_published(locked)
        classes = [as_translated(text) for text in priority_classes or []] or [
            translated_of(c, "name") for c in locked.priority_classes.all()
        ]
        _check_fields(
            organisation=locked.organisation,
            name=names,
            season_starts=season_starts,
            season_ends=season_ends,
            applications_open_at=applications_open_at,
            applications_close_at=applications_close_at,
            spaces=spaces,
            max_minutes_per_week=max_minutes_per_week,
            priority_classes=classes,
        )
        season_changed = (locked.season_starts, locked.season_ends) != (season_starts, season_ends)
        spaces_changed = {s.pk for s in locked.spaces.all()} != {s.pk for s in spaces}
        if (season_changed or spaces_changed) and now >= locked.applications_close_at:
            raise ApplicationsClosed(field="spaces" if spaces_changed else "season_starts")
        set_translated(locked, "name", names)
        set_translated(locked, "criteria", as_translated(criteria))
        locked.season_starts, locked.season_ends = season_starts, season_ends
        locked.applications_open_at = applications_open_at
        locked.applications_close_at = applications_close_at
        locked.max_minutes_per_week = max_minutes_per_week
        locked.save()
        if spaces_changed:
            locked.spaces.set(spaces)
        _update_classes(locked, classes)
    return locked


def set_priority_class(
    *, actor: User, application: Application, priority_class: PriorityClass
) -> Application:
    """Staff put an application into another priority class (the applicant's choice stays on
    record as `requested_class`)."""
    application_round = application.application_round
    check_may_manage(actor, application_round)
    if priority_class.application_round_id != application_round.pk:
        raise InvalidInput(
            _("Choose one of the priority classes of this round."), field="priority_class"
        )
    with transaction.atomic(), set_actor(actor):
        check_not_published(lock_round(application_round.pk))
        application = Application.objects.select_for_update().get(pk=application.pk)
        application.priority_class = priority_class
        application.save(update_fields=["priority_class", "updated_at"])
    return application
