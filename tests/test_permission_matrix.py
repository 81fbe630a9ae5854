"""Every page and API operation, requested as anonymous, a resident and other staff.

Each route must have an entry here; a new route without one fails `test_every_route_has_an_entry`.
Staff act on organisation B's objects while belonging only to organisation A, so any 200 where a
403 or 404 is due shows a hole in tenancy.
"""

from __future__ import annotations

import json
from datetime import date, time
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from lampio.bookings.selectors import feed_token_for
from lampio.bookings.services import book_space
from lampio.core.timeranges import local_datetime
from lampio.digital.models import ChatMessage, PackagePlan, Recording, SeasonPackage
from lampio.offerings.models import (
    Format,
    GroupOrder,
    Occurrence,
    Offering,
    OfferingImage,
    OfferingStatus,
)
from lampio.offerings.services import enrol
from lampio.spaces.models import OpeningException, SpacePhoto, Visibility
from lampio.tenancy.models import Organisation, OrganisationKind, Role
from tests import (
    matrix_access,
    matrix_assistant_lexicon,
    matrix_assistant_resident,
    matrix_assistant_staff,
    matrix_assistant_stats,
    matrix_capability_maturity,
    matrix_capability_pilots,
    matrix_ideas,
    matrix_insights,
    matrix_lastminute,
    matrix_notifications,
    matrix_payments,
    matrix_privacy,
    matrix_read_audit,
    matrix_seasons_applicant,
    matrix_seasons_staff,
    matrix_series,
    matrix_survey_builder,
    matrix_survey_results,
    matrix_survey_rounds,
    matrix_surveys,
    matrix_waitlist,
)
from tests.matrix_cases import (
    ANON,
    LOGIN_REQUIRED,
    OTHER_STAFF,
    OWN_STAFF,
    RESIDENT,
    STAFF_OF_B_ONLY,
    STAFF_OF_B_POST,
    Case,
    everyone,
)
from tests.matrix_feedback import API as FEEDBACK_API
from tests.matrix_feedback import PAGES as FEEDBACK_PAGES
from tests.matrix_feedback import feedback_objects

