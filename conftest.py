"""Fixtures shared by every app's tests."""

from __future__ import annotations

import itertools
import os
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, time, timedelta
from types import SimpleNamespace

import django_ratelimit.core
import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.utils import translation

from lampio.accounts.models import User
from lampio.core import reference_lists
from lampio.offerings.models import Format, Occurrence, Offering, OfferingStatus
from lampio.spaces.models import OpeningHours, Space, SpaceType, Venue
from lampio.tenancy.models import Membership, Municipality, Organisation, OrganisationKind

PASSWORD = "Correct-horse-42"
_sequence = itertools.count(1)

# Fixtures through which a test reaches the database.
_DATABASE_FIXTURES = {"db", "transactional_db", "live_server"}


def _uses_database(item: pytest.Item) -> bool:
    if item.get_closest_marker("django_db"):
        return True
    return bool(_DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())))


def _browser_pass(item: pytest.Item) -> str:
    """The pass that runs a browser test: a stable hash of its id splits them in two halves of
    about equal time (docs/decisions/0014-test-passes.md)."""
    return "postgresql" if zlib.crc32(item.nodeid.encode()) % 2 else "sqlite"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """`make test` runs the suite on SQLite and on PostgreSQL side by side. A test that never
    touches the database proves nothing more the second time, so the PostgreSQL pass
    leaves those out (they all run in the SQLite pass), and so do tests marked
    `sqlite_pass`: slow checks of database-independent results, such as the demo's figures.
    Browser tests check pages, scripts and accessibility, not the database: each runs in one
    of the two passes, half of them on each database."""
    on_postgresql = connection.vendor == "postgresql"
    this_pass = "postgresql" if on_postgresql else "sqlite"
    # One pass on its own (make test-sqlite / test-postgres) can ask for every browser test.
    every_browser_test = os.environ.get("LAMPIO_BROWSER_TESTS") == "all"
    kept, left = [], []
    for item in items:
        if item.nodeid.startswith("tests/browser/"):
            wanted = every_browser_test or _browser_pass(item) == this_pass
        elif on_postgresql:
            wanted = _uses_database(item) and not item.get_closest_marker("sqlite_pass")
        else:
            wanted = True
        (kept if wanted else left).append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    # Rate-limit counters live in the cache; each test starts from zero. The figures cache keeps
    # copies in the process too, keyed by versions that a rolled-back test can give again.
    for alias in settings.CACHES:
        caches[alias].clear()
    # Reference lists (cities, categories) too: a rolled-back test's city must not linger.
    reference_lists.forget_all()


