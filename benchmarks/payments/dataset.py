"""The payments benchmark's own database and the small city it sells in.

A fresh PostgreSQL database `lampio_bench_payments` (dropped, recreated, migrated), Django set
up in this process as a request or job worker would run it, and one city written with the ORM:
a seller with paid spaces open every day, an association whose members pay by invoice, a school
that uses one space free of charge, and a second seller whose invoice rows are exported.
"""

from __future__ import annotations

import os
import sys
import time as clock
from dataclasses import dataclass
from datetime import time
from decimal import Decimal
from typing import Any

from common import db

DATABASE = "lampio_bench_payments"


def build() -> float:
    """Drop, recreate and migrate the database; return the seconds it took."""
    started = clock.perf_counter()
    db.recreate_database(DATABASE)
    db.migrate(DATABASE)
    return clock.perf_counter() - started


def setup_django() -> None:
    os.environ["DATABASE_URL"] = db.database_url(DATABASE)
    os.environ["DJANGO_SETTINGS_MODULE"] = "lampio.settings"
    os.environ["DJANGO_DEBUG"] = "0"  # DEBUG would keep every query in memory
    os.environ.setdefault("LAMPIO_LOG_LEVEL", "WARNING")
    os.environ.setdefault("LAMPIO_RATELIMIT", "0")
    os.environ.pop("LAMPIO_TASKS_BACKEND", None)  # jobs are enqueued (INSERT), not run
    sys.path.insert(0, str(db.ROOT))
    import django

    django.setup()
    from django.urls import get_resolver

    # Messages and return URLs reverse() their links; load the URLconf before timing.
    get_resolver().url_patterns  # noqa: B018
    get_resolver().reverse_dict  # noqa: B018


@dataclass
class City:
    seller: Any  # Organisation
    association: Any
    school: Any
    spaces: list[Any]  # Space
    people: list[Any]  # User, members of the association
    export_seller: Any
    export_admin: Any  # User


def populate(*, spaces: int, people: int) -> City:
    from allauth.account.models import EmailAddress

    from lampio.accounts.models import User
    from lampio.payments.models import FreeOfCharge, PriceRule, SellerSettings
    from lampio.spaces.models import OpeningHours, PriceType, Space, SpaceType, Venue
    from lampio.tenancy.models import Membership, Municipality, Organisation, OrganisationKind

    city = Municipality.objects.create(slug="penkki", name_fi="Penkkilä")

    def organisation(slug: str, kind: str) -> Organisation:
        return Organisation.objects.create(
            municipality=city, slug=slug, name_fi=slug.title(), kind=kind
        )

    seller = organisation("kulttuuri", OrganisationKind.CITY_INSTITUTION)
    association = organisation("tanssiseura", OrganisationKind.ASSOCIATION)
    school = organisation("koulu", OrganisationKind.SCHOOL)
    export_seller = organisation("musiikkitalo", OrganisationKind.CITY_INSTITUTION)
    for owner in (seller, export_seller):
        SellerSettings.objects.create(
            organisation=owner, business_id="0187412-1", on_site_enabled=True
        )
    venue = Venue.objects.create(
        organisation=seller,
        slug="talo",
        name_fi="Kulttuuritalo",
        street_address="Kirkkokatu 1",
        postal_code="90100",
        post_office="Penkkilä",
    )
    made = Space.objects.bulk_create(
        Space(
            venue=venue,
            slug=f"sali-{index}",
            name_fi=f"Sali {index}",
            space_type=SpaceType.HALL,
            capacity=40,
            price_type=PriceType.PER_HOUR,
            price=Decimal("20.00"),
            closed_on_public_holidays=False,
            booking_opens_days=365,
        )
        for index in range(spaces)
    )
    OpeningHours.objects.bulk_create(
        OpeningHours(space=space, weekday=weekday, opens=time(7), closes=time(23))
        for space in made
        for weekday in range(7)
    )
    PriceRule.objects.bulk_create(
        PriceRule(
            organisation=seller,
            space=space,
            group=group,
            basis="per_hour",
            amount=Decimal(amount),
            vat_rate=Decimal("0.0"),
            valid_from=valid_from,
        )
        for space in made
        for group, amount, valid_from in (
            ("reduced", "12.00", "2020-01-01"),
            ("association", "10.00", "2020-01-01"),
            ("company", "30.00", "2020-01-01"),
            ("adult", "22.00", "2040-01-01"),  # a later price list, not yet in force
        )
    )
    FreeOfCharge.objects.create(seller=seller, beneficiary=school, space=made[0])
    users = User.objects.bulk_create(
        User(email=f"jasen{index}@example.fi", first_name="Jäsen", last_name=str(index))
        for index in range(people)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
    )
    Membership.objects.bulk_create(
        Membership(user=user, organisation=association, role="viewer") for user in users
    )
    export_admin = User.objects.create(email="kassa@example.fi")
    Membership.objects.create(user=export_admin, organisation=export_seller, role="admin")
    return City(
        seller=seller,
        association=association,
        school=school,
        spaces=list(made),
        people=list(users),
        export_seller=export_seller,
        export_admin=export_admin,
    )