PAGES: dict[str, Case] = {
    "home": Case(everyone(200)),
    "healthz": Case(everyone(200)),
    "set_language": Case(everyone(302), "post", {"language": "sv", "next": "/fi/"}),
    "core:accessibility": Case(everyone(200)),
    "core:privacy": Case(everyone(200)),
    "core:display_preferences": Case(everyone(200)),
    "tenancy:choose_city": Case(everyone(200)),
    "tenancy:staff_home": Case({ANON: 302, RESIDENT: 403, OTHER_STAFF: 200, OWN_STAFF: 200}),
    "tenancy:organisation": Case(STAFF_OF_B_ONLY),
    "tenancy:change_member": Case(
        {ANON: 302, RESIDENT: 403, OTHER_STAFF: 404, OWN_STAFF: 302},
        "post",
        {"action": "change", "role": "staff"},
    ),
    "accounts:profile": Case(LOGIN_REQUIRED),
    "accounts:export": Case(LOGIN_REQUIRED),
    "accounts:delete": Case(LOGIN_REQUIRED),
    # Resident pages: {space_id} is B's members-only space, {booking_id} a colleague's booking in
    # it, {token} that colleague's calendar feed. Someone else's booking is 404 even to B's staff.
    "spaces:search": Case(everyone(200)),
    "spaces:venue": Case(everyone(200)),
    "spaces:space": Case({ANON: 404, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 200}),
    "bookings:mine": Case(LOGIN_REQUIRED),
    "bookings:new": Case({ANON: 302, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 200}),
    "bookings:detail": Case({ANON: 302, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 404}),
    "bookings:ics": Case({ANON: 302, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 404}),
    "bookings:cancel": Case(
        {ANON: 302, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 404}, "post", {}
    ),
    "bookings_feed": Case(everyone(200)),
    # Residents' offering pages: {offering_id}/{occurrence_id} are B's published offering and its
    # time, {enrolment_id} a colleague's enrolment, {order_id} a care unit's order. None of the
    # actors orders for a care unit or school, so the unit pages refuse them and hide the order.
    "offerings:list": Case(everyone(200)),
    "offerings:calendar": Case(everyone(200)),
    "offerings:detail": Case(everyone(200)),
    "offerings:provider": Case(everyone(200)),
    "offerings:enrol": Case(LOGIN_REQUIRED),
    "offerings:mine": Case(LOGIN_REQUIRED),
    "offerings:enrolment": Case({ANON: 302, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 404}),
    "offerings:enrolment_ics": Case({ANON: 302, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 404}),
    "offerings:enrolment_cancel": Case(
        {ANON: 302, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 404}, "post"
    ),
    "offerings:order": Case({ANON: 302, RESIDENT: 403, OTHER_STAFF: 403, OWN_STAFF: 403}),
    "offerings:unit_orders": Case({ANON: 302, RESIDENT: 403, OTHER_STAFF: 403, OWN_STAFF: 403}),
    "offerings:unit_order": Case({ANON: 302, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 404}),
    "offerings:order_accept_time": Case(
        {ANON: 302, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 404}, "post"
    ),
    "offerings:order_cancel": Case(
        {ANON: 302, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 404}, "post"
    ),
    # Public calendar feeds of B's municipality and of B itself.
    "offerings_municipality_feed": Case(everyone(200)),
    "offerings_provider_feed": Case(everyone(200)),
    # Staff pages of B's venues, spaces and bookings: {venue_id}, {space_id} and {booking_id} as
    # above, {exception_id} an opening exception of that space.
    "spaces_staff:venues": Case(STAFF_OF_B_ONLY),
    "spaces_staff:venue_new": Case(STAFF_OF_B_ONLY),
    "spaces_staff:venue_edit": Case(STAFF_OF_B_ONLY),
    "spaces_staff:space_new": Case(STAFF_OF_B_ONLY),
    "spaces_staff:space_edit": Case(STAFF_OF_B_ONLY),
    "spaces_staff:space_qr": Case(STAFF_OF_B_ONLY),
    "spaces_staff:opening_hours": Case(STAFF_OF_B_ONLY),
    "spaces_staff:exception_add": Case(
        STAFF_OF_B_POST, "post", {"date": "2030-12-31", "is_closed": "on"}
    ),
    "spaces_staff:exception_remove": Case(STAFF_OF_B_POST, "post"),
    # {photo_id} is a photo of that space; it is moved before it is removed.
    "spaces_staff:photos": Case(STAFF_OF_B_ONLY),
    "spaces_staff:photo_edit": Case(STAFF_OF_B_ONLY),
    "spaces_staff:photo_move": Case(STAFF_OF_B_POST, "post", {"direction": "down"}),
    "spaces_staff:photo_remove": Case(STAFF_OF_B_POST, "post"),
    "spaces_staff:equipment": Case(STAFF_OF_B_ONLY),
    "bookings_staff:desk": Case(STAFF_OF_B_ONLY),
    "bookings_staff:calendar": Case(STAFF_OF_B_ONLY),
    "bookings_staff:block": Case(STAFF_OF_B_ONLY),
    "bookings_staff:on_behalf": Case(STAFF_OF_B_ONLY),
    "bookings_staff:decide": Case(STAFF_OF_B_POST, "post", {"decision": "approve"}),
    "bookings_staff:cancel": Case(STAFF_OF_B_POST, "post"),
    "bookings_staff:no_show": Case(STAFF_OF_B_POST, "post"),
    # The provider's desk of B (see `provider_objects`). The order is accepted first; the later
    # answers find it handled and say so on its page. Unpublishing before publishing leaves the
    # offering published for the pages listed after these.
    "offerings_staff:list": Case(STAFF_OF_B_ONLY),
    "offerings_staff:new": Case(STAFF_OF_B_ONLY),
    "offerings_staff:edit": Case(STAFF_OF_B_ONLY),
    "offerings_staff:times": Case(STAFF_OF_B_ONLY),
    "offerings_staff:weekly": Case(STAFF_OF_B_ONLY),
    "offerings_staff:images": Case(STAFF_OF_B_ONLY),
    "offerings_staff:image_remove": Case(STAFF_OF_B_POST, "post"),
    "offerings_staff:occurrence": Case(STAFF_OF_B_ONLY),
    "offerings_staff:occurrence_capacity": Case(STAFF_OF_B_POST, "post", {"seats-capacity": "30"}),
    # The matrix's occurrence has not started, so its own staff get the page back with the error.
    "offerings_staff:occurrence_attendance": Case(
        STAFF_OF_B_ONLY, "post", {"came-attendance": "9"}
    ),
    "offerings_staff:occurrence_status": Case(
        STAFF_OF_B_POST, "post", {"status-status": "scheduled"}
    ),
    "offerings_staff:occurrence_reschedule": Case(
        STAFF_OF_B_POST,
        "post",
        {
            "move-date": "2030-06-13",
            "move-starts": "14:00",
            "move-ends": "15:00",
            "move-notice_fi": "Siirtyy päivällä.",
        },
    ),
    "offerings_staff:orders": Case(STAFF_OF_B_ONLY),
    "offerings_staff:order": Case(STAFF_OF_B_ONLY),
    "offerings_staff:order_accept": Case(STAFF_OF_B_POST, "post"),
    "offerings_staff:order_decline": Case(STAFF_OF_B_POST, "post", {"decline-message": "Ei."}),
    "offerings_staff:order_propose": Case(
        STAFF_OF_B_POST,
        "post",
        {"propose-date": "2030-06-14", "propose-starts": "10:00", "propose-ends": "11:00"},
    ),
    "offerings_staff:unpublish": Case(STAFF_OF_B_POST, "post"),
    "offerings_staff:cancel": Case(STAFF_OF_B_ONLY),
    "offerings_staff:publish": Case(STAFF_OF_B_POST, "post"),
    # Taking part without a password: open to everyone (signed in: the one "Take part" button).
    "digital:take_part": Case(everyone(200)),
    "digital:take_part_code": Case(everyone(200)),
    # Senior pages: the programme and B's streamed time are public. "Watch together" is for staff
    # who order for the unit in the address (B itself here); B has ordered no session, so its
    # big screen of {occurrence_id} is not found even to B's staff.
    "digital:home": Case(everyone(200)),
    "digital:session": Case(everyone(200)),
    "digital:care_week": Case(STAFF_OF_B_ONLY),
    "digital:care_screen": Case({ANON: 302, RESIDENT: 403, OTHER_STAFF: 404, OWN_STAFF: 404}),
    # Recordings, feedback and season packages: {recording_id} is a recording of B's free
    # offering (its captions file is not in storage here: see test_recordings_watch), and the
    # feedback of B's time is refused as that time has not ended. The care-package pages name B,
    # which is no care unit, so they are not found even to B's staff; {plan_id} is B's plan.
    "digital:recordings": Case(everyone(200)),
    "digital:recording": Case(everyone(200)),
    "digital:recording_captions": Case(everyone(404)),
    "digital:feedback": Case(everyone(403), "post", {"rating": "4"}),
    "digital:care_packages": Case({ANON: 302, RESIDENT: 403, OTHER_STAFF: 404, OWN_STAFF: 404}),
    "digital:care_package_buy": Case(
        {ANON: 302, RESIDENT: 403, OTHER_STAFF: 404, OWN_STAFF: 404}, "post"
    ),
    "digital:care_package": Case({ANON: 302, RESIDENT: 403, OTHER_STAFF: 404, OWN_STAFF: 404}),
    "digital:use_package": Case(
        {ANON: 302, RESIDENT: 403, OTHER_STAFF: 404, OWN_STAFF: 404}, "post", {"package": "1"}
    ),
    "digital_staff:feedback": Case(STAFF_OF_B_ONLY),
    "digital_staff:packages": Case(STAFF_OF_B_ONLY),
    "digital_staff:package_new": Case(STAFF_OF_B_ONLY),
    "digital_staff:package_edit": Case(STAFF_OF_B_ONLY),
    "digital_staff:recordings": Case(STAFF_OF_B_ONLY),
    "digital_staff:recording_new": Case(STAFF_OF_B_ONLY),
    "digital_staff:recording_edit": Case(STAFF_OF_B_ONLY),
    "digital_staff:recording_remove": Case(STAFF_OF_B_POST, "post"),  # last: removes it
    # Chat (B's time is in 2030: the chat is not open yet, so a message comes back with the
    # reason) and the provider's session console.
    "digital:chat": Case({ANON: 302, RESIDENT: 403, OTHER_STAFF: 403, OWN_STAFF: 200}),
    "digital:chat_send": Case(
        {ANON: 302, RESIDENT: 403, OTHER_STAFF: 403, OWN_STAFF: 200},
        "post",
        {"text": "Hei", "kind": "chat"},
    ),
    "digital:react": Case(
        {ANON: 302, RESIDENT: 403, OTHER_STAFF: 403, OWN_STAFF: 302}, "post", {"kind": "applause"}
    ),
    "digital_staff:console": Case(STAFF_OF_B_ONLY),
    "digital_staff:console_go_live": Case(STAFF_OF_B_POST, "post"),
    "digital_staff:console_end": Case(STAFF_OF_B_POST, "post"),
    "digital_staff:console_stream": Case(
        STAFF_OF_B_POST, "post", {"stream_url": "https://stream.example.fi/c.m3u8"}
    ),
    "digital_staff:console_chat": Case(STAFF_OF_B_POST, "post", {"open": "1"}),
    "digital_staff:console_moderate": Case(STAFF_OF_B_POST, "post", {"action": "answered"}),
    "digital_staff:console_message": Case(
        STAFF_OF_B_POST, "post", {"subject": "Tervetuloa", "body": "Konsertti alkaa pian."}
    ),
}

