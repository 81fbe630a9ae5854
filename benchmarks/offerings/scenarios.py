"""The measured workloads: (a) search, JSON and HTML, (b) enrolment, and the hot-time race.

Endpoints: `GET /api/v1/occurrences?municipality=&start=&end=&…` (lampio/offerings/api.py),
the resident page `GET /fi/offerings/?…` (lampio/offerings/views.py), and
`POST /api/v1/occurrences/{id}/enrolments` `{"seats": 1}` with a bearer token (201, or 409 when
the seats are gone).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from common.load import Call, Operation, Outcome, run_clients, run_contention

from offerings.probe import Inputs

HELSINKI = ZoneInfo("Europe/Helsinki")
AUDIENCES = ["children", "youth", "adults", "older_people", "care_units", "schools"]
FORMATS = ["on_site", "live_stream", "recording", "hybrid"]
SHAPES = ["city and week", "+ keyword", "+ audience", "+ format", "+ free", "all filters"]
WARM_UP_ENROLMENTS = 4


@dataclass(frozen=True)
class Plan:
    """How much load: operations per client with 1 and with many clients, and a time cap."""

    single: int
    per_client: int
    clients: int
    time_limit: float
    hot: int
    html: bool  # the resident search page exists (reverse("offerings:list") resolves)

    @property
    def enrolments_needed(self) -> int:
        return self.single + self.per_client * self.clients + WARM_UP_ENROLMENTS


class Workloads:
    def __init__(self, inputs: Inputs, token_prefix: str, seed: int = 11) -> None:
        self.inputs = inputs
        self.token_prefix = token_prefix
        self.rng = random.Random(seed)  # noqa: S311 (reproducible load, not secrets)
        self.next_target = 0
        self.next_user = 0

    def token(self) -> str:
        # Each enrolment comes from another person; a person enrolled twice would get a 409
        # for that, not for the seats.
        user = self.inputs.fresh_users[self.next_user % len(self.inputs.fresh_users)]
        self.next_user += 1
        return f"{self.token_prefix}{user}"

    def _filters(self, shape: str) -> tuple[dict[str, str], datetime]:
        week = datetime.combine(
            self.inputs.today + timedelta(days=self.rng.randint(0, 28)), time(), HELSINKI
        )
        params = {"municipality": self.rng.choice(self.inputs.municipalities)}
        if shape in ("+ keyword", "all filters"):
            params["keyword"] = self.rng.choice(self.inputs.keywords)
        if shape in ("+ audience", "all filters"):
            params["audience"] = self.rng.choice(AUDIENCES)
        if shape in ("+ format", "all filters"):
            params["format"] = self.rng.choice(FORMATS)
        if shape in ("+ free", "all filters"):
            params["free"] = "true"
        return params, week

    def search(self, count: int) -> list[Operation]:
        operations = []
        for index in range(count):
            shape = SHAPES[index % len(SHAPES)]
            params, week = self._filters(shape)
            params["start"] = week.isoformat()
            params["end"] = (week + timedelta(days=7)).isoformat()
            path = "/api/v1/occurrences?" + urlencode(params)
            operations.append(Operation(f"search: {shape}", (Call("GET", path),)))
        return operations

    def html_search(self, count: int) -> list[Operation]:
        """The same searches through the resident page (form fields by their own names)."""
        operations = []
        for index in range(count):
            shape = SHAPES[index % len(SHAPES)]
            params, week = self._filters(shape)
            if params.pop("free", None):
                params["price"] = "free"
            params["date_from"] = week.date().isoformat()
            params["date_to"] = (week.date() + timedelta(days=6)).isoformat()
            path = "/fi/offerings/?" + urlencode(params)
            operations.append(Operation(f"page: {shape}", (Call("GET", path),)))
        return operations

    def _enrol(self, occurrence: int, token: str) -> Call:
        body = json.dumps({"seats": 1}).encode()
        return Call("POST", f"/api/v1/occurrences/{occurrence}/enrolments", body, token)

    def enrolments(self, count: int) -> list[Operation]:
        """One seat on a distinct time with seats to spare each, so they should all succeed."""
        targets = self.inputs.targets[self.next_target : self.next_target + count]
        assert len(targets) == count, "not enough open times prepared"
        self.next_target += count
        return [Operation("enrolment", (self._enrol(t, self.token()),)) for t in targets]

    def contention(self, clients: int) -> list[list[Call]]:
        """Round r: every client asks for a seat on hot time r, each as its own person."""
        tokens = [self.token() for _ in range(clients)]
        return [[self._enrol(hot, token) for token in tokens] for hot in self.inputs.hot]


def split(operations: list[Operation], clients: int) -> list[list[Operation]]:
    return [operations[index::clients] for index in range(clients)]


@dataclass
class Measured:
    label: str
    clients: int
    outcome: Outcome


SEARCH = "(a) search, JSON API"
PAGE = "(a) search, HTML page"
ENROL = "(b) enrol one seat"


def run_all(port: int, work: Workloads, plan: Plan) -> tuple[list[Measured], Outcome]:
    """Warm the workers up, then run each workload with 1 and with `plan.clients` clients."""
    warm = work.search(24) + work.enrolments(WARM_UP_ENROLMENTS)
    if plan.html:
        warm += work.html_search(12)
    run_clients(port, split(warm, 4), expected={200, 201}, time_limit=plan.time_limit)

    kinds = [(SEARCH, work.search, {200})]
    if plan.html:
        kinds.append((PAGE, work.html_search, {200}))
    kinds.append((ENROL, work.enrolments, {201}))
    results: list[Measured] = []
    for label, make, expected in kinds:
        for clients, per_client in ((1, plan.single), (plan.clients, plan.per_client)):
            outcome = run_clients(
                port,
                split(make(per_client * clients), clients),
                expected=expected,
                time_limit=plan.time_limit,
            )
            results.append(Measured(label, clients, outcome))
    race = run_contention(port, work.contention(plan.clients), time_limit=plan.time_limit)
    return results, race
