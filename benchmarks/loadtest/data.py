"""The load test's city network in `lampio_load`: spaces with bookings, offerings with times and
enrolments, and a feedback desk in every municipality, all in one database as in production.

It reuses the set-based SQL of `spaces/data.py` and `offerings/data.py` at moderate sizes. The two
generators each create municipalities, users and tokens, so the offerings part runs only its own
steps on top of the spaces part (the users and tokens of the spaces part serve both).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import psycopg
from common import db
from offerings import data as offerings_data
from spaces import data as spaces_data

DATABASE = os.environ.get("LOADTEST_DATABASE", "lampio_load")
DATABASE_URL = db.database_url(DATABASE)
INPUTS = Path(os.environ.get("LOADTEST_INPUTS", "/tmp/lampio_load_inputs.json"))  # noqa: S108

SPACE_SIZES = spaces_data.Sizes(spaces=2_000, bookings=200_000, users=3_000)
OFFERING_SIZES = offerings_data.Sizes(offerings=1_000, occurrences=20_000, users=3_000)
HOT_OCCURRENCES = 20  # times with 10 seats left: the enrolment race
HOT_SPACES = 40  # spaces whose slots many people ask for: the booking race

# The offerings generator's own organisations (not the spaces generator's "org-N" ones).
OWN_ORGANISATIONS = (
    "WHERE o.kind IN ('city_institution', 'association', 'independent_provider')",
    "WHERE o.kind IN ('city_institution', 'association', 'independent_provider')"
    " AND o.slug NOT LIKE 'org-%%'",
)


@dataclass
class Inputs:
    """What the locust users choose from; written to a JSON file the locustfile reads."""

    token_prefix: str
    today: str
    municipalities: list[str]
    spaces: list[int]
    hot_spaces: list[int]
    offerings: list[int]
    occurrences: list[int]
    hot_occurrences: list[int]
    users: list[int]
    keywords: list[str]
    categories: dict[str, list[str]]

    def save(self) -> None:
        INPUTS.write_text(json.dumps(asdict(self)))

    @classmethod
    def load(cls) -> Inputs:
        return cls(**json.loads(INPUTS.read_text()))


def connect() -> psycopg.Connection:
    return db.connect(DATABASE)


def seeded() -> bool:
    """A database with the marker table and a readable inputs file needs no new data."""
    try:
        with connect() as conn:
            row = conn.execute("SELECT to_regclass('loadtest_seeded') IS NOT NULL").fetchone()
    except psycopg.OperationalError:
        return False
    return bool(row and row[0]) and INPUTS.exists()


def _offering_steps(conn: psycopg.Connection, sizes: offerings_data.Sizes) -> None:
    venues = offerings_data.VENUES.replace(*OWN_ORGANISATIONS)
    offerings = offerings_data.OFFERINGS.replace(*OWN_ORGANISATIONS)
    assert venues != offerings_data.VENUES and offerings != offerings_data.OFFERINGS
    # The offerings generator names its venue "talo"; tie it to the offerings' own venues.
    offerings = offerings.replace(
        "JOIN spaces_venue v ON v.organisation_id = p.id",
        "JOIN spaces_venue v ON v.organisation_id = p.id AND v.slug = 'talo'",
    )
    conn.execute(offerings_data.ORGANISATIONS, {})  # a mapping, so "%%" means "%"
    conn.execute(venues, {})
    conn.execute(
        offerings,
        {
            "offerings": sizes.offerings,
            "providers": offerings_data.PROVIDERS,
            "municipalities": sizes.municipalities,
        },
    )
    for sql in (offerings_data.AUDIENCES, offerings_data.LANGUAGES, offerings_data.KEYWORDS):
        conn.execute(sql, {})
    today = conn.execute("SELECT (now() AT TIME ZONE 'Europe/Helsinki')::date").fetchone()
    assert today is not None
    conn.execute(
        offerings_data.OCCURRENCES,
        {
            "per_offering": sizes.per_offering,
            "occurrences": sizes.occurrences,
            "today": today[0],
        },
    )
    conn.execute(offerings_data.ENROLMENTS, {"regulars": sizes.users - sizes.fresh_users})


FEEDBACK_SETUP = """
from lampio.feedback.services.setup import set_up_feedback
from lampio.tenancy.models import Municipality
for city in Municipality.objects.all():
    first = city.organisations.order_by("id").first()
    set_up_feedback(municipality=city, fallback_organisation=first, open311_id=city.slug + ".fi")
