"""Issue #15: schemathesis against the JSON API and Open311 on a live server.

Every operation of `/api/v1/openapi.json` and `/open311/v2/openapi.json` gets generated
requests; the test fails on any 5xx and any response the documents do not describe. A second,
shorter pass runs with every rate limit used up, so each 429 an operation can answer must be
in its document too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import django_ratelimit.core
import pytest
import schemathesis

from conftest import PASSWORD
from lampio.accounts.services import issue_api_token
from tests.api_fuzz.runner import Report, fuzz
from tests.api_fuzz.seed import Seeded, seed

# Measured: 20–35 s of requests per database pass for both documents (1,100 requests).
MAX_EXAMPLES = 30
LIMITED_EXAMPLES = 4


@pytest.fixture
def world(
    live_server: Any,
    settings: Any,
    make_municipality: Callable[..., Any],
    make_organisation: Callable[..., Any],
    make_member: Callable[..., Any],
    make_space: Callable[..., Any],
    make_offering: Callable[..., Any],
    resident: Any,
) -> Iterator[Seeded]:
    settings.RATELIMIT_ENABLE = False
    seeded = seed(
        make_municipality=make_municipality,
        make_organisation=make_organisation,
        make_member=make_member,
        make_space=make_space,
        make_offering=make_offering,
        resident=resident,
    )
    seeded.token = issue_api_token(request=None, email=resident.email, password=PASSWORD)
    yield seeded


def _schemas(server: str) -> list[tuple[Any, str]]:
    """Each document with the base its paths are relative to."""
    return [
        (schemathesis.openapi.from_url(f"{server}/api/v1/openapi.json"), server),
        (
            schemathesis.openapi.from_url(f"{server}/open311/v2/openapi.json"),
            f"{server}/open311/v2",
        ),
    ]


def _fuzz_both_apis(server: str, world: Seeded, max_examples: int) -> Report:
    report = Report()
    for schema, base_url in _schemas(server):
        fuzz(
            schema,
            base_url=base_url,
            token_headers={"Authorization": f"Bearer {world.token}"},
            known=world.known,
            max_examples=max_examples,
            report=report,
        )
    print(report.summary())
    return report


def test_every_operation_answers_as_documented(live_server: Any, world: Seeded) -> None:
    report = _fuzz_both_apis(live_server.url, world, MAX_EXAMPLES)
    assert report.operations >= 38  # 33 of the JSON API, 5 of Open311
    assert not report.failures, "\n".join(report.failures)


def test_rate_limited_answers_are_documented(
    live_server: Any, world: Seeded, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every limit used up: an operation that answers 429 must say so in its document."""
    settings.RATELIMIT_ENABLE = True
    used_up = {"count": 10**6, "limit": 1, "should_limit": True, "time_left": 60}
    monkeypatch.setattr(django_ratelimit.core, "get_usage", lambda *args, **kwargs: used_up)
    monkeypatch.setattr("lampio.bookings.access_api.get_usage", lambda *args, **kwargs: used_up)
    report = _fuzz_both_apis(live_server.url, world, LIMITED_EXAMPLES)
    assert report.statuses.get(429, 0) > 0
    assert not report.failures, "\n".join(report.failures)
