"""Profile the benchmarks' hot requests in-process: time, SQL queries and a cProfile summary.

Not run by `make bench` (its name does not start with `bench_`): a tool for finding where a
request's CPU goes. It runs the full Django handler (every middleware, django-ninja, pydantic)
through the test Client against a benchmark database that `bench_spaces.py`,
`bench_offerings.py` or `bench_insights.py` has built, so the figures are per request without
gunicorn or queueing.
Writes (a booking, an enrolment) run inside a transaction that is rolled back, so the database
stays as the benchmark left it.

    .venv/bin/python benchmarks/profile_requests.py spaces [--profile 'search: text'] [-n 50]
    .venv/bin/python benchmarks/profile_requests.py offerings
    .venv/bin/python benchmarks/profile_requests.py insights --profile 'network view'
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
DATABASES = {
    "spaces": "lampio_bench",
    "offerings": "lampio_bench_offerings",
    "insights": "lampio_bench_insights_spaces",  # built by bench_insights.py
}
HELSINKI = ZoneInfo("Europe/Helsinki")
PROFILE_TOKEN = "lmp_profile_requests_token"  # noqa: S105 (a local benchmark database only)


def setup(database: str) -> None:
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lampio.settings")
    os.environ.setdefault("DJANGO_DEBUG", "0")
    os.environ.setdefault("LAMPIO_LOG_LEVEL", "WARNING")
    os.environ.setdefault("LAMPIO_RATELIMIT", "0")
    os.environ.setdefault("DATABASE_CONN_MAX_AGE", "60")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def token_for(user_id: int) -> str:
    """A bearer token for `user_id`, stored hashed as the application stores its own."""
    from django.utils import timezone

    from lampio.accounts.models import ApiToken
    from lampio.accounts.services import hash_token

    key = f"{PROFILE_TOKEN}_{user_id}"
    ApiToken.objects.update_or_create(
        key_hash=hash_token(key),
        defaults={"user_id": user_id, "expires_at": timezone.now() + timedelta(days=1)},
    )
    return key


def one_row(sql: str) -> Any:
    return rows(sql)[0]


def rows(sql: str) -> list[Any]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


def bearers() -> list[dict[str, str]]:
    """Headers for 200 different people: one person's limits never refuse a request."""
    users = rows("SELECT id FROM accounts_user WHERE is_active ORDER BY id DESC LIMIT 200")
    return [{"HTTP_AUTHORIZATION": f"Bearer {token_for(user)}"} for (user,) in users]


def spaces_requests() -> dict[str, Callable[[Any, int], Any]]:
    municipality = one_row("SELECT slug FROM tenancy_municipality ORDER BY id LIMIT 1")[0]
    bookable = (
        "SELECT s.id FROM spaces_space s WHERE s.is_published AND s.visibility = 'public'"
        " AND s.who_may_book = 'registered' AND NOT s.requires_handling"
    )
    space = one_row(f"{bookable} AND s.price_type = 'free' ORDER BY s.id LIMIT 1")[0]
    paid_space = one_row(f"{bookable} AND s.price_type <> 'free' ORDER BY s.id LIMIT 1")[0]
    people = bearers()
    day = datetime.now(HELSINKI).date() + timedelta(days=3)
    free_from = datetime(day.year, day.month, day.day, 12, tzinfo=HELSINKI)
    base = f"/api/v1/spaces?municipality={municipality}"

    def booking(space_id: int) -> Callable[[Any, int], Any]:
        def send(client: Any, i: int) -> Any:
            # A late hour of a day far ahead: free unless the benchmark booked it.
            starts = datetime(day.year, day.month, day.day, 7, tzinfo=HELSINKI) + timedelta(
                days=20 + i // 15, hours=i % 15
            )
            body = {
                "space_id": space_id,
                "starts_at": starts.isoformat(),
                "ends_at": (starts + timedelta(hours=1)).isoformat(),
                "purpose": "Profilointi",
                "attendees": 4,
            }
            headers = people[i % len(people)]
            return client.post("/api/v1/bookings", body, content_type="application/json", **headers)

        return send

    return {
        "healthz": lambda c, i: c.get("/healthz"),
        "search: municipality": lambda c, i: c.get(base),
        "search: type+capacity": lambda c, i: c.get(f"{base}&type=gym&min_capacity=20"),
        "search: text": lambda c, i: c.get(f"{base}&q=koulu"),
        "search: free time": lambda c, i: c.get(
            f"{base}&free_from={free_from.isoformat().replace('+', '%2B')}"
            f"&free_to={(free_from + timedelta(hours=2)).isoformat().replace('+', '%2B')}"
        ),
        "availability: week": lambda c, i: c.get(
            f"/api/v1/spaces/{space}/availability?date={day.isoformat()}&days=7"
        ),
        "booking": booking(space),
        "booking: paid": booking(paid_space),
    }