"""


def _feedback_desks() -> None:
    env = {**os.environ, "DATABASE_URL": DATABASE_URL, "LAMPIO_LOG_LEVEL": "WARNING"}
    subprocess.run(  # noqa: S603 (fixed command, our own interpreter)
        [sys.executable, str(db.ROOT / "manage.py"), "shell", "-c", FEEDBACK_SETUP],
        cwd=db.ROOT,
        env=env,
        check=True,
    )


def seed() -> float:
    """Recreate, migrate and fill the database; write the inputs file. Returns seconds taken."""
    started = time.perf_counter()
    db.recreate_database(DATABASE)
    db.migrate(DATABASE)
    # The spaces generator connects to its own database by name; point it at ours.
    spaces_data.connect = lambda database=DATABASE: db.connect(DATABASE)  # type: ignore[misc]
    token_prefix, _timings = spaces_data.generate(SPACE_SIZES)
    with connect() as conn:
        _offering_steps(conn, OFFERING_SIZES)
    _feedback_desks()
    with connect() as conn:
        probe(conn, token_prefix).save()
        conn.execute("VACUUM ANALYZE")
        conn.execute("CREATE TABLE loadtest_seeded (token_prefix text)")
        conn.execute("INSERT INTO loadtest_seeded VALUES (%s)", (token_prefix,))
    return time.perf_counter() - started


BOOKABLE_SPACES = """
SELECT s.id FROM spaces_space s JOIN spaces_venue v ON v.id = s.venue_id
WHERE s.is_published AND v.is_published AND s.visibility = 'public'
  AND s.who_may_book = 'registered' AND s.price_type = 'free' ORDER BY s.id
"""

ENROLLABLE = """
SELECT c.id FROM offerings_occurrence c JOIN offerings_offering o ON o.id = c.offering_id
WHERE o.status = 'published' AND o.allows_enrolment AND c.is_public AND c.status = 'scheduled'
  AND c.starts_at > now() + interval '2 days' AND c.capacity - c.seats_taken >= 10
ORDER BY c.id
"""


def _ids(conn: psycopg.Connection, sql: str) -> list:  # type: ignore[type-arg]
    return [value for (value,) in conn.execute(sql)]


def probe(conn: psycopg.Connection, token_prefix: str) -> Inputs:
    today = conn.execute("SELECT (now() AT TIME ZONE 'Europe/Helsinki')::date").fetchone()
    assert today is not None
    spaces = _ids(conn, BOOKABLE_SPACES)
    occurrences = _ids(conn, ENROLLABLE)
    hot = occurrences[:: max(1, len(occurrences) // HOT_OCCURRENCES)][:HOT_OCCURRENCES]
    # Ten seats left in each hot time: a few seconds of load fill them, then 409s follow.
    conn.execute(
        "UPDATE offerings_occurrence SET capacity = seats_taken + 10 WHERE id = ANY(%s)", (hot,)
    )
    categories: dict[str, list[str]] = {}
    for slug, code in conn.execute(
        "SELECT m.slug, c.code FROM feedback_feedbackcategory c"
        " JOIN tenancy_municipality m ON m.id = c.municipality_id"
    ):
        categories.setdefault(slug, []).append(code)
    return Inputs(
        token_prefix=token_prefix,
        today=today[0].isoformat(),
        municipalities=_ids(conn, "SELECT slug FROM tenancy_municipality ORDER BY slug"),
        spaces=spaces,
        hot_spaces=spaces[:: max(1, len(spaces) // HOT_SPACES)][:HOT_SPACES],
        offerings=_ids(
            conn, "SELECT id FROM offerings_offering WHERE status = 'published' ORDER BY id"
        ),
        occurrences=[o for o in occurrences if o not in set(hot)],
        hot_occurrences=hot,
        users=_ids(conn, "SELECT id FROM accounts_user ORDER BY id"),
        keywords=_ids(
            conn,
            "SELECT DISTINCT k.key FROM offerings_keyword k"
            " JOIN offerings_offering_keywords ok ON ok.keyword_id = k.id ORDER BY k.key",
        ),
        categories=categories,
    )
