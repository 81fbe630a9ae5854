"""Permission-matrix entries of capability_pilots (test_permission_matrix).

`objects(organisation)` makes B's running pilot (`pilot_id`) with an uploaded file
(`pilot_document_id`), a lesson B wrote (`pilot_lesson_id`), a webinar wrapping B's offering
(`webinar_id`), and an initiative owned by B (`initiative_id`; the roadmap's matrix names the
same kwarg, so both use an initiative of B's).

The library is shared learning: anyone with a staff role reads it and downloads its files (A
too). Changing a pilot, its phases, documents, lessons and webinars is B's (A: 403, the pilot is
visible to A). B's initiative is not found by A. The public learning pages are for everyone.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.files.base import ContentFile

from lampio.capability.models import (
    CompassPoint,
    Initiative,
    Lesson,
    Pilot,
    PilotDocument,
    PilotStatus,
    Webinar,
)
from lampio.core.storage import private_storage
from lampio.offerings.models import Format, Offering
from tests.matrix_cases import ANON, OTHER_STAFF, OWN_STAFF, RESIDENT, Case, everyone

ANY_STAFF = {ANON: 302, RESIDENT: 403, OTHER_STAFF: 200, OWN_STAFF: 200}
LEAD_ONLY = {ANON: 302, RESIDENT: 403, OTHER_STAFF: 403, OWN_STAFF: 200}

PAGES: dict[str, Case] = {
    "capability_staff:pilots": Case(ANY_STAFF),
    "capability_staff:pilot_new": Case(ANY_STAFF),
    "capability_staff:pilot": Case(ANY_STAFF),
    "capability_staff:pilot_edit": Case(LEAD_ONLY),
    "capability_staff:pilot_phases": Case(LEAD_ONLY),
    "capability_staff:pilot_document_new": Case(LEAD_ONLY),
    "capability_staff:pilot_document": Case(ANY_STAFF),
    "capability_staff:pilot_lesson_new": Case(LEAD_ONLY),
    "capability_staff:pilot_lesson_edit": Case(LEAD_ONLY),
    "capability_staff:pilot_webinar_new": Case(LEAD_ONLY),
    "capability_staff:pilot_webinar": Case(LEAD_ONLY),
    "capability_staff:initiative_link_pilot": Case(
        {ANON: 302, RESIDENT: 403, OTHER_STAFF: 404, OWN_STAFF: 200}
    ),
    "capability:library": Case(everyone(200)),
    "capability:library_pilot": Case(everyone(200)),
}
API: dict[tuple[str, str], Case] = {}


def objects(organisation: Any) -> dict[str, Any]:
    pilot = Pilot.objects.create(
        title_fi="Palveluavustaja kirjaston asiakaspalveluun",
        summary_fi="Kokeilu",
        organisation=organisation,
        status=PilotStatus.RUNNING,
        starts_on=date(2030, 1, 1),
    )
    name = private_storage().save("pilots/matrix.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"))
    document = PilotDocument(pilot=pilot, title="Raportti")
    document.file.name = name
    document.save()
    lesson = Lesson.objects.create(
        pilot=pilot,
        organisation=organisation,
        what_worked="a",
        what_did_not="b",
        do_differently="c",
    )
    # B's offering made for the other pages (provider_objects), or one of its own if none.
    offering = Offering.objects.filter(organisation=organisation).first() or (
        Offering.objects.create(
            organisation=organisation, title_fi="Verkostowebinaari", format=Format.LIVE_STREAM
        )
    )
    webinar = Webinar.objects.create(offering=offering, pilot=pilot)
    initiative = Initiative.objects.create(
        title_fi="Kirjaston digipalvelut",
        organisation=organisation,
        owner_name="Kirjastotoimenjohtaja",
        compass_point=CompassPoint.PUBLIC_SERVICES,
        starts_on=date(2030, 1, 1),
    )
    return {
        "pilot_id": pilot.pk,
        "pilot_document_id": document.pk,
        "pilot_lesson_id": lesson.pk,
        "webinar_id": webinar.pk,
        "initiative_id": initiative.pk,
    }