API: dict[tuple[str, str], Case] = {
    ("post", "/api/v1/auth/token"): Case(everyone(401), data={"email": "x@y.fi", "password": "x"}),
    ("get", "/api/v1/me"): Case({ANON: 401, RESIDENT: 200, OTHER_STAFF: 200, OWN_STAFF: 200}),
    ("get", "/api/v1/municipalities"): Case(everyone(200)),
    ("get", "/api/v1/organisations"): Case(everyone(200)),
    ("get", "/api/v1/me/memberships"): Case(
        {ANON: 401, RESIDENT: 200, OTHER_STAFF: 200, OWN_STAFF: 200}
    ),
    # {space_id} and {booking_id} (in paths and string data) are B's members-only space and a
    # booking a colleague of B made in it; see `world`.
    ("get", "/api/v1/spaces"): Case(everyone(200)),
    ("get", "/api/v1/spaces/{space_id}"): Case(
        {ANON: 404, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 200}
    ),
    ("get", "/api/v1/spaces/{space_id}/availability"): Case(
        {ANON: 404, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 200}, data={"date": "2030-06-12"}
    ),
    ("post", "/api/v1/bookings"): Case(
        {ANON: 401, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 201},
        data={
            "space_id": "{space_id}",
            "starts_at": "2030-06-12T18:00:00+03:00",
            "ends_at": "2030-06-12T19:00:00+03:00",
            "purpose": "Kokous",
        },
    ),
    ("get", "/api/v1/bookings"): Case({ANON: 401, RESIDENT: 200, OTHER_STAFF: 200, OWN_STAFF: 200}),
    ("post", "/api/v1/bookings/{booking_id}/cancel"): Case(
        {ANON: 401, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 404}
    ),
    # {offering_id} and {occurrence_id} are B's published offering and its time (see
    # `provider_objects`); {enrolment_id} is a colleague's enrolment in it.
    ("get", "/api/v1/offerings"): Case(everyone(200)),
    ("get", "/api/v1/offerings/{offering_id}"): Case(everyone(200)),
    ("get", "/api/v1/offerings/{offering_id}/jsonld"): Case(everyone(200)),
    ("get", "/api/v1/occurrences"): Case(everyone(200)),
    ("get", "/api/v1/occurrences/{occurrence_id}"): Case(everyone(200)),
    ("post", "/api/v1/occurrences/{occurrence_id}/enrolments"): Case(
        {ANON: 401, RESIDENT: 201, OTHER_STAFF: 201, OWN_STAFF: 201}, data={"seats": 1}
    ),
    ("get", "/api/v1/enrolments"): Case(
        {ANON: 401, RESIDENT: 200, OTHER_STAFF: 200, OWN_STAFF: 200}
    ),
    ("post", "/api/v1/enrolments/{enrolment_id}/cancel"): Case(
        {ANON: 401, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 404}
    ),
}


