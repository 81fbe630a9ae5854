"""Fixtures of the form fuzzer: the people and things the fuzzed forms need."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.form_fuzz.harness import Target, draw_data, form_fields, submit_and_judge

EXAMPLES = 25


def url(name: str, *args: Any, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(name, args=args, kwargs=kwargs)


def day_ahead(days: int = 10) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


@pytest.fixture(autouse=True)
def _no_staff_mfa(settings: Any) -> None:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False


@pytest.fixture
def signed_in(client: Client, resident: Any) -> Client:
    client.force_login(resident)
    return client


@pytest.fixture
def fuzz() -> Iterator[Callable[..., dict[int, int]]]:
    """Run the fuzzer on a target; the answers' status codes and how often each came."""

    def run(target: Target, page: str | None = None, examples: int = EXAMPLES) -> dict[int, int]:
        shown = target.client.get(page or target.url)
        assert shown.status_code == 200, f"{page or target.url} answered {shown.status_code}"
        fields = form_fields(shown.content.decode(), method=target.method, action=target.url)
        statuses: dict[int, int] = {}

        @settings(
            max_examples=examples,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        )
        @given(st.data())
        def attempt(data: st.DataObject) -> None:
            submission = data.draw(st.composite(lambda draw: draw_data(draw, fields, target))())
            status = submit_and_judge(target, submission, fields)
            statuses[status] = statuses.get(status, 0) + 1

        attempt()
        return statuses

    with translation.override("en"):
        yield run
