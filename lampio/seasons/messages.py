"""The applicant's message when a round is published: what they got and what they did not.

One message per person, in their own language, listing every application they made to the
round. The lines are written out here in the recipient's language (weekday names, times,
dates), so the texts only arrange them; staff may rewrite the texts per organisation.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any, cast

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lampio.accounts.models import User
from lampio.notifications.registry import MessageKind, register
from lampio.notifications.services import notify
from lampio.seasons.models import Allocation, Application, ApplicationRound, WishedSlot
from lampio.seasons.selectors import weekday_name

KEY = "seasons.round_published"

BODY = cast(
    Promise,
    format_lazy(
        "{}\n\n{}\n\n{}\n\n{}\n\n{}\n\n{}",
        gettext_lazy("Hello {{ name }},"),
        gettext_lazy("The regular slots of “{{ round }}” have been allocated."),
        gettext_lazy(
            "{% if granted %}You got these weekly slots:{% for line in granted %}\n- {{ line }}"
            "{% endfor %}{% else %}Unfortunately you got no slot in this round.{% endif %}"
        ),
        gettext_lazy(
            "{% if not_granted %}These wishes could not be met:{% for line in not_granted %}\n"
            "- {{ line }}{% endfor %}{% endif %}"
        ),
        gettext_lazy("See your bookings in Lämpiö: {{ url }}"),
        gettext_lazy("Lämpiö – culture services of your city"),
    ),
)

register(
    MessageKind(
        key=KEY,
        label=gettext_lazy("Seasonal round published (to each applicant)"),
        essential=True,
        subject=gettext_lazy("Regular slots allocated: {{ round }}"),
        body=BODY,
        sample={
            "name": "Maija Meikäläinen",
            "round": "Liikuntasalien vakiovuorot syksy 2030 – kevät 2031",
            "granted": [
                "Juniorisähly: Liikuntasali, Kulttuuritalo, tiistai 17.00–18.30, "
                "2.9.2030–31.5.2031. Ei vuoroa: 24.12.2030, 31.12.2030"
            ],
            "not_granted": ["Aikuisten sähly: torstai 19.00–22.00, 90 min"],
            "url": "https://lampio.example.fi/fi/bookings/",
        },
    )
)


def _day(value: date) -> str:
    return f"{value.day}.{value.month}.{value.year}"


def granted_line(allocation: Allocation) -> str:
    """One slot the applicant got, in the active language."""
    series = allocation.series
    space = allocation.space
    line = _("%(activity)s: %(space)s, %(venue)s, %(weekday)s %(start)s–%(end)s") % {
        "activity": allocation.wish.application.activity,
        "space": space.name,
        "venue": space.venue.name,
        "weekday": weekday_name(allocation.weekday),
        "start": f"{allocation.starts_time:%H.%M}",
        "end": f"{allocation.ends_time:%H.%M}",
    }
    if series is None:
        return line
    line += f", {_day(series.first_date)}–{_day(series.last_date)}"
    skipped = [date.fromisoformat(item["date"]) for item in series.skipped_dates]
    if skipped:
        line += ". " + _("No slot on: %(dates)s") % {
            "dates": ", ".join(_day(day) for day in skipped)
        }
    return line


def not_granted_line(wish: WishedSlot) -> str:
    return _("%(activity)s: %(weekday)s %(earliest)s–%(latest)s, %(minutes)d min") % {
        "activity": wish.application.activity,
        "weekday": weekday_name(wish.weekday),
        "earliest": f"{wish.earliest_start:%H.%M}",
        "latest": f"{wish.latest_end:%H.%M}",
        "minutes": wish.duration_minutes,
    }


def _context(
    application_round: ApplicationRound, person: User, applications: list[Application]
) -> dict[str, Any]:
    language = person.preferred_language or "fi"
    with translation.override(language):
        granted: list[str] = []
        not_granted: list[str] = []
        for application in applications:
            for wish in application.wishes.all():
                allocation = getattr(wish, "allocation", None)
                if allocation is not None and allocation.series_id is not None:
                    granted.append(granted_line(allocation))
                else:
                    not_granted.append(not_granted_line(wish))
        path = reverse("bookings:mine")
        return {
            "name": person.display_name,
            "round": application_round.name,
            "granted": granted,
            "not_granted": not_granted,
            "url": f"{settings.LAMPIO_SITE_URL}{path}",
        }


def round_published(application_round: ApplicationRound, applications: list[Application]) -> int:
    """Queue each applicant's message; call inside the publishing transaction (the outbox
    sends after commit). Returns how many people were told."""
    by_person: dict[int, list[Application]] = defaultdict(list)
    people: dict[int, User] = {}
    for application in applications:
        if application.applicant is None:  # the person's account was erased
            continue
        by_person[application.applicant_id].append(application)  # type: ignore[index]
        people[application.applicant.pk] = application.applicant
    for person_id, own in by_person.items():
        person = people[person_id]
        notify(
            recipient=person,
            key=KEY,
            context=_context(application_round, person, own),
            organisation_id=application_round.organisation_id,
            dedupe_key=f"season-round:{application_round.pk}:published:{person.pk}",
        )
    return len(by_person)
