"""Permission-matrix entries of the personal-data read log (lampio/core/read_audit.py).

`objects(organisation)` records one read by B's staff, so B's page has a row to hide from A.
"""

from __future__ import annotations

from typing import Any

from lampio.core.read_audit import PersonalDataRead, log_personal_data_read
from tests.matrix_cases import STAFF_OF_B_ONLY, Case

PAGES: dict[str, Case] = {
    # Admins and managers of B only; another organisation's admin gets 404 like everywhere.
    "tenancy:personal_data_reads": Case(STAFF_OF_B_ONLY),
}
API: dict[tuple[str, str], Case] = {}


def objects(organisation: Any) -> dict[str, Any]:
    member = organisation.memberships.select_related("user").first()
    log_personal_data_read(
        actor=member.user,
        kind=PersonalDataRead.BOOKING_CALENDAR,
        subject=organisation,
        organisation_id=organisation.pk,
        count=1,
    )
    return {}
