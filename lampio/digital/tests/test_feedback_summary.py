"""The provider's feedback summary: small groups suppressed, free answers from five answers."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from lampio.digital.feedback_summary import feedback_summary, suppress_small_counts
from lampio.digital.models import SessionFeedback
from lampio.offerings.models import Occurrence
from lampio.tenancy.access import org_url_kwargs
from lampio.tenancy.models import Role


@pytest.fixture
def ended(make_session: Any) -> Occurrence:
    return make_session(starts_in=-timedelta(hours=2))


def answers(occurrence: Occurrence, ratings: list[int], text: str = "") -> None:
    SessionFeedback.objects.bulk_create(
        SessionFeedback(occurrence=occurrence, rating=r, answer=text) for r in ratings
    )


def test_counts_below_five_are_hidden_and_a_lone_hidden_count_takes_another_with_it() -> None:
    assert suppress_small_counts({"a": 2, "b": 1}) == {"a": None, "b": None}
    assert suppress_small_counts({"a": 7, "b": 0, "c": 6}) == {"a": 7, "b": 0, "c": 6}
    # 3 alone hidden could be worked out from the total: the smallest other count goes too.
    assert suppress_small_counts({"a": 9, "b": 6, "c": 3}) == {"a": 9, "b": None, "c": None}
    assert suppress_small_counts({"a": 9, "b": 2, "c": 3}) == {"a": 9, "b": None, "c": None}


def test_with_fewer_than_five_answers_nothing_is_shown(ended: Occurrence) -> None:
    answers(ended, [5, 5, 4, 1], text="Kiitos")

    summary = feedback_summary(ended)

    assert not summary.enough_answers
    assert all(row.count is None for row in summary.rows)
    assert summary.answers == []


def test_from_five_answers_counts_and_free_answers_are_shown(ended: Occurrence) -> None:
    answers(ended, [5] * 6, text="Upea")
    answers(ended, [4] * 5)
    answers(ended, [1])

    summary = feedback_summary(ended)

    counts = {row.value: row.count for row in summary.rows}
    assert summary.total == 12
    assert counts == {5: 6, 4: None, 3: 0, 2: 0, 1: None}
    assert summary.answers == ["Upea"] * 6


def test_the_staff_page_shows_the_summary_to_the_provider_only(
    client: Any,
    ended: Occurrence,
    concert_provider: Any,
    concert_editor: Any,
    make_organisation: Any,
    make_member: Any,
    no_staff_mfa: None,
) -> None:
    answers(ended, [5] * 3, text="Salainen")
    with translation.override("en"):
        url = reverse(
            "digital_staff:feedback",
            kwargs={**org_url_kwargs(concert_provider), "occurrence_id": ended.pk},
        )
    client.force_login(concert_editor)

    body = client.get(url).content.decode()

    assert "fewer than 5" in body and "Salainen" not in body
    answers(ended, [4, 4], text="Näkyvä")
    body = client.get(url).content.decode()
    assert "Salainen" in body and "Näkyvä" in body
    other = make_organisation()
    client.force_login(make_member(other, role=Role.PROVIDER_EDITOR))
    with translation.override("en"):
        others_url = reverse(
            "digital_staff:feedback", kwargs={**org_url_kwargs(other), "occurrence_id": ended.pk}
        )
    assert client.get(others_url).status_code == 404
