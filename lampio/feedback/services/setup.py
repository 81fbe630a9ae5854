"""A municipality starts taking feedback: its jurisdiction, the usual states and categories.

Staff change states and categories afterwards in the admin; this only gives a new municipality a
sensible start (also used by the demo data and the tests).
"""

from __future__ import annotations

from django.db import transaction

from lampio.core.multilingual import Translated, set_translated
from lampio.feedback.models import FeedbackCategory, FeedbackState, Jurisdiction, StateKind
from lampio.tenancy.models import Municipality, Organisation

DEFAULT_STATES: list[tuple[str, str, Translated]] = [
    ("received", StateKind.OPEN, Translated("Vastaanotettu", "Mottagen", "Received")),
    ("in-progress", StateKind.OPEN, Translated("Käsittelyssä", "Under behandling", "In progress")),
    ("answered", StateKind.ANSWERED, Translated("Vastattu", "Besvarad", "Answered")),
    ("closed", StateKind.CLOSED, Translated("Suljettu", "Avslutad", "Closed")),
]

DEFAULT_CATEGORIES: list[tuple[str, int, Translated]] = [
    (
        "spaces",
        5,
        Translated("Tilat ja laitteet", "Lokaler och utrustning", "Spaces and equipment"),
    ),
    ("bookings", 5, Translated("Tilavaraus", "Lokalbokning", "Booking a space")),
    (
        "events",
        5,
        Translated(
            "Tapahtumat ja kulttuuritarjonta",
            "Evenemang och kulturutbud",
            "Events and culture offerings",
        ),
    ),
    (
        "digital",
        5,
        Translated("Digitaaliset tilaisuudet", "Digitala tillfällen", "Digital sessions"),
    ),
    ("accessibility", 3, Translated("Saavutettavuus", "Tillgänglighet", "Accessibility")),
    ("praise", 10, Translated("Kiitos", "Beröm", "Praise")),
    ("other", 10, Translated("Muu palaute", "Övrig respons", "Other feedback")),
]


@transaction.atomic
def set_up_feedback(
    *, municipality: Municipality, fallback_organisation: Organisation, open311_id: str
) -> Jurisdiction:
    """Create what is missing of the default setup; existing states and categories stay."""
    jurisdiction, _created = Jurisdiction.objects.get_or_create(
        municipality=municipality,
        defaults={"open311_id": open311_id, "fallback_organisation": fallback_organisation},
    )
    for position, (slug, kind, name) in enumerate(DEFAULT_STATES):
        if not FeedbackState.objects.filter(municipality=municipality, slug=slug).exists():
            state = FeedbackState(
                municipality=municipality,
                slug=slug,
                kind=kind,
                position=position,
                is_initial=position == 0,
            )
            set_translated(state, "name", name)
            state.save()
    for position, (code, days, name) in enumerate(DEFAULT_CATEGORIES):
        if not FeedbackCategory.objects.filter(municipality=municipality, code=code).exists():
            category = FeedbackCategory(
                municipality=municipality, code=code, response_days=days, position=position
            )
            set_translated(category, "name", name)
            category.save()
    return jurisdiction
