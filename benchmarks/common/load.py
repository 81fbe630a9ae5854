"""A small closed-loop load client: one thread and one HTTP connection per client.

Each client sends its next operation as soon as the previous one is answered (no think time),
so N clients keep N requests in flight: the latency measured includes the queueing a busy
server imposes. Only 127.0.0.1 is ever contacted; request counts and run time are bounded.
"""

from __future__ import annotations

import http.client
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    body: bytes | None = None
    token: str | None = None


@dataclass(frozen=True)
class Operation:
    """One measured unit: usually one request, or a sequence (a week of availability)."""

    tag: str
    calls: tuple[Call, ...]


@dataclass(frozen=True)
class Sample:
    tag: str
    milliseconds: float
    statuses: tuple[int, ...]
    size: int


@dataclass
class Outcome:
    samples: list[Sample] = field(default_factory=list)
    seconds: float = 0.0
    planned: int = 0  # operations asked for; fewer were sent when the time cap was reached
    failures: list[str] = field(default_factory=list)  # first few unexpected answers

    def add(self, other: Outcome) -> None:
        self.samples.extend(other.samples)
        self.failures.extend(other.failures[: max(0, 5 - len(self.failures))])


class Client:
    """http.client reuses the connection while the server keeps it open and opens a new one
    after a `Connection: close` (gunicorn's sync workers close after each answer, as they do to
    nginx in production); retry once when the server closed it between two requests."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT_SECONDS)

    def send(self, call: Call) -> tuple[int, bytes]:
        headers = {"Accept": "application/json", "Host": "127.0.0.1"}
        if call.body is not None:
            headers["Content-Type"] = "application/json"
        if call.token:
            headers["Authorization"] = f"Bearer {call.token}"
        for attempt in (1, 2):
            try:
                self.connection.request(call.method, call.path, body=call.body, headers=headers)
                response = self.connection.getresponse()
                return response.status, response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.connection.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.connection.close()


def _perform(client: Client, operation: Operation, expected: set[int], out: Outcome) -> None:
    statuses = []
    size = 0
    started = time.perf_counter()
    for call in operation.calls:
        status, body = client.send(call)
        statuses.append(status)
        size += len(body)
        if status not in expected and len(out.failures) < 5:
            path = call.path.split("?")[0]
            out.failures.append(f"{call.method} {path} -> {status} {body[:120]!r}")
    elapsed = (time.perf_counter() - started) * 1000
    out.samples.append(Sample(operation.tag, elapsed, tuple(statuses), size))


def run_clients(
    port: int,
    workloads: list[list[Operation]],
    *,
    expected: set[int],
    time_limit: float,
    make_client: Callable[[int], Client] | None = None,
) -> Outcome:
    """Run one thread per workload until each has sent all of it or the time limit passes.

    `make_client` builds each thread's connection (e.g. one that sends a session cookie).
    """
    outcomes = [Outcome() for _ in workloads]
    start = threading.Barrier(len(workloads) + 1)
    deadline = [0.0]

    def work(operations: list[Operation], out: Outcome) -> None:
        client = make_client(port) if make_client else Client(port)
        try:
            start.wait()
            for operation in operations:
                if time.monotonic() > deadline[0]:
                    break
                _perform(client, operation, expected, out)
        except Exception as error:  # one broken client must not hang or hide the run
            out.failures.append(f"client error: {error!r}")
        finally:
            client.close()

    threads = [
        threading.Thread(target=work, args=(ops, out), daemon=True)
        for ops, out in zip(workloads, outcomes, strict=True)
    ]
    for thread in threads:
        thread.start()
    deadline[0] = time.monotonic() + time_limit
    started = time.perf_counter()
    start.wait()
    for thread in threads:
        thread.join(time_limit + TIMEOUT_SECONDS)
    total = Outcome(seconds=time.perf_counter() - started, planned=sum(map(len, workloads)))
    for out in outcomes:
        total.add(out)
    return total


def run_contention(port: int, rounds: list[list[Call]], *, time_limit: float) -> Outcome:
    """Every client sends its call for round r at the same moment (a barrier per round), so
    each hot slot is requested by all clients at once and exactly one of them can win."""
    clients = len(rounds[0])
    outcomes = [Outcome() for _ in range(clients)]
    deadline = time.monotonic() + time_limit
    stop = [False]

    def check_time() -> None:
        # Runs once per round, before any client is released, so all of them see one answer.
        stop[0] = time.monotonic() > deadline

    barrier = threading.Barrier(clients, action=check_time, timeout=TIMEOUT_SECONDS)

    def work(index: int) -> None:
        client = Client(port)
        out = outcomes[index]
        try:
            for calls in rounds:
                barrier.wait()
                if stop[0]:
                    break
                _perform(client, Operation("hot slot", (calls[index],)), {201, 409}, out)
        except threading.BrokenBarrierError:
            pass
        except Exception as error:
            out.failures.append(f"client error: {error!r}")
            barrier.abort()
        finally:
            client.close()

    threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(time_limit + TIMEOUT_SECONDS)
    total = Outcome(seconds=time.perf_counter() - started, planned=len(rounds) * clients)
    for out in outcomes:
        total.add(out)
    return total
