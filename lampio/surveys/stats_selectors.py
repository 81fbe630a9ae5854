"""Grouped reads for the network's statistics (lampio.insights): visitor-survey answers summed
per organisation, age group and home municipality, and answers of questionnaire rounds counted
per organisation, question and value."""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import Count, QuerySet, Sum

from lampio.surveys.models import Answer, Submission, VisitorResponse

# (organisation, municipality, age group, home municipality) -> (sum of overall grades, answers)
Answers = dict[tuple[int, int, str, str], tuple[int, int]]


def answers(first: date, last: date) -> Answers:
    """Answers given on the days `first`..`last`."""
    rows = (
        VisitorResponse.objects.filter(answered_on__gte=first, answered_on__lte=last)
        .order_by()
        .values(
            "organisation_id", "organisation__municipality_id", "age_group", "home_municipality"
        )
        .annotate(total=Sum("overall"), n=Count("id"))
    )
    return {
        (
            row["organisation_id"],
            row["organisation__municipality_id"],
            row["age_group"],
            row["home_municipality"],
        ): (row["total"] or 0, row["n"])
        for row in rows
    }


# Questionnaire rounds (lampio.insights.survey_results): counts only, never answer rows, so
# that what leaves this app is already grouped by organisation; insights suppresses small
# groups before anything is shown.

# (round, municipality, organisation, question key, row key, value) -> people who gave it
ValueCounts = dict[tuple[int, int, int, str, str, str], int]
# (round, municipality, organisation, question key) -> people who answered the question
Respondents = dict[tuple[int, int, int, str], int]
# (round, municipality, organisation) -> submissions
Submissions = dict[tuple[int, int, int], int]


def _answers_of(round_ids: Iterable[int]) -> QuerySet[Answer]:
    return Answer.objects.filter(submission__round_id__in=list(round_ids)).order_by()


# Where each submission answered from: its round, municipality and organisation.
_SLICE = (
    "submission__round_id",
    "submission__organisation__municipality_id",
    "submission__organisation_id",
)


def _submissions_per(answers: QuerySet[Answer], *fields: str) -> dict[tuple[Any, ...], int]:
    """Distinct submissions among `answers`, grouped by `fields` (keys in that order)."""
    rows = answers.values(*fields).annotate(n=Count("submission", distinct=True))
    return {tuple(row[name] for name in fields): row["n"] for row in rows}


def round_value_counts(round_ids: Iterable[int]) -> ValueCounts:
    """How many submissions gave each value (a choice, a step, a number; per matrix row)."""
    answers = _answers_of(round_ids).exclude(value="")
    return _submissions_per(answers, *_SLICE, "question__key", "row_key", "value")


def round_respondents(round_ids: Iterable[int]) -> Respondents:
    """How many submissions answered each question at all (any row, option or text)."""
    answers = _answers_of(round_ids).exclude(value="", text="")
    return _submissions_per(answers, *_SLICE, "question__key")


def round_submissions(round_ids: Iterable[int]) -> Submissions:
    """How many submissions each organisation's link received in each round."""
    rows = (
        Submission.objects.filter(round_id__in=list(round_ids))
        .order_by()
        .values("round_id", "organisation__municipality_id", "organisation_id")
        .annotate(n=Count("id"))
    )
    return {
        (row["round_id"], row["organisation__municipality_id"], row["organisation_id"]): row["n"]
        for row in rows
    }


def organisation_free_texts(*, round_id: int, organisation_id: int, question_key: str) -> list[str]:
    """One organisation's free-text answers to one question, in random order and without
    dates, so that the order of the list cannot be matched with who answered when. The caller
    shows them only to that organisation's own staff, and only when its group is published."""
    texts = list(
        Answer.objects.filter(
            submission__round_id=round_id,
            submission__organisation_id=organisation_id,
            question__key=question_key,
        )
        .exclude(text="")
        .values_list("text", flat=True)
    )
    random.SystemRandom().shuffle(texts)
    return texts
