"""Creates or updates the demo network. Idempotent: every row is found by its natural key."""

from __future__ import annotations

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db import transaction

from lampio.accounts.models import User
from lampio.demo import data
from lampio.demo.access_waitlist import load_access_waitlist
from lampio.demo.assistant import load_assistant
from lampio.demo.capability_pilots import load_capability_pilots
from lampio.demo.capability_roadmap import load_capability_roadmap
from lampio.demo.capability_survey_builder import load_survey_builder
from lampio.demo.capability_surveys import load_capability_surveys
from lampio.demo.digital import load_digital
from lampio.demo.feedback import load_feedback
from lampio.demo.ideas import load_ideas
from lampio.demo.insights import load_insights
from lampio.demo.offerings_loader import load_offerings
from lampio.demo.payments import load_payments
from lampio.demo.seasons import load_seasons
from lampio.demo.spaces_loader import load_spaces
from lampio.tenancy.models import Membership, Municipality, Organisation


@dataclass
class LoadSummary:
    municipalities: int
    organisations: int
    users: int
    memberships: int
    venues: int = 0
    spaces: int = 0
    bookings: int = 0
    offerings: int = 0
    occurrences: int = 0
    facts: int = 0
    insights_seconds: float = 0.0


def _translated(field: str, values: tuple[str, str, str]) -> dict[str, str]:
    return {
        f"{field}_{language}": value
        for language, value in zip(("fi", "sv", "en"), values, strict=True)
    }


@transaction.atomic
def load_demo(*, history: bool = True) -> LoadSummary:
    """The demo network; `history` adds a year of past activity and its insight facts (the
    slowest part, which tests of other apps leave out)."""
    municipalities = {
        row["slug"]: Municipality.objects.update_or_create(
            slug=row["slug"], defaults=_translated("name", row["name"])
        )[0]
        for row in data.MUNICIPALITIES
    }
    organisations: dict[tuple[str, str], Organisation] = {}
    for city, slug, kind, name, description, website in data.ORGANISATIONS:
        organisations[(city, slug)], _created = Organisation.objects.update_or_create(
            municipality=municipalities[city],
            slug=slug,
            defaults={
                "kind": kind,
                "website": website,
                **_translated("name", name),
                **_translated("description", description),
            },
        )
    memberships = 0
    for email, first_name, last_name, language, network_admin, roles in data.USERS:
        user = _demo_user(email, first_name, last_name, language, network_admin)
        for city, slug, role in roles:
            Membership.objects.update_or_create(
                user=user, organisation=organisations[(city, slug)], defaults={"role": role}
            )
            memberships += 1
    # Venues, spaces and bookings need the organisations and the demo users above.
    spaces = load_spaces(organisations=organisations)
    # Offerings use the venues, and the residents who enrol, made just above.
    offerings = load_offerings(organisations=organisations)
    # Digital sessions for older people: their residents and care staff are made just above.
    digital = load_digital(organisations=organisations)
    # Feedback is about the venues, spaces and offerings above, handled by their staff.
    load_feedback(organisations=organisations)
    # The assistant's desks are the feedback desks set up just above.
    load_assistant(organisations=organisations)
    # Ways in, waitlists, watches and feedback use the spaces, bookings and residents above.
    load_access_waitlist(organisations=organisations)
    # Prices, sellers and orders use the spaces, their bookings and the residents above.
    load_payments(organisations=organisations)
    # Regular slots: series and application rounds use the spaces and the people made above.
    load_seasons(organisations=organisations)
    # Ideas: residents and staff made above post, support and comment; staff route and answer.
    load_ideas(organisations=organisations)
    # Digital capability: survey rounds with their anonymous answers, a questionnaire being
    # revised, the maturity self-assessments and the roadmap, then the pilots that carry it out.
    load_capability_surveys(organisations=organisations)
    load_survey_builder(organisations=organisations)
    load_capability_roadmap(organisations=organisations)
    load_capability_pilots(organisations=organisations)
    # Insights last: a year of history behind everything above, aggregated into facts.
    insights = load_insights(organisations=organisations) if history else None
    return LoadSummary(
        len(municipalities),
        len(organisations),
        len(data.USERS) + spaces.residents + offerings.staff + digital.users,
        memberships + offerings.staff,
        venues=spaces.venues,
        spaces=spaces.spaces,
        bookings=spaces.bookings,
        offerings=offerings.offerings + digital.offerings,
        occurrences=offerings.occurrences + digital.occurrences,
        facts=insights.facts if insights else 0,
        insights_seconds=insights.seconds if insights else 0.0,
    )


def _demo_user(
    email: str, first_name: str, last_name: str, language: str, network_admin: bool
) -> User:
    user, created = User.objects.get_or_create(email=email)
    user.first_name = first_name
    user.last_name = last_name
    user.preferred_language = language
    user.is_network_admin = network_admin
    user.is_staff = network_admin
    user.is_superuser = network_admin
    user.is_active = True
    if created or not user.check_password(data.DEMO_PASSWORD):
        user.set_password(data.DEMO_PASSWORD)
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user