PAGES.update(FEEDBACK_PAGES)
API.update(FEEDBACK_API)
PAGES.update(matrix_assistant_resident.PAGES)
PAGES.update(matrix_assistant_staff.PAGES)
API.update(matrix_assistant_resident.API)
API.update(matrix_assistant_staff.API)
PAGES.update(matrix_assistant_stats.PAGES)
API.update(matrix_assistant_stats.API)
PAGES.update(matrix_assistant_lexicon.PAGES)
API.update(matrix_assistant_lexicon.API)
for _part in (
    matrix_access,
    matrix_ideas,
    matrix_insights,
    matrix_waitlist,
    matrix_lastminute,
    matrix_notifications,
    matrix_payments,
    matrix_privacy,
    matrix_read_audit,
    matrix_series,
    matrix_seasons_applicant,
    matrix_seasons_staff,
    matrix_surveys,
    matrix_survey_rounds,
    matrix_survey_builder,
    matrix_survey_results,
    matrix_capability_maturity,
    matrix_capability_pilots,
):
    PAGES.update(_part.PAGES)
    API.update(_part.API)


def our_routes() -> dict[str, URLPattern]:
    routes: dict[str, URLPattern] = {}

    def walk(patterns: list, namespace: str = "") -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace in {"admin", "api"}:
                    continue  # the admin is Django's; the API is walked through its schema
                child = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, child)
            elif pattern.name and pattern.callback.__module__.startswith("lampio"):
                routes[f"{namespace}{pattern.name}"] = pattern

    walk(get_resolver().url_patterns)
    return routes


