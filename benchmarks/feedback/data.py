"""100,000 feedback messages in a fresh PostgreSQL database, written with the ORM's bulk_create.

One municipality takes feedback through five organisations (a desk, a library, a culture house,
a music centre, a museum), with the default states and categories of `set_up_feedback`. Messages
are spread over two years: recent ones mostly open, older ones mostly answered or closed, a few
old ones still open (overdue); about 8 % are published, a third carry a place, half of the
handled ones an assignee. Due dates come from the real working-day rule (Finnish holidays).
The timeline gets a "sent" event for each message and the answer for each answered one, by
set-based SQL. Django runs in this process on the benchmark's database (see `setup_django`).
"""

from __future__ import annotations

import os
import random
import secrets
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from common import db

DATABASE = "lampio_bench_feedback"
DATABASE_URL = db.database_url(DATABASE)
BATCH = 5_000
DAYS = 730

# (slug, Finnish name, share of the messages)
ORGANISATIONS = [
    ("palaute", "Palautepalvelu", 0.10),
    ("kirjasto", "Kaupunginkirjasto", 0.40),
    ("kulttuuritalo", "Kulttuuritalo", 0.25),
    ("musiikkitalo", "Musiikkitalo", 0.15),
    ("museo", "Kaupunginmuseo", 0.10),
]
MEASURED = "kirjasto"  # the inbox under load: the biggest one
THINGS = ["Projektori", "Salin valaistus", "Kokoushuoneen ovi", "Hissi", "Äänentoisto",
          "Ilmanvaihto", "Verkkolähetys", "Varauskalenteri", "Naulakko", "WC"]  # fmt: skip
PROBLEMS = ["ei toimi", "pitää outoa ääntä", "on rikki jo toista viikkoa", "oli kylmä",
            "katkeili koko illan", "ei auennut ajoissa", "toimi hienosti, kiitos"]  # fmt: skip
PLACES = ["pääkirjastossa", "Pikisaaren salissa", "nuorisotalolla", "musiikkitalon aulassa",
          "lukusalissa", "kokoushuone 2:ssa"]  # fmt: skip


@dataclass(frozen=True)
class Prepared:
    municipality: str
    organisation: str
    open311_id: str
    session_key: str
    categories: list[str]
    request_ids: list[int]
    feedback: int
    events: int


