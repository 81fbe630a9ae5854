"""The retention register's mechanism: what a rule is, and the run that applies the rules.

The rules themselves, one per kind of personal data, are listed in ONE place,
`lampio/retention_policy.py`; this module only knows their shape, so the shared kernel does not
import the apps. A rule names the fields it covers ("app_label.Model.field"), how long they are
kept and why, and, when the period is timed, how to find and anonymise what has expired.

Anonymising keeps a row that statistics count (a booking, an enrolment, a chat message) and
removes the person link and the personal free text; rows nobody needs any more are deleted.
Every rule's `expired` query excludes rows already anonymised, so a run is idempotent and a
batched run ends.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Model, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext, ngettext

logger = logging.getLogger("lampio.retention")

POLICY_MODULE = "lampio.retention_policy"
BATCH_SIZE = 500

# Given the moment the period ends before (now minus the period), the rows that have expired.
Expired = Callable[[datetime], QuerySet[Any]]
# Given the same cutoff, anonymise (or delete) what has expired; how many rows were handled.
Anonymise = Callable[[datetime], int]


@dataclass(frozen=True)
class RetentionRule:
    key: str
    what: Promise  # plain words for the public page: "The purpose you gave for a booking"
    why: Promise  # the purpose or legal basis for keeping it
    counts_from: Promise  # "after the booking ended"
    fields: tuple[str, ...]  # "app_label.Model.field" for every field the rule covers
    # An int of days, the name of a setting holding the days, or None: kept as long as the
    # account (or the record it belongs to) exists, erased with the account.
    days: int | str | None = None
    expired: Expired | None = None
    anonymise: Anonymise | None = None
    after: Promise | None = field(default=None)  # what happens then: "the booking stays, anonymous"

    def period_days(self) -> int | None:
        if isinstance(self.days, str):
            return int(getattr(settings, self.days))
        return self.days

    def cutoff(self, now: datetime) -> datetime | None:
        days = self.period_days()
        return None if days is None else now - timedelta(days=days)


def retention_rules() -> list[RetentionRule]:
    """Every rule of the register, in the policy's order."""
    policy = importlib.import_module(POLICY_MODULE)
    rules: list[RetentionRule] = policy.rules()
    return rules


@dataclass(frozen=True)
class RegisterLine:
    """One rule in plain words, for the public page."""

    what: str
    how_long: str
    why: str
    after: str


def _how_long(rule: RetentionRule) -> str:
    days = rule.period_days()
    when = str(rule.counts_from)
    if days is None:
        return when[:1].upper() + when[1:]
    if days == 0:
        return gettext("Deleted %(when)s") % {"when": when}
    if days >= 360:
        years = round(days / 365.25)
        period = ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    else:
        period = ngettext("%(count)d day", "%(count)d days", days) % {"count": days}
    return f"{period} {when}"


def public_register() -> list[RegisterLine]:
    """The register in plain words, in the current language."""
    return [
        RegisterLine(
            what=str(rule.what),
            how_long=_how_long(rule),
            why=str(rule.why),
            after=str(rule.after or ""),
        )
        for rule in retention_rules()
    ]


def covered_fields() -> set[str]:
    return {name for rule in retention_rules() for name in rule.fields}


def anonymise_in_batches(
    queryset: QuerySet[Any], *, changes: dict[str, Any] | None = None, delete: bool = False
) -> int:
    """Update (or delete) the rows of `queryset` a batch at a time, each batch in its own
    transaction, so a first run over years of data does not hold one long lock.

    `queryset` must stop matching a row once it is handled, or this would not end.
    """
    handled = 0
    model: type[Model] = queryset.model
    while True:
        with transaction.atomic():
            pks = list(queryset.values_list("pk", flat=True)[:BATCH_SIZE])
            if not pks:
                return handled
            batch = model._default_manager.filter(pk__in=pks)
            if delete:
                batch.delete()
            else:
                batch.update(**(changes or {}))
            handled += len(pks)


@dataclass(frozen=True)
class RuleResult:
    key: str
    days: int | None
    expired: int  # rows found expired before the run (what a dry run reports)
    handled: int  # rows anonymised or deleted (0 in a dry run)


def anonymise_expired(*, now: datetime, dry_run: bool = False) -> list[RuleResult]:
    """Apply every timed rule of the register; log what each did.

    A failing rule is logged and skipped so the others still run; the next run retries it.
    """
    results = []
    for rule in retention_rules():
        cutoff = rule.cutoff(now)
        if cutoff is None or rule.anonymise is None:
            continue
        try:
            expired = rule.expired(cutoff).count() if rule.expired else 0
            handled = 0 if dry_run else rule.anonymise(cutoff)
        except Exception:
            logger.exception("Retention rule %s failed", rule.key)
            continue
        if handled:
            logger.info("Retention rule %s anonymised %d rows", rule.key, handled)
        results.append(RuleResult(rule.key, rule.period_days(), expired, handled))
    return results


def run_retention_sweep(now: datetime) -> int:
    """The daily sweep: how many rows all rules handled."""
    return sum(result.handled for result in anonymise_expired(now=now))
