"""Grouped reads for the network's statistics (lampio.insights): visitor-survey answers summed
per organisation, age group and home municipality."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Sum

from lampio.surveys.models import VisitorResponse

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
