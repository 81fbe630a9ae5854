"""One person with personal data in every app that holds any: for the export, deletion and
retention tests. Rows are written straight to the database where a service would need a whole
workflow around them; what matters here is which rows point at the person."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from lampio.accounts.models import ApiToken, User
from lampio.assistant.models import Conversation, ConversationMessage, ConversationState
from lampio.bookings.models import BookingReview, BookingSeries, WaitlistEntry, Watch
from lampio.bookings.services import book_space
from lampio.digital.models import ChatMessage, ChatMute, SignInCode
from lampio.feedback.models import Feedback, FeedbackCategory, FeedbackState, Identity
from lampio.feedback.services.setup import set_up_feedback
from lampio.ideas.defaults import ensure_states_and_categories
from lampio.ideas.models import Audience as IdeaAudience
from lampio.ideas.models import (
    Board,
    Comment,
    Follow,
    Idea,
    IdeaCategory,
    IdeaState,
    Report,
    Support,
)
from lampio.notifications.models import Delivery, Preference
from lampio.offerings.models import Enrolment, EnrolmentStatus, GroupOrder
from lampio.payments.models import Order
from lampio.seasons.models import AgeGroup, Application, ApplicationRound, PriorityClass
from lampio.tenancy.models import Membership, OrganisationKind


@dataclass
class PersonWorld:
    person: User
    # Words the person wrote somewhere: each must appear in the export.
    markers: list[str] = field(default_factory=list)
    # The subset that must be gone after the account is deleted (the rest, such as a feedback
    # message's text, stays by design without the person: see lampio/retention_policy.py).
    erased_markers: list[str] = field(default_factory=list)


def build_person_world(
    *, make_user: Any, make_organisation: Any, make_space: Any, make_offering: Any
) -> PersonWorld:
    person = make_user(
        email="zelda.walker@example.fi",
        first_name="Zeldamaria",
        last_name="Walkerström",
        phone="+358401112233",
    )
    world = PersonWorld(person=person)

    def wrote(text: str, *, erased: bool = True) -> str:
        world.markers.append(text)
        if erased:
            world.erased_markers.append(text)
        return text

    now = timezone.now()
    organisation = make_organisation()
    Membership.objects.create(user=person, organisation=organisation, role="staff")
    ApiToken.objects.create(user=person, key_hash=secrets.token_hex(32), expires_at=now)
    Preference.objects.create(person=person, non_essential=False)

    # bookings, series, lines, watches
    space = make_space()
    day = timezone.localdate() + timedelta(days=3)
    starts = timezone.make_aware(datetime.combine(day, time(18)))
    booking = book_space(
        actor=person,
        space=space,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        purpose=wrote("Quillfeather choir"),
        attendees=5,
    )
    BookingReview.objects.create(booking=booking, rating=4, comment=wrote("Drafty hallway"))
    BookingSeries.objects.create(
        space=space,
        booker=person,
        created_by=person,
        purpose=wrote("Wednesday bandy"),
        weekdays=[2],
        first_date=day,
        last_date=day + timedelta(days=70),
        starts_time=time(8),
        ends_time=time(9),
    )
    WaitlistEntry.objects.create(
        space=space,
        person=person,
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        purpose=wrote("Waiting for karaoke"),
    )
    Watch.objects.create(person=person, space=space, weekday=2, starts=time(17), ends=time(20))

    # enrolments and group orders
    offering = make_offering(organisation=organisation)
    occurrence = offering.occurrences.first()
    Enrolment.objects.create(
        occurrence=occurrence, person=person, seats=1, status=EnrolmentStatus.CONFIRMED
    )
    unit = make_organisation(kind=OrganisationKind.CARE_UNIT)
    group_order = GroupOrder.objects.create(
        offering=offering,
        unit=unit,
        ordered_by=person,
        group_size=6,
        message=wrote("Ring Zeldamaria at the gate"),
        special_needs=wrote("Two wheelchairs", erased=False),  # about the group, kept
    )

    # orders
    Order.objects.create(
        seller=organisation,
        booking=booking,
        customer=person,
        total=20,
        billing_name="Zeldamaria Walkerström",
        billing_email=person.email,
        billing_address=wrote("Kuusikuja 9 B"),
    )
    assert group_order.pk

    # feedback: the text stays in the city's records; the writer's details go
    jurisdiction = set_up_feedback(
        municipality=organisation.municipality,
        fallback_organisation=organisation,
        open311_id="walk.fi",
    )
    Feedback.objects.create(
        municipality=jurisdiction.municipality,
        organisation=organisation,
        category=FeedbackCategory.objects.filter(municipality=jurisdiction.municipality)[0],
        state=FeedbackState.objects.filter(municipality=jurisdiction.municipality)[0],
        text=wrote("The projector flickers", erased=False),
        identity=Identity.NAMED,
        author=person,
        contact_name="Zeldamaria Walkerström",
        contact_email=person.email,
        contact_phone=person.phone,
        due_at=now + timedelta(days=14),
    )

    # ideas: ideas and comments stay, without the person; supports and follows go
    ensure_states_and_categories()
    board = Board.objects.create(
        organisation=organisation, slug="walk", audience=IdeaAudience.PUBLIC, title="Ideas"
    )
    idea = Idea.objects.create(
        board=board,
        municipality=organisation.municipality,
        category=IdeaCategory.objects.all()[0],
        state=IdeaState.objects.all()[0],
        title="Ukuleles",
        body=wrote("Lend ukuleles at the library", erased=False),
        author=person,
        support_count=1,
    )
    Comment.objects.create(idea=idea, author=person, body=wrote("Yes please", erased=False))
    Support.objects.create(idea=idea, person=person)
    Follow.objects.create(idea=idea, person=person)
    Report.objects.create(idea=idea, reporter=person, reason="spam", note=wrote("Looks like ads"))

    # season applications
    round_ = ApplicationRound.objects.create(
        organisation=organisation,
        created_by=make_user(),
        name_fi="Kausi",
        season_starts=date(2030, 9, 1),
        season_ends=date(2031, 5, 31),
        applications_open_at=now - timedelta(days=1),
        applications_close_at=now + timedelta(days=10),
    )
    priority = PriorityClass.objects.create(application_round=round_, rank=1, name_fi="Kaikki")
    Application.objects.create(
        application_round=round_,
        applicant=person,
        activity="Salibandy",
        age_group=AgeGroup.YOUTH,
        requested_class=priority,
        priority_class=priority,
        notes=wrote("We need the hall dark"),
    )

    # digital sessions: chat, mutes, sign-in codes
    ChatMessage.objects.create(
        occurrence=occurrence, author=person, display_name="Zelda", text=wrote("Louder please")
    )
    ChatMute.objects.create(occurrence=occurrence, person=person)
    SignInCode.objects.create(
        email=person.email, code_hash="x" * 64, expires_at=now + timedelta(minutes=10)
    )

    # messages sent
    Delivery.objects.create(
        recipient=person,
        key="booking_confirmed",
        channel="email",
        to=person.email,
        language="fi",
        subject="Varaus",
        body=wrote("Hello Zeldamaria, your booking"),
    )

    # the assistant's hand-off chat
    conversation = Conversation.objects.create(
        municipality=organisation.municipality,
        organisation=organisation,
        language="fi",
        token=secrets.token_urlsafe(16),
        state=ConversationState.WAITING,
        user=person,
        contact_name="Zeldamaria",
        contact_email=person.email,
    )
    ConversationMessage.objects.create(
        conversation=conversation,
        sender="resident",
        author=person,
        text=wrote("Where is the sauna?"),
    )
    return world


def links_and_traces(
    person: User, traces: list[str], *, allowed_links: set[str], models_: set[str] | None = None
) -> tuple[list[str], list[str]]:
    """Fields (outside `allowed_links`) whose rows still link to `person`, and text fields that
    still contain one of `traces`; only in `models_` (labels) when given."""
    from django.apps import apps
    from django.db import models
    from django.db.models import Q

    linked, texts = [], []
    for model in apps.get_models():
        if models_ is not None and model._meta.label not in models_:
            continue
        manager = model._default_manager
        for field_ in model._meta.concrete_fields:
            label = f"{model._meta.label}.{field_.name}"
            if field_.is_relation and field_.related_model is User:
                if (
                    label not in allowed_links
                    and manager.filter(**{field_.name: person.pk}).exists()
                ):
                    linked.append(label)
            elif isinstance(field_, models.CharField | models.TextField | models.JSONField):
                found = Q(pk__in=[])
                for trace in traces:
                    found |= Q(**{f"{field_.name}__icontains": trace})
                for row in manager.filter(found).values_list(field_.name, flat=True):
                    texts.append(f"{label}: {str(row)[:120]!r}")
    return linked, texts