def offerings_requests() -> dict[str, Callable[[Any, int], Any]]:
    municipality = one_row("SELECT slug FROM tenancy_municipality ORDER BY id LIMIT 1")[0]
    week = datetime.now(HELSINKI).replace(hour=0, minute=0, second=0, microsecond=0)
    span = (
        f"&start={week.isoformat().replace('+', '%2B')}"
        f"&end={(week + timedelta(days=7)).isoformat().replace('+', '%2B')}"
    )
    base = f"/api/v1/occurrences?municipality={municipality}{span}"
    open_time = (
        "SELECT o.id FROM offerings_occurrence o JOIN offerings_offering f ON f.id = o.offering_id"
        " WHERE o.starts_at > now() + interval '2 days' AND o.capacity - o.seats_taken > 100"
    )
    free = one_row(f"{open_time} AND f.is_free ORDER BY o.id DESC LIMIT 1")[0]
    paid = one_row(f"{open_time} AND NOT f.is_free AND f.price > 0 ORDER BY o.id DESC LIMIT 1")[0]
    people = bearers()

    def enrol(occurrence: int) -> Callable[[Any, int], Any]:
        def send(client: Any, i: int) -> Any:
            return client.post(
                f"/api/v1/occurrences/{occurrence}/enrolments",
                {"seats": 1},
                content_type="application/json",
                **people[i % len(people)],
            )

        return send

    return {
        "healthz": lambda c, i: c.get("/healthz"),
        "search: city and week": lambda c, i: c.get(base),
        "search: + free": lambda c, i: c.get(f"{base}&free=true"),
        "search: + audience": lambda c, i: c.get(f"{base}&audience=children"),
        "page: city and week": lambda c, i: c.get(
            f"/fi/offerings/?municipality={municipality}&date_from={week.date().isoformat()}"
            f"&date_to={(week + timedelta(days=6)).date().isoformat()}"
        ),
        "enrolment": enrol(free),
        "enrolment: paid": enrol(paid),
    }


def insights_requests() -> dict[str, Callable[[Any, int], Any]]:
    """The dashboards as a network admin (the first user, made one by bench_insights.py)."""
    municipality, organisation = one_row(
        "SELECT m.slug, o.slug FROM tenancy_organisation o"
        " JOIN tenancy_municipality m ON m.id = o.municipality_id"
        " WHERE EXISTS (SELECT 1 FROM spaces_venue v WHERE v.organisation_id = o.id)"
        " ORDER BY o.id LIMIT 1"
    )
    admin = one_row("SELECT id FROM accounts_user WHERE is_network_admin ORDER BY id LIMIT 1")[0]

    def page(path: str) -> Callable[[Any, int], Any]:
        def send(client: Any, i: int) -> Any:
            if i == 0:  # the warm-up, in each kind's transaction (rolled back with its session)
                from lampio.accounts.models import User

                client.force_login(User.objects.get(pk=admin))
            return client.get(path)

        return send

    return {
        "healthz": lambda c, i: c.get("/healthz"),
        "network view": page("/fi/staff/insights/network/"),
        "organisation dashboard": page(f"/fi/staff/{municipality}/{organisation}/insights/"),
        "explorer": page("/fi/staff/insights/measures/space_utilisation/?by=weekday"),
    }


def measure(
    requests: dict[str, Callable[[Any, int], Any]], repeat: int, profile: str | None
) -> None:
    from django.db import connection, transaction
    from django.test import Client, TestCase
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'request':<28} {'status':>6} {'queries':>7} {'ms/req':>8}  (n={repeat})")
    for name, send in requests.items():
        with transaction.atomic():  # writes are undone: the database stays as built
            send(client, 0)  # warm up
            with CaptureQueriesContext(connection) as queries:
                response = send(client, 1)
            # Read now: the next request's request_started signal empties the log.
            sql = [(query["time"], query["sql"]) for query in queries.captured_queries]
            profiler = cProfile.Profile() if name == profile else None
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            for i in range(repeat):
                # Run what a commit would (the booking's email): the rollback would skip it.
                with TestCase.captureOnCommitCallbacks(execute=True):
                    send(client, 2 + i)
            if profiler:
                profiler.disable()
            elapsed = (time.perf_counter() - started) * 1000 / repeat
            transaction.set_rollback(True)
        moved = f" → {response['Location']}" if response.status_code in (301, 302) else ""
        print(f"{name:<28} {response.status_code:>6} {len(sql):>7} {elapsed:>8.2f}{moved}")
        if os.environ.get("SHOW_SQL") == name:
            for seconds, text in sql:
                print("   ", seconds, text if os.environ.get("FULL_SQL") else text[:400])
        if profiler:
            out = io.StringIO()
            # PROFILE_SORT=tottime shows where the time is spent rather than under what.
            order = os.environ.get("PROFILE_SORT", "cumulative")
            stats = pstats.Stats(profiler, stream=out).sort_stats(order)
            # PROFILE_ONLY='lampio/' keeps our own functions (a regular expression on the path).
            stats.print_stats(*filter(None, [os.environ.get("PROFILE_ONLY")]), 45)
            if os.environ.get("PROFILE_CALLERS"):  # who calls the functions matching it
                stats.print_callers(os.environ["PROFILE_CALLERS"])
            print(out.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("benchmark", choices=sorted(DATABASES))
    parser.add_argument("-n", type=int, default=30, help="requests per kind")
    parser.add_argument("--profile", help="cProfile this request kind (its name as printed)")
    args = parser.parse_args()
    if args.benchmark == "insights":
        os.environ.setdefault("LAMPIO_STAFF_MFA", "0")  # the staff pages then need the session
    setup(DATABASES[args.benchmark])
    make = {
        "spaces": spaces_requests,
        "offerings": offerings_requests,
        "insights": insights_requests,
    }[args.benchmark]
    measure(make(), args.n, args.profile)


if __name__ == "__main__":
    main()
