"""Staff reads of residents' personal data are audit-logged (lampio/core/read_audit.py).

Walks every inventoried read on the permission matrix's world (one set-up for all routes): as
B's staff each answers and leaves an ACCESS entry naming the reader, B and the kind of data; as
A's staff or as the resident reading their own data nothing is logged.
"""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import translation

from lampio.assistant.models import Conversation
from lampio.core.audit import ACTION_LABELS
from lampio.core.read_audit import INVENTORY, PersonalDataRead, log_personal_data_read
from lampio.feedback.models import Feedback, Identity
from lampio.tenancy import selectors as tenancy_selectors
from lampio.tenancy.models import Organisation, Role
from tests.matrix_cases import OTHER_STAFF, OWN_STAFF
from tests.test_permission_matrix import our_routes, url_for, world  # noqa: F401 (fixture)


def _reads() -> list[LogEntry]:
    return list(LogEntry.objects.filter(action=LogEntry.Action.ACCESS).order_by("pk"))


def test_every_inventoried_read_logs_who_when_and_which_organisation(client, world):  # noqa: F811
    kwargs = world["kwargs"]
    organisation = Organisation.objects.get(slug=kwargs["organisation"])
    # Give the message and the chat a way to reach the resident: only then they are personal.
    Feedback.objects.filter(pk=kwargs["feedback_id"]).update(
        identity=Identity.NAMED, contact_email="aino@example.fi"
    )
    Conversation.objects.filter(pk=kwargs["conversation_id"]).update(contact_phone="0401234567")
    routes = our_routes()
    urls = {name: url_for(name, routes[name], kwargs) for name in INVENTORY}

    client.force_login(world["users"][OTHER_STAFF])
    before = len(_reads())
    refused = {name: client.get(url).status_code for name, url in urls.items()}
    assert set(refused.values()) <= {403, 404}, refused
    assert len(_reads()) == before, "another organisation's refused staff left read entries"

    staff = world["users"][OWN_STAFF]
    client.force_login(staff)
    wrong = {}
    for name, kind in INVENTORY.items():
        last = LogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        response = client.get(urls[name])
        new = LogEntry.objects.filter(pk__gt=last, action=LogEntry.Action.ACCESS)
        logged = [
            (entry.actor_id, entry.additional_data.get("organisation_id"))
            for entry in new
            if entry.additional_data.get("read") == kind.value
        ]
        if response.status_code != 200 or logged != [(staff.pk, organisation.pk)]:
            wrong[name] = (response.status_code, logged)
    assert not wrong, f"route → (status, [(actor, organisation)]): {wrong}"


def test_people_reading_their_own_data_are_not_logged(client, world):  # noqa: F811
    """The colleague booked a space and enrolled as a resident; their own pages log nothing."""
    kwargs = world["kwargs"]
    colleague = Organisation.objects.get(slug=kwargs["organisation"]).memberships.get(
        role=Role.STAFF
    )
    client.force_login(colleague.user)
    before = len(_reads())
    own_pages = [
        reverse("bookings:mine"),
        reverse("bookings:detail", kwargs={"booking_id": kwargs["booking_id"]}),
        reverse("offerings:mine"),
        reverse("offerings:enrolment", kwargs={"enrolment_id": kwargs["enrolment_id"]}),
        reverse("bookings_feed", kwargs={"token": kwargs["token"]}),
        reverse("payments:mine"),
        reverse("accounts:profile"),
    ]
    statuses = {url: client.get(url).status_code for url in own_pages}
    assert set(statuses.values()) == {200}, statuses
    assert len(_reads()) == before


@pytest.fixture
def two_organisations(settings, make_organisation, make_member):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    a, b = make_organisation(), make_organisation()
    admin_a, admin_b = make_member(a, role=Role.ADMIN), make_member(b, role=Role.ADMIN)
    reader_a = make_member(a, role=Role.STAFF, first_name="Lukija", last_name="Aalto")
    reader_b = make_member(b, role=Role.STAFF, first_name="Katsoja", last_name="Berg")
    log_personal_data_read(
        actor=reader_a, kind=PersonalDataRead.BOOKING_CALENDAR, subject=a, organisation_id=a.pk
    )
    log_personal_data_read(
        actor=reader_b,
        kind=PersonalDataRead.DELIVERIES,
        subject=b,
        organisation_id=b.pk,
        count=7,
    )
    return a, b, admin_a, admin_b


def _log_url(organisation: Organisation, **query: str) -> str:
    with translation.override("en"):
        url = reverse(
            "tenancy:personal_data_reads",
            kwargs={
                "municipality": organisation.municipality.slug,
                "organisation": organisation.slug,
            },
        )
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_admins_see_their_own_organisations_reads_only(client, two_organisations):
    a, b, admin_a, admin_b = two_organisations
    client.force_login(admin_b)
    page = client.get(_log_url(b)).content.decode()
    assert "Katsoja Berg" in page and "Message delivery log" in page and ">7<" in page
    assert "Lukija Aalto" not in page
    # A's log is not B's admin's to see, not even its existence.
    assert client.get(_log_url(a)).status_code == 404
    client.force_login(admin_a)
    page = client.get(_log_url(a)).content.decode()
    assert "Lukija Aalto" in page and "Katsoja Berg" not in page


def test_the_log_filters_by_kind_and_is_closed_to_staff_without_audit_rights(
    client, two_organisations, make_member
):
    _a, b, _admin_a, admin_b = two_organisations
    client.force_login(admin_b)
    assert "Katsoja Berg" not in client.get(_log_url(b, kind="booking_calendar")).content.decode()
    assert "Katsoja Berg" in client.get(_log_url(b, kind="deliveries")).content.decode()
    client.force_login(make_member(b, role=Role.STAFF))
    assert client.get(_log_url(b)).status_code == 403


def test_an_entry_records_reader_organisation_and_count_but_no_snapshot(
    two_organisations, make_user
):
    _a, b, _admin_a, admin_b = two_organisations
    entry = LogEntry.objects.get(additional_data__read="deliveries")
    assert entry.action == LogEntry.Action.ACCESS
    assert entry.additional_data == {"organisation_id": b.pk, "read": "deliveries", "count": 7}
    assert entry.serialized_data is None
    # Reads are kept out of the organisation's change history.
    trail = tenancy_selectors.audit_trail(actor=admin_b, organisation=b)
    assert trail and str(ACTION_LABELS[LogEntry.Action.ACCESS]) not in {row.action for row in trail}
    assert (
        log_personal_data_read(
            actor=None, kind=PersonalDataRead.FEEDBACK, subject=b, organisation_id=b.pk
        )
        is None
    )
