"""The measured workloads: (a) the staff inbox with filters, (b) Open311 GET requests.json.

The inbox is a signed-in HTML page, so its clients present a session cookie as a browser would;
common/load.py's client sends none, hence the small cookie-aware client and runner here (same
closed loop: one thread and one connection per client, no think time).
"""

from __future__ import annotations

import http.client
import random
import time
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from common.load import Call, Client, Operation, Outcome, run_clients

from feedback.data import Prepared

INBOX_SHAPES: list[tuple[str, dict[str, str]]] = [
    ("no filter", {}),
    ("state=open", {"state": "open"}),
    ("category", {"category": "{category}"}),
    ("open, unassigned", {"state": "open", "assignee": "none"}),
    ("age=overdue", {"age": "overdue"}),
    ("q=projektori", {"q": "projektori"}),
    ("all filters", {"state": "open", "category": "{category}", "assignee": "none",
                     "age": "overdue", "q": "projektori"}),
    ("page 3", {"state": "open", "page": "3"}),
]  # fmt: skip
OPEN311_SHAPES = ["no filter", "status=open", "service_code", "last 30 days", "20 ids"]
INBOX = "(a) staff inbox, HTML"
OPEN311 = "(b) Open311 requests.json"


class CookieClient(Client):
    """common.load.Client with the signed-in session's cookie on every request."""

    def __init__(self, port: int, cookie: str) -> None:
        super().__init__(port)
        self.cookie = cookie

    def send(self, call: Call) -> tuple[int, bytes]:
        headers = {"Host": "127.0.0.1", "Accept": "text/html,application/json"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        for attempt in (1, 2):
            try:
                self.connection.request(call.method, call.path, headers=headers)
                response = self.connection.getresponse()
                return response.status, response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.connection.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")


def run(port: int, cookie: str, workloads: list[list[Operation]], time_limit: float) -> Outcome:
    """common.load.run_clients with the signed-in cookie; every answer should be a 200."""
    return run_clients(
        port,
        workloads,
        expected={200},
        time_limit=time_limit,
        make_client=lambda client_port: CookieClient(client_port, cookie),
    )


class Workloads:
    def __init__(self, prepared: Prepared, seed: int = 13) -> None:
        self.prepared = prepared
        self.rng = random.Random(seed)  # noqa: S311 (reproducible load, not secrets)

    def inbox(self, count: int) -> list[Operation]:
        base = f"/fi/staff/{self.prepared.municipality}/{self.prepared.organisation}/feedback/"
        operations = []
        for index in range(count):
            tag, shape = INBOX_SHAPES[index % len(INBOX_SHAPES)]
            category = self.rng.choice(self.prepared.categories)
            params = {key: value.format(category=category) for key, value in shape.items()}
            path = base + ("?" + urlencode(params) if params else "")
            operations.append(Operation(f"inbox: {tag}", (Call("GET", path),)))
        return operations

    def open311(self, count: int) -> list[Operation]:
        operations = []
        for index in range(count):
            tag = OPEN311_SHAPES[index % len(OPEN311_SHAPES)]
            params = {"jurisdiction_id": self.prepared.open311_id}
            if tag == "status=open":
                params["status"] = "open"
            elif tag == "service_code":
                params["service_code"] = self.rng.choice(self.prepared.categories)
            elif tag == "last 30 days":
                start = time.time() - timedelta(days=30).total_seconds()
                params["start_date"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(start))
            elif tag == "20 ids":
                ids = self.rng.sample(self.prepared.request_ids, 20)
                params["service_request_id"] = ",".join(map(str, ids))
            path = "/open311/v2/requests.json?" + urlencode(params)
            operations.append(Operation(f"open311: {tag}", (Call("GET", path),)))
        return operations


@dataclass
class Measured:
    label: str
    clients: int
    outcome: Outcome


def split(operations: list[Operation], clients: int) -> list[list[Operation]]:
    return [operations[index::clients] for index in range(clients)]


def run_all(
    port: int, work: Workloads, *, single: int, per_client: int, clients: int, time_limit: float
) -> list[Measured]:
    """Warm the workers up, then each workload with 1 and with `clients` clients."""
    cookie = f"sessionid={work.prepared.session_key}"
    warm = work.inbox(16) + work.open311(10)
    run(port, cookie, split(warm, 4), time_limit)
    results = []
    for label, make in ((INBOX, work.inbox), (OPEN311, work.open311)):
        for many, count in ((1, single), (clients, per_client)):
            outcome = run(port, cookie, split(make(count * many), many), time_limit)
            results.append(Measured(label, many, outcome))
    return results