def test_every_route_has_an_entry(client):
    missing = set(our_routes()) - set(PAGES)
    assert not missing, f"add these routes to the permission matrix: {sorted(missing)}"
    schema = client.get("/api/v1/openapi.json").json()
    operations = {(method, path) for path, item in schema["paths"].items() for method in item}
    assert not operations - set(API), f"add these API operations: {operations - set(API)}"


def provider_objects(organisation: Organisation) -> dict[str, int]:
    """B's published offering with a time, a care unit's pending order for it, and an image."""
    offering = Offering.objects.create(
        organisation=organisation,
        title_fi="Savipaja",
        format=Format.ON_SITE,
        location="Kulttuuritalo",
        status=OfferingStatus.PUBLISHED,
        allows_group_orders=True,
    )
    occurrence = Occurrence.objects.create(
        offering=offering,
        starts_at=local_datetime(date(2030, 6, 12), time(14)),
        ends_at=local_datetime(date(2030, 6, 12), time(15)),
        capacity=20,
    )
    unit = Organisation.objects.create(
        municipality=organisation.municipality,
        slug=f"{organisation.slug}-daycare",
        name_fi="Päiväkoti",
        kind=OrganisationKind.CARE_UNIT,
    )
    order = GroupOrder.objects.create(
        offering=offering, occurrence=occurrence, unit=unit, group_size=5
    )
    image = OfferingImage.objects.create(
        offering=offering, image="offerings/clay.jpg", alt_text_fi="Savea"
    )
    return {
        "offering_id": offering.pk,
        "occurrence_id": occurrence.pk,
        "order_id": order.pk,
        "image_id": image.pk,
    }


def digital_objects(organisation: Organisation) -> dict[str, int]:
    """B's digital-session objects (lampio/digital): a recording, a package plan and so on.

    Each area of the digital app adds the objects its routes name here.
    """
    objects: dict[str, int] = {}
    # Sign-in (take part): B's offering is streamed, so its time is also a digital session.
    Offering.objects.filter(organisation=organisation).update(
        format=Format.LIVE_STREAM, online_url="https://stream.example.fi/b.m3u8"
    )
    # Recordings, feedback and packages: a recording of B's offering, B's package plan, and a
    # package a care unit bought from it.
    offering = Offering.objects.filter(organisation=organisation).first()
    objects["recording_id"] = Recording.objects.create(
        offering=offering, video_url="https://video.example.fi/b.mp4", captions="captions/b.vtt"
    ).pk
    plan = PackagePlan.objects.create(
        provider=organisation,
        name_fi="Syyskausi",
        sessions_included=10,
        price=450,
        season_starts=date(2030, 1, 1),
        season_ends=date(2030, 12, 31),
    )
    objects["plan_id"] = plan.pk
    objects["package_id"] = SeasonPackage.objects.create(
        plan=plan,
        unit=Organisation.objects.get(slug=f"{organisation.slug}-daycare"),
        sessions_included=10,
        price=450,
    ).pk
    # Chat and console: a question someone asked in B's session.
    objects["chat_message_id"] = ChatMessage.objects.create(
        occurrence=Occurrence.objects.filter(offering__organisation=organisation).first(),
        text="Mikä kappale?",
        kind="question",
    ).pk
    return objects