@pytest.fixture(autouse=True)
def _steady_rate_limit_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rate-limit windows are aligned to the clock, so a test that crossed a minute boundary
    saw its counter start again and no 429 (it happened in CI); tests run in one fixed window."""
    monkeypatch.setattr(django_ratelimit.core, "time", SimpleNamespace(time=lambda: 1.9e9))


@pytest.fixture(autouse=True)
def _default_language() -> None:
    # A request to an /en/ page leaves English active in the thread; each test starts in Finnish.
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True, scope="session")
def _private_files_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    # Session-wide, so data a module-scoped fixture stored is still there for its tests.
    with override_settings(LAMPIO_PRIVATE_MEDIA_ROOT=tmp_path_factory.mktemp("private")):
        yield


@pytest.fixture(autouse=True, scope="session")
def _jobs_run_inline() -> Iterator[None]:
    # The default backend queues jobs in the database for a worker; tests run them at once
    # (after commit, as in production), so what a job sends is visible to the test.
    immediate = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with override_settings(TASKS=immediate):
        yield


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: pytest.FixtureRequest) -> None:
    # Production hashing is slow on purpose; tests only need hashing to be correct.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    def make(email: str | None = None, **fields: object) -> User:
        email = email or f"person{next(_sequence)}@example.fi"
        user = User.objects.create_user(email=email, password=PASSWORD, **fields)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    return make


@pytest.fixture
def make_municipality(db: None) -> Callable[..., Municipality]:
    def make(slug: str | None = None, name: str | None = None) -> Municipality:
        slug = slug or f"city{next(_sequence)}"
        return Municipality.objects.create(slug=slug, name_fi=name or slug.title())

    return make


@pytest.fixture
def make_organisation(
    make_municipality: Callable[..., Municipality],
) -> Callable[..., Organisation]:
    def make(
        municipality: Municipality | None = None,
        kind: str = OrganisationKind.CITY_INSTITUTION,
        slug: str | None = None,
    ) -> Organisation:
        slug = slug or f"org{next(_sequence)}"
        return Organisation.objects.create(
            municipality=municipality or make_municipality(),
            slug=slug,
            name_fi=f"Organisaatio {slug}",
            name_sv=f"Organisation {slug}",
            kind=kind,
        )

    return make


@pytest.fixture
def make_member(make_user: Callable[..., User]) -> Callable[..., User]:
    def make(organisation: Organisation, role: str = "staff", **fields: object) -> User:
        user = make_user(**fields)
        Membership.objects.create(user=user, organisation=organisation, role=role)
        return user

    return make


@pytest.fixture
def resident(make_user: Callable[..., User]) -> User:
    return make_user(first_name="Aino", last_name="Asukas")


@pytest.fixture
def make_space(make_organisation: Callable[..., Organisation]) -> Callable[..., Space]:
    """A published space open every day 08–22 local time, bookable by any verified account."""

    def make(
        organisation: Organisation | None = None,
        opens: time = time(8),
        closes: time = time(22),
        **fields: object,
    ) -> Space:
        organisation = organisation or make_organisation()
        venue = Venue.objects.create(
            organisation=organisation,
            slug=f"venue{next(_sequence)}",
            name_fi="Kulttuuritalo",
            street_address="Kirkkokatu 1",
            postal_code="90100",
            post_office="Oulu",
            directions_fi="Sisäänkäynti sisäpihalta, ovi B.",
        )
        defaults: dict[str, object] = {
            "slug": f"space{next(_sequence)}",
            "name_fi": "Liikuntasali",
            "name_sv": "Gymnastiksal",
            "space_type": SpaceType.GYM,
            "capacity": 30,
            "closed_on_public_holidays": False,
            "booking_opens_days": 365,
        }
        defaults.update(fields)
        space = Space.objects.create(venue=venue, **defaults)
        OpeningHours.objects.bulk_create(
            OpeningHours(space=space, weekday=weekday, opens=opens, closes=closes)
            for weekday in range(7)
        )
        return space

    return make


@pytest.fixture
def make_offering(make_organisation: Callable[..., Organisation]) -> Callable[..., Offering]:
    """A published, free on-site workshop; pass `occurrences=n` for n weekly times ahead."""

    def make(
        organisation: Organisation | None = None,
        occurrences: int = 1,
        capacity: int = 20,
        **fields: object,
    ) -> Offering:
        defaults: dict[str, object] = {
            "title_fi": "Savipajan työpaja",
            "title_sv": "Lerverkstad",
            "title_en": "Clay workshop",
            "short_description_fi": "Muovaillaan savesta kuppeja.",
            "format": Format.ON_SITE,
            "location": "Kulttuuritalo, Kirkkokatu 1, Oulu",
            "status": OfferingStatus.PUBLISHED,
            "allows_group_orders": True,
        }
        defaults.update(fields)
        offering = Offering.objects.create(
            organisation=organisation or make_organisation(), **defaults
        )
        first = datetime.now(UTC).replace(hour=15, minute=0, second=0, microsecond=0)
        Occurrence.objects.bulk_create(
            Occurrence(
                offering=offering,
                starts_at=first + timedelta(days=7 * (number + 1)),
                ends_at=first + timedelta(days=7 * (number + 1), hours=2),
                capacity=capacity,
            )
            for number in range(occurrences)
        )
        return offering

    return make