def setup_django() -> None:
    os.environ["DATABASE_URL"] = DATABASE_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lampio.settings")
    os.environ.setdefault("LAMPIO_LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(db.ROOT))
    import django

    django.setup()


def _state(rng: random.Random, age: float) -> str:
    roll = rng.random()
    if age < 3:
        return "received" if roll < 0.8 else "in-progress"
    if age < 14:
        return ("received", "in-progress", "answered", "closed")[
            (roll >= 0.2) + (roll >= 0.5) + (roll >= 0.9)
        ]
    return ("received", "in-progress", "answered", "closed")[
        (roll >= 0.02) + (roll >= 0.05) + (roll >= 0.30)
    ]


def generate(total: int, seed: int = 7) -> tuple[Prepared, dict[str, float]]:
    """Fill the migrated database; return what the load needs and seconds per step."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection
    from django.utils import timezone

    from lampio.accounts.models import User
    from lampio.core.workdays import working_days_deadline
    from lampio.feedback.models import Feedback, FeedbackCategory, FeedbackState
    from lampio.feedback.services.setup import set_up_feedback
    from lampio.tenancy.models import Membership, Municipality, Organisation, Role

    rng = random.Random(seed)  # noqa: S311 (reproducible data, not secrets)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    city = Municipality.objects.create(slug="penkkila", name_fi="Penkkilä")
    organisations = [
        Organisation.objects.create(municipality=city, slug=slug, name_fi=name)
        for slug, name, _share in ORGANISATIONS
    ]
    set_up_feedback(
        municipality=city, fallback_organisation=organisations[0], open311_id="penkkila.fi"
    )
    categories = list(FeedbackCategory.objects.filter(municipality=city))
    states = {state.slug: state for state in FeedbackState.objects.filter(municipality=city)}
    staff = []
    for number, organisation in enumerate(organisations):
        for person in range(4):
            user = User.objects.create(
                email=f"staff{number}-{person}@bench.example", first_name=f"S{number}-{person}"
            )
            Membership.objects.create(user=user, organisation=organisation, role=Role.ADMIN)
            staff.append((organisation.pk, user.pk))
    measured = organisations[[slug for slug, *_ in ORGANISATIONS].index(MEASURED)]
    timings["set-up"] = time.perf_counter() - started

    started = time.perf_counter()
    now = timezone.now()
    deadlines: dict[tuple[date, int], datetime] = {}
    weights = [share for *_rest, share in ORGANISATIONS]
    rows: list[Feedback] = []
    for _index in range(total):
        organisation = rng.choices(organisations, weights)[0]
        category = rng.choice(categories)
        age = DAYS * rng.random() ** 1.3  # more recent messages than old ones
        sent = now - timedelta(days=age)
        key = (sent.date(), category.response_days)
        if key not in deadlines:
            deadlines[key] = working_days_deadline(sent, category.response_days)
        slug = _state(rng, age)
        handled = slug != "received"
        answered = None
        if slug in ("answered", "closed"):
            answered = sent + timedelta(days=rng.uniform(0.2, 8))
        public = rng.random() < 0.3
        spot = Decimal(rng.randint(0, 999)) / 10000 if rng.random() < 0.33 else None
        text = f"{rng.choice(THINGS)} {rng.choice(PROBLEMS)} {rng.choice(PLACES)}."
        colleagues = [user for org, user in staff if org == organisation.pk]
        rows.append(
            Feedback(
                municipality=city,
                organisation=organisation,
                category=category,
                state=states[slug],
                tracking_token=secrets.token_urlsafe(18),
                text=text,
                language=rng.choice(("fi", "fi", "fi", "sv", "en")),
                latitude=Decimal("65.0121") + spot if spot is not None else None,
                longitude=Decimal("25.4651") + spot if spot is not None else None,
                address=rng.choice(PLACES) if spot is not None else "",
                wants_public=public,
                is_published=public and answered is not None and rng.random() < 0.85,
                assignee_id=rng.choice(colleagues) if handled and rng.random() < 0.5 else None,
                submitted_at=sent,
                due_at=deadlines[key],
                answered_at=answered,
                closed_at=answered + timedelta(days=1) if answered and slug == "closed" else None,
            )
        )
        if len(rows) == BATCH:
            Feedback.objects.bulk_create(rows)
            rows = []
    Feedback.objects.bulk_create(rows)
    timings[f"{total:,} feedback (bulk_create)"] = time.perf_counter() - started

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO feedback_feedbackevent (feedback_id, kind, text, created_at)"
            " SELECT id, 'submitted', '', submitted_at FROM feedback_feedback"
        )
        cursor.execute(
            "INSERT INTO feedback_feedbackevent (feedback_id, kind, text, state_id, created_at)"
            " SELECT id, 'reply', 'Kiitos palautteesta! Asia on korjattu.', state_id,"
            " answered_at FROM feedback_feedback WHERE answered_at IS NOT NULL"
        )
        cursor.execute("SELECT count(*) FROM feedback_feedbackevent")
        events = cursor.fetchone()[0]
    timings["events (SQL)"] = time.perf_counter() - started

    user = User.objects.get(email="staff1-0@bench.example")
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    ids = list(Feedback.objects.order_by("?").values_list("pk", flat=True)[:200])
    started = time.perf_counter()
    with db.connect(DATABASE) as conn:
        conn.execute("VACUUM ANALYZE")
    timings["VACUUM ANALYZE"] = time.perf_counter() - started
    return (
        Prepared(
            municipality=city.slug,
            organisation=measured.slug,
            open311_id="penkkila.fi",
            session_key=str(session.session_key),
            categories=[category.code for category in categories],
            request_ids=ids,
            feedback=Feedback.objects.count(),
            events=events,
        ),
        timings,
    )