@pytest.fixture
def world(settings, make_organisation, make_member, make_user, make_space):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    organisation_a, organisation_b = make_organisation(), make_organisation()
    staff_of_b = make_member(organisation_b, role=Role.ADMIN)
    colleague = make_member(organisation_b, role=Role.STAFF)
    space = make_space(organisation_b, visibility=Visibility.MEMBERS, booking_opens_days=3650)
    booking = book_space(
        actor=colleague,
        space=space,
        starts_at=local_datetime(date(2030, 6, 12), time(10)),
        ends_at=local_datetime(date(2030, 6, 12), time(11)),
        purpose="Kokous",
        attendees=1,
    )
    return {
        "users": {
            ANON: None,
            RESIDENT: make_user(),
            OTHER_STAFF: make_member(organisation_a, role=Role.ADMIN),
            OWN_STAFF: staff_of_b,
        },
        "kwargs": {
            # First, so that objects others list under the same names below take precedence.
            **provider_objects(organisation_b),
            **matrix_seasons_applicant.objects(organisation_b),
            **digital_objects(organisation_b),
            **feedback_objects(organisation_b),
            **matrix_assistant_staff.objects(organisation_b),
            **matrix_assistant_stats.objects(organisation_b),
            **matrix_assistant_lexicon.objects(organisation_b),
            **matrix_assistant_resident.objects(organisation_b),
            **matrix_survey_rounds.objects(organisation_b),
            **matrix_survey_builder.objects(organisation_b),
            **matrix_survey_results.objects(organisation_b),
            **matrix_capability_maturity.objects(organisation_b),
            **matrix_capability_pilots.objects(organisation_b),
            **matrix_access.objects(organisation_b),
            **matrix_waitlist.objects(organisation_b),
            **matrix_lastminute.objects(organisation_b),
            **matrix_notifications.objects(organisation_b),
            **matrix_payments.objects(organisation_b),
            **matrix_read_audit.objects(organisation_b),
            **matrix_seasons_staff.objects(organisation_b),
            **matrix_series.objects(organisation_b),
            **matrix_ideas.objects(organisation_b),
            **matrix_surveys.objects(organisation_b),
            **matrix_insights.objects(organisation_b),
            "municipality": organisation_b.municipality.slug,
            "organisation": organisation_b.slug,
            "membership_id": organisation_b.memberships.exclude(user=staff_of_b).get().pk,
            "space_id": space.pk,
            "booking_id": booking.pk,
            "venue_id": space.venue_id,
            "exception_id": OpeningException.objects.create(
                space=space, date=date(2030, 12, 24)
            ).pk,
            "token": feed_token_for(colleague),
            "enrolment_id": enrol(
                actor=colleague,
                occurrence=Occurrence.objects.get(offering__organisation=organisation_b),
                seats=1,
            ).pk,
            "photo_id": SpacePhoto.objects.create(
                space=space, image="spaces/hall.jpg", alt_text_fi="Sali"
            ).pk,
        },
    }


def url_for(name: str, pattern: URLPattern, kwargs: dict[str, Any]) -> str:
    wanted = {key: kwargs[key] for key in pattern.pattern.regex.groupindex}
    return reverse(name, kwargs=wanted)


@pytest.mark.parametrize("actor", [ANON, RESIDENT, OTHER_STAFF, OWN_STAFF])
def test_pages_answer_each_actor_as_expected(client, world, actor):
    if user := world["users"][actor]:
        client.force_login(user)
    routes = our_routes()
    wrong = {}
    for name, case in PAGES.items():
        url = url_for(name, routes[name], world["kwargs"])
        response = getattr(client, case.method)(url, case.data)
        if response.status_code != case.expected[actor]:
            wrong[name] = (response.status_code, case.expected[actor])
    assert not wrong, f"{actor}: route → (got, expected): {wrong}"


@pytest.mark.parametrize("actor", [ANON, RESIDENT, OTHER_STAFF, OWN_STAFF])
def test_api_answers_each_actor_as_expected(client, world, actor):
    if user := world["users"][actor]:
        client.force_login(user)
    wrong = {}
    for (method, path), case in API.items():
        data = {
            key: value.format(**world["kwargs"]) if isinstance(value, str) else value
            for key, value in case.data.items()
        }
        response = getattr(client, method)(
            path.format(**world["kwargs"]),
            json.dumps(data) if method == "post" else data,
            content_type="application/json",
        )
        if response.status_code != case.expected[actor]:
            wrong[(method, path)] = (response.status_code, case.expected[actor])
    assert not wrong, f"{actor}: operation → (got, expected): {wrong}"
