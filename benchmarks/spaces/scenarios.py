"""The measured workloads: (a) search, (b) availability, (c) booking, and the hot-slot race.

Endpoints (lampio/bookings/api.py): `GET /api/v1/spaces?…`, `GET /api/v1/spaces/{id}/
availability?date=` (one local day, or a week with `&days=7` in one request) and
`POST /api/v1/bookings` with a bearer token.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from spaces.load import Call, Operation, Outcome, run_clients, run_contention
from spaces.probe import Inputs, Slot, bookable_days, local_start

# Space types with the Finnish word their names carry, so "all filters" asks for things that
# exist (a gym called "sauna" would always come back empty and cost less than a real search).
TYPE_WORDS = {
    "hall": "juhlasali",
    "gym": "liikuntasali",
    "classroom": "luokka",
    "studio": "studio",
    "meeting_room": "kokoushuone",
    "music_room": "musiikkihuone",
    "sauna": "sauna",
    "cabin": "kota",
}
SEARCH_WORDS = [*TYPE_WORDS.values(), "kirjasto", "koulu", "nuorisotalo"]
CAPACITIES = [10, 20, 30, 50, 100]


@dataclass(frozen=True)
class Plan:
    """How much load: operations per client with 1 and with many clients, and a time cap."""

    single: int
    per_client: int
    clients: int
    time_limit: float
    hot_slots: int

    @property
    def bookings_needed(self) -> int:
        return self.single + self.per_client * self.clients + WARM_UP_BOOKINGS


WARM_UP_BOOKINGS = 4


class Workloads:
    def __init__(self, inputs: Inputs, token_prefix: str, seed: int = 11) -> None:
        self.inputs = inputs
        self.token_prefix = token_prefix
        self.rng = random.Random(seed)  # noqa: S311 (reproducible load, not secrets)
        self.days = bookable_days(inputs.today, 1, 29)
        self.next_slot = 0
        self.next_user = 0

    def token(self) -> str:
        # Each booking request comes from another person, as in a city (one person's limit of
        # upcoming bookings per space is never what refuses a request here).
        user = self.inputs.users[self.next_user % len(self.inputs.users)]
        self.next_user += 1
        return f"{self.token_prefix}{user}"

    def search(self, count: int) -> list[Operation]:
        shapes = ["municipality", "type+capacity", "text", "free time", "all filters"]
        operations = []
        for index in range(count):
            shape = shapes[index % len(shapes)]
            params: dict[str, str] = {"municipality": self.rng.choice(self.inputs.municipalities)}
            space_type = self.rng.choice(list(TYPE_WORDS))
            if shape in ("type+capacity", "all filters"):
                params["type"] = space_type
                params["min_capacity"] = str(self.rng.choice(CAPACITIES))
            if shape == "text":
                params["q"] = self.rng.choice(SEARCH_WORDS)
            if shape == "all filters":
                params["q"] = TYPE_WORDS[space_type]
            if shape in ("free time", "all filters"):
                starts = local_start(self.rng.choice(self.days), self.rng.randint(8, 20))
                params["free_from"] = starts.isoformat()
                params["free_to"] = (starts + timedelta(hours=2)).isoformat()
            path = "/api/v1/spaces?" + urlencode(params)
            operations.append(Operation(f"search: {shape}", (Call("GET", path),)))
        return operations

    def _day_call(self, space: int, offset: int, first: int) -> Call:
        day = self.inputs.today + timedelta(days=first + offset)
        return Call("GET", f"/api/v1/spaces/{space}/availability?date={day.isoformat()}")

    def availability_day(self, count: int) -> list[Operation]:
        return [
            Operation(
                "availability: day",
                (self._day_call(self.rng.choice(self.inputs.spaces), 0, self.rng.randint(0, 29)),),
            )
            for _ in range(count)
        ]

    def availability_week(self, count: int) -> list[Operation]:
        """A week view: one request for seven days (`days=7`), as the resident pages do."""
        operations = []
        for _ in range(count):
            space, first = self.rng.choice(self.inputs.spaces), self.rng.randint(0, 23)
            day = self.inputs.today + timedelta(days=first)
            path = f"/api/v1/spaces/{space}/availability?date={day.isoformat()}&days=7"
            operations.append(Operation("availability: week", (Call("GET", path),)))
        return operations

    def _booking_call(self, slot: Slot, token: str) -> Call:
        space, starts = slot
        body = {
            "space_id": space,
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=1)).isoformat(),
            "purpose": "Kuoroharjoitus",
            "attendees": 4,
        }
        return Call("POST", "/api/v1/bookings", json.dumps(body).encode(), token)

    def bookings(self, count: int) -> list[Operation]:
        """Requests for distinct free slots, so nearly all of them should succeed."""
        slots = self.inputs.slots[self.next_slot : self.next_slot + count]
        assert len(slots) == count, "not enough free slots prepared"
        self.next_slot += count
        return [Operation("booking", (self._booking_call(slot, self.token()),)) for slot in slots]

    def contention(self, clients: int) -> list[list[Call]]:
        """Round r: every client asks for hot slot r, each as its own person."""
        tokens = [self.token() for _ in range(clients)]
        return [
            [self._booking_call(slot, token) for token in tokens] for slot in self.inputs.hot_slots
        ]


def split(operations: list[Operation], clients: int) -> list[list[Operation]]:
    return [operations[index::clients] for index in range(clients)]


@dataclass
class Measured:
    label: str
    clients: int
    outcome: Outcome


def run_all(port: int, work: Workloads, plan: Plan) -> tuple[list[Measured], Outcome]:
    """Warm the workers up, then run each workload with 1 and with `plan.clients` clients."""
    warm = work.search(20) + work.availability_day(20) + work.bookings(WARM_UP_BOOKINGS)
    run_clients(port, split(warm, 4), expected={200, 201}, time_limit=plan.time_limit)

    results: list[Measured] = []
    kinds = [
        ("(a) search with filters", work.search, {200}, 1),
        ("(b) availability, one day", work.availability_day, {200}, 1),
        ("(b) availability, a week", work.availability_week, {200}, 1),
        ("(c) create a booking", work.bookings, {201, 409}, 1),
    ]
    for label, make, expected, divisor in kinds:
        for clients, per_client in ((1, plan.single), (plan.clients, plan.per_client)):
            count = max(1, per_client // divisor) * clients
            outcome = run_clients(
                port, split(make(count), clients), expected=expected, time_limit=plan.time_limit
            )
            results.append(Measured(label, clients, outcome))
    race = run_contention(port, work.contention(plan.clients), time_limit=plan.time_limit)
    return results, race
