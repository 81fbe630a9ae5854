"""The dashboards: who sees which page, the network view with the viewer's city marked, the
explorer and its downloads (no small group in them), the settings page and open data."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from lampio.insights.models import MeasureSetting
from lampio.insights.tests.dashboard_data import Network, build_network
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_staff_mfa(settings: Any) -> None:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False


@pytest.fixture
def network(db: None) -> Network:
    return build_network()


@pytest.fixture
def oulu_staff(client: Any, network: Network, make_member: Any) -> Any:
    client.force_login(make_member(network.oulu, role=Role.VIEWER))
    return client


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(f"insights_staff:{name}", kwargs=kwargs)


def org_kwargs(network: Network, city: str) -> dict[str, str]:
    org = network.organisations[city]
    return {"municipality": org.municipality.slug, "organisation": org.slug}


def test_the_index_lists_what_the_person_may_see(oulu_staff: Any, network: Network) -> None:
    page = oulu_staff.get(url("index")).content.decode()
    assert url("organisation", **org_kwargs(network, "oulu")) in page
    assert url("municipality", municipality="oulu") in page
    assert url("municipality", municipality="lahti") not in page
    assert url("settings") not in page  # only for network admins
    assert "not been counted yet" in page


def test_staff_only(client: Any, resident: Any) -> None:
    assert client.get(url("index")).status_code == 302
    client.force_login(resident)
    assert client.get(url("network")).status_code == 403


def test_the_network_view_marks_the_viewers_city(oulu_staff: Any) -> None:
    page = oulu_staff.get(url("network")).content.decode()
    assert page.count('class="insight-table__own"') >= 2  # utilisation and satisfaction
    assert "your city" in page
    assert "73.4%" in page  # Oulu's utilisation: 3 of 4 open hours, plus a small Sunday
    assert "&lt; 5" in page and "small group, not shown" in page  # Kemi's three answers
    assert page.count('role="img"') >= 2


def test_numbers_follow_the_language(oulu_staff: Any) -> None:
    assert "73,4 %" in oulu_staff.get(url("network", "fi")).content.decode()
    assert "73,4 %" in oulu_staff.get(url("network", "sv")).content.decode()


def test_the_organisation_dashboard(oulu_staff: Any, network: Network) -> None:
    response = oulu_staff.get(url("organisation", **org_kwargs(network, "oulu")))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="chart-space_utilisation"' in page and 'id="chart-busy-hours"' in page
    assert "chart__heat" in page and "&lt; 5" in page  # the two Sunday bookings
    # Another organisation's dashboard is not found, as other staff pages.
    other = oulu_staff.get(url("organisation", **org_kwargs(network, "lahti")))
    assert other.status_code == 404


def test_the_municipality_dashboard_is_for_that_citys_staff(oulu_staff: Any) -> None:
    assert oulu_staff.get(url("municipality", municipality="oulu")).status_code == 200
    assert oulu_staff.get(url("municipality", municipality="lahti")).status_code == 403
    assert oulu_staff.get(url("municipality", municipality="nowhere")).status_code == 404


def test_a_period_with_errors_comes_back(oulu_staff: Any) -> None:
    page = oulu_staff.get(url("network"), {"from": "2026-05", "to": "2026-01"}).content.decode()
    assert "cannot be before" in page
    assert 'value="2026-05"' in page  # as typed


def _csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_the_csv_holds_no_small_group(oulu_staff: Any) -> None:
    for key in ("satisfaction", "space_utilisation"):
        response = oulu_staff.get(
            url("measure", measure_key=key), {"by": "municipality", "format": "csv"}
        )
        assert response["Content-Disposition"].startswith("attachment;")
        rows = _csv_rows(response.content)
        counts = [row[-1] for row in rows[1:]]
        assert all(c == "" or int(c) == 0 or int(c) >= 5 for c in counts), rows
        assert ["Kemi", "< 5", ""] in rows or key != "satisfaction"


def test_the_json_download(oulu_staff: Any) -> None:
    response = oulu_staff.get(
        url("measure", measure_key="bookings"), {"by": "month", "format": "json"}
    )
    body = json.loads(response.content)
    assert body["measure"] == "bookings" and len(body["rows"]) == 3
    assert all(row["suppressed"] or row["n"] >= 5 for row in body["rows"])


def test_the_explorer_shows_a_heat_map_and_links_the_downloads(
    oulu_staff: Any, network: Network
) -> None:
    params = {"level": "organisation", "org": network.oulu.pk, "by": ["weekday", "hour"]}
    page = oulu_staff.get(url("measure", measure_key="space_utilisation"), params).content.decode()
    assert "chart__heat" in page
    assert "format=csv" in page and "format=json" in page
    assert 'name="level" value="organisation"' in page


def test_the_explorer_refuses_other_scopes_and_closed_dimensions(
    oulu_staff: Any, network: Network
) -> None:
    other = {"level": "organisation", "org": network.organisations["lahti"].pk}
    assert oulu_staff.get(url("measure", measure_key="bookings"), other).status_code == 404
    assert oulu_staff.get(url("measure", measure_key="nothing")).status_code == 404
    page = oulu_staff.get(url("measure", measure_key="bookings"), {"by": "organisation"})
    assert "cannot be broken down by organisation" in page.content.decode()
    refused = oulu_staff.get(
        url("measure", measure_key="bookings"), {"by": "venue", "format": "csv"}
    )
    assert refused["Content-Type"].startswith("text/html")  # no file for a refused query


def test_settings_are_for_network_admins(
    client: Any, oulu_staff: Any, make_user: Any, network: Network
) -> None:
    assert oulu_staff.get(url("settings")).status_code == 403
    client.force_login(make_user(is_network_admin=True))
    assert client.get(url("settings")).status_code == 200
    data = {"measure": "satisfaction", "satisfaction-threshold": "2"}
    page = client.post(url("settings"), data).content.decode()
    assert "cannot be below" in page
    data = {
        "measure": "satisfaction",
        "satisfaction-threshold": "8",
        "satisfaction-is_open_data": "on",
    }
    assert client.post(url("settings"), data).status_code == 302
    setting = MeasureSetting.objects.get(measure="satisfaction")
    assert (setting.threshold, setting.is_open_data) == (8, True)


def test_open_data_shows_only_what_is_published(client: Any, network: Network) -> None:
    with translation.override("en"):
        index, one = reverse("insights:open_data"), "insights:open_measure"
        satisfaction = reverse(one, kwargs={"measure_key": "satisfaction"})
    assert "Nothing has been published yet" in client.get(index).content.decode()
    assert client.get(satisfaction).status_code == 404
    MeasureSetting.objects.create(measure="satisfaction", is_open_data=True)
    page = client.get(index).content.decode()
    assert "Satisfaction" in page and "Space utilisation" not in page
    response = client.get(satisfaction, {"by": "municipality", "format": "csv"})
    rows = _csv_rows(response.content)
    assert all(r[-1] == "" or int(r[-1]) >= 5 for r in rows[1:])


def test_the_staff_area_links_to_insights(oulu_staff: Any, network: Network) -> None:
    with translation.override("en"):
        home = reverse("tenancy:staff_home")
        org = reverse("tenancy:organisation", kwargs=org_kwargs(network, "oulu"))
    assert url("index") in oulu_staff.get(home).content.decode()
    assert (
        url("organisation", **org_kwargs(network, "oulu")) in oulu_staff.get(org).content.decode()
    )
