"""The staff's survey links and posters: their own organisation only, no answers shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from lampio.spaces.models import Space
from lampio.surveys.selectors import visit_link_of
from lampio.tenancy.models import Organisation, Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_mfa(settings: Any) -> None:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False


def kwargs(organisation: Organisation) -> dict[str, str]:
    return {"municipality": organisation.municipality.slug, "organisation": organisation.slug}


def test_staff_see_a_link_and_poster_for_each_venue(
    client: Any, space: Space, make_member: Callable[..., Any]
) -> None:
    organisation = space.venue.organisation
    client.force_login(make_member(organisation, role=Role.PROVIDER_EDITOR))
    with translation.override("en"):
        response = client.get(reverse("surveys_staff:links", kwargs=kwargs(organisation)))
    assert response.status_code == 200
    page = response.content.decode()
    assert visit_link_of(organisation, space.venue) in page
    assert visit_link_of(organisation, None) in page
    with translation.override("en"):
        poster = reverse(
            "surveys_staff:venue_poster",
            kwargs={**kwargs(organisation), "venue_id": space.venue_id},
        )
    assert poster in page


def test_the_poster_has_a_qr_code_in_three_languages(
    client: Any, space: Space, make_member: Callable[..., Any]
) -> None:
    organisation = space.venue.organisation
    client.force_login(make_member(organisation))
    url = reverse(
        "surveys_staff:venue_poster", kwargs={**kwargs(organisation), "venue_id": space.venue_id}
    )
    page = client.get(url).content.decode()
    assert 'class="qr-code"' in page and "<title>" in page
    for language in ("fi", "sv", "en"):
        assert f'lang="{language}"' in page
    svg = client.get(url, {"format": "svg"})
    assert svg["Content-Type"] == "image/svg+xml"
    assert svg["Content-Disposition"].startswith("attachment;")
    whole = client.get(reverse("surveys_staff:poster", kwargs=kwargs(organisation)))
    assert whole.status_code == 200


def test_another_organisations_pages_and_venues_are_not_found(
    client: Any,
    space: Space,
    make_member: Callable[..., Any],
    make_organisation: Callable[..., Organisation],
) -> None:
    organisation = space.venue.organisation
    other = make_organisation()
    client.force_login(make_member(other))
    links = reverse("surveys_staff:links", kwargs=kwargs(organisation))
    assert client.get(links).status_code == 404
    # Another organisation's venue under one's own address is not found either.
    url = reverse(
        "surveys_staff:venue_poster", kwargs={**kwargs(other), "venue_id": space.venue_id}
    )
    assert client.get(url).status_code == 404


def test_residents_are_refused(client: Any, space: Space, resident: Any) -> None:
    client.force_login(resident)
    url = reverse("surveys_staff:links", kwargs=kwargs(space.venue.organisation))
    assert client.get(url).status_code == 403
