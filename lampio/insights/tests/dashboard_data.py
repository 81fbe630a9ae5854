"""Facts for the dashboard tests, written directly (the nightly aggregation is tested on its
own): four cities over the last three full months. Oulu, Lahti and Turku have groups large
enough to show; Kemi's museum has three survey answers in one month, and Oulu one space used
twice on Sunday mornings, so "< 5" shows in the network view and in the busy-hours map."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from lampio.insights.models import Fact
from lampio.tenancy.models import Municipality, Organisation, OrganisationKind

CITIES = (("oulu", "Oulu", 3), ("lahti", "Lahti", 2), ("turku", "Turku", 1))


@dataclass
class Network:
    organisations: dict[str, Organisation]  # by city slug
    months: list[date]

    @property
    def oulu(self) -> Organisation:
        return self.organisations["oulu"]

    @property
    def kemi(self) -> Organisation:
        return self.organisations["kemi"]


def last_full_months(count: int, today: date | None = None) -> list[date]:
    month = (today or timezone.localdate()).replace(day=1)
    months = []
    for _ in range(count):
        month = (month.replace(day=1) - date.resolution).replace(day=1)
        months.append(month)
    return sorted(months)


def organisation(slug: str, name: str) -> Organisation:
    city, _ = Municipality.objects.get_or_create(slug=slug, defaults={"name_fi": name})
    return Organisation.objects.create(
        municipality=city,
        slug=f"{slug}-kulttuuri",
        name_fi=f"{name}n kulttuuripalvelut",
        name_sv=f"{name} kulturtjänster",
        kind=OrganisationKind.CITY_INSTITUTION,
    )


def fact(measure: str, month: date, org: Organisation, **fields: object) -> Fact:
    return Fact(
        measure=measure,
        month=month,
        municipality_id=org.municipality_id,
        organisation=org,
        **fields,
    )


def build_network(months: int = 3) -> Network:
    network = Network(organisations={}, months=last_full_months(months))
    facts: list[Fact] = []
    for slug, name, scale in CITIES:
        org = network.organisations[slug] = organisation(slug, name)
        for month in network.months:
            for weekday in range(5):
                for hour in (17, 18):
                    facts.append(
                        fact(
                            "space_utilisation",
                            month,
                            org,
                            weekday=weekday,
                            hour=hour,
                            space_type="gym",
                            value=scale,
                            base=4,
                            n=5 * scale,
                        )
                    )
            facts += [
                fact("bookings", month, org, weekday=0, hour=17, value=10 * scale, n=10 * scale),
                fact("enrolments", month, org, category="music", value=20 * scale, n=15 * scale),
                fact("fill_rate", month, org, value=30 * scale, base=50 * scale, n=30 * scale),
                fact("satisfaction", month, org, value=42 * scale, base=10 * scale, n=10 * scale),
                fact(
                    "feedback_response_days",
                    month,
                    org,
                    value=18 * scale,
                    base=6 * scale,
                    n=6 * scale,
                ),
            ]
    oulu = network.oulu
    facts.append(  # two bookings on Sunday mornings: a group too small to show
        fact(
            "space_utilisation",
            network.months[-1],
            oulu,
            weekday=6,
            hour=10,
            space_type="gym",
            value=1,
            base=4,
            n=2,
        )
    )
    kemi = network.organisations["kemi"] = organisation("kemi", "Kemi")
    facts.append(fact("satisfaction", network.months[-1], kemi, value=12, base=3, n=3))
    Fact.objects.bulk_create(facts)
    return network
