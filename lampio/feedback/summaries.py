"""The weekly feedback summary emailed to each organisation's administrators and staff.

`send_weekly_summaries` (run by the `send_feedback_summaries` command from cron on Mondays)
enqueues one job per organisation that has something to report for the week; the job renders
the summary in each recipient's own language and sends it as plain text.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from lampio.accounts.models import User
from lampio.feedback.models import Feedback, SummarySent
from lampio.feedback.summary_selectors import weekly_summary
from lampio.tenancy.access import org_url_kwargs
from lampio.tenancy.models import Organisation, Role

RECIPIENT_ROLES = (Role.ADMIN, Role.STAFF)


def summary_recipients(organisation: Organisation) -> list[User]:
    """Administrators and staff of the organisation who have an email address."""
    return list(
        User.objects.filter(
            is_active=True,
            deleted_at__isnull=True,
            email__isnull=False,
            memberships__organisation=organisation,
            memberships__role__in=RECIPIENT_ROLES,
        )
        .exclude(email="")
        .order_by("pk")
        .distinct()
    )


def _summary_link(organisation: Organisation, week_start: date, language: str) -> str:
    with translation.override(language):
        path = reverse("feedback_staff:summary", kwargs=org_url_kwargs(organisation))
    return f"{settings.LAMPIO_SITE_URL}{path}?week={week_start.isoformat()}"


@task()
def send_weekly_summary(organisation_id: int, week_start: str) -> int:
    """Email one organisation's summary of the week starting `week_start` (ISO date); returns
    how many people it was sent to."""
    organisation = (
        Organisation.objects.select_related("municipality").filter(pk=organisation_id).first()
    )
    if organisation is None:
        return 0
    start = date.fromisoformat(week_start)
    by_language: dict[str, list[User]] = defaultdict(list)
    for person in summary_recipients(organisation):
        language = (
            person.preferred_language if person.preferred_language in ("fi", "sv", "en") else "fi"
        )
        by_language[language].append(person)
    sent = 0
    for language, people in by_language.items():
        with translation.override(language):
            # Computed in the language, so the category names are in it too.
            context = {
                "summary": weekly_summary(organisation, start),
                "link": _summary_link(organisation, start, language),
            }
            subject = render_to_string("feedback/email/weekly_summary_subject.txt", context)
            body = render_to_string("feedback/email/weekly_summary.txt", context)
        for person in people:
            EmailMessage(subject=subject.strip(), body=body, to=[str(person.email)]).send()
            sent += 1
    return sent


def send_weekly_summaries(week_start: date) -> int:
    """Enqueue the summary of every organisation with something to report; returns how many.

    Organisations with no feedback that week and none waiting are skipped, so running the
    command for a quiet week sends nothing. Each organisation's week is claimed once (a unique
    row), so running the command again, or on two servers, sends no summary twice.
    """
    with_feedback = Feedback.objects.values("organisation_id").distinct()
    organisations = Organisation.objects.filter(is_active=True, pk__in=with_feedback)
    queued = 0
    for organisation in organisations.order_by("pk"):
        if weekly_summary(organisation, week_start).is_empty:
            continue
        with transaction.atomic():
            _claim, claimed = SummarySent.objects.get_or_create(
                organisation=organisation, week_start=week_start
            )
            if not claimed:
                continue
            transaction.on_commit(
                partial(send_weekly_summary.enqueue, organisation.pk, week_start.isoformat())
            )
        queued += 1
    return queued
