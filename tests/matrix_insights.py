"""Permission-matrix entries of the insights pages and API (test_permission_matrix).

`objects(organisation)` publishes one measure as open data (`measure_key`). The staff index,
the network comparison and the explorer (network level) are for anyone with a staff role;
a city's dashboard only for staff of that city (A works elsewhere: 403), an organisation's
like its other staff pages. The thresholds page is for network admins, none of the actors.
Open data is for everyone, and so is the API's list (anonymous callers get open data).
"""

from __future__ import annotations

from typing import Any

from lampio.insights.models import MeasureSetting
from tests.matrix_cases import (
    ANON,
    OTHER_STAFF,
    OWN_STAFF,
    RESIDENT,
    STAFF_OF_B_ONLY,
    Case,
    everyone,
)

ANY_STAFF = {ANON: 302, RESIDENT: 403, OTHER_STAFF: 200, OWN_STAFF: 200}
OPEN_MEASURE = "satisfaction"

PAGES: dict[str, Case] = {
    "insights_staff:index": Case(ANY_STAFF),
    "insights_staff:network": Case(ANY_STAFF),
    "insights_staff:measure": Case(ANY_STAFF, data={"by": "municipality"}),
    "insights_staff:municipality": Case({**ANY_STAFF, OTHER_STAFF: 403}),
    "insights_staff:organisation": Case(STAFF_OF_B_ONLY),
    "insights_staff:settings": Case({ANON: 302, RESIDENT: 403, OTHER_STAFF: 403, OWN_STAFF: 403}),
    "insights:open_data": Case(everyone(200)),
    "insights:open_measure": Case(everyone(200), data={"by": "municipality"}),
}
API: dict[tuple[str, str], Case] = {
    ("get", "/api/v1/insights/measures"): Case(everyone(200)),
    ("get", "/api/v1/insights/measures/{measure_key}"): Case(everyone(200)),
}


def objects(organisation: Any) -> dict[str, Any]:
    MeasureSetting.objects.update_or_create(measure=OPEN_MEASURE, defaults={"is_open_data": True})
    return {"measure_key": OPEN_MEASURE}
