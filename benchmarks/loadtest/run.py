"""Issue #15's load test: residents browsing, searching, booking, enrolling and sending feedback,
driven by locust against the production web server, PostgreSQL and Redis on loopback.

    .venv/bin/python benchmarks/loadtest/run.py                     # 10 minutes at 20 users
    .venv/bin/python benchmarks/loadtest/run.py --find-rate         # step ramp, then the full run
    .venv/bin/python benchmarks/loadtest/run.py --duration 3m --fault pg-restart

The server is what `deploy/systemd/lampio-web@.service` runs: gunicorn with
`deploy/gunicorn.conf.py` (sync workers, one more than the cores; `--processes` sets another
number) and LAMPIO_TRUSTED_PROXIES=127.0.0.1, as behind nginx. `--server daphne` runs the
earlier shape instead, one daphne per process on ports of their own (decision 0020 compares
them). Production settings: DJANGO_DEBUG=0, Redis for the cache and the rate limits (database
5, flushed first), DATABASE_CONN_MAX_AGE as the units set it (60 for gunicorn, 0 for daphne).
The rate limits stay on at their production values: every request carries an X-Forwarded-For
address of its own (a city's many residents), so limits meant for one person never refuse the
crowd, but their Redis round trips are measured.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import redis

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common.db import ROOT
from common.server import GUNICORN_CONFIG, Server, _healthy, free_port
from common.stats import print_server_errors

from loadtest import data, report

REDIS_URL = os.environ.get("LOADTEST_REDIS_URL", "redis://127.0.0.1:6379/5")
P95_TARGET_MS = 300
HERE = Path(__file__).resolve().parent


def seconds(text: str) -> int:
    """'10m', '90s', '1h' or plain seconds."""
    units = {"s": 1, "m": 60, "h": 3600}
    if text[-1:] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


@contextmanager
def app_servers(kind: str, processes: int | None) -> Iterator[list[Server]]:
    """One gunicorn as production runs it (`processes` workers, or its configuration's number),
    or `processes` daphne processes (2 if not given) for comparison."""
    env = {
        **os.environ,
        "DATABASE_URL": data.DATABASE_URL,
        "DATABASE_CONN_MAX_AGE": "60" if kind == "gunicorn" else "0",
        "REDIS_URL": REDIS_URL,
        "DJANGO_DEBUG": "0",
        "LAMPIO_RATELIMIT": "1",
        "LAMPIO_TRUSTED_PROXIES": "127.0.0.1",
        "LAMPIO_LOG_LEVEL": "WARNING",
        "LAMPIO_LOG_FORMAT": "json",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECRET_KEY": "loadtest-" + "x" * 50,
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        # Jobs (confirmation emails) queue in Redis as in production; no worker runs them.
        "LAMPIO_TASKS_BACKEND": "django_tasks_rq.RQBackend",
    }
    redis.Redis.from_url(REDIS_URL).flushdb()  # the load test's own database number
    logs = Path(tempfile.mkdtemp(prefix="lampio-load-"))
    started: list[tuple[subprocess.Popen[bytes], Server]] = []
    try:
        if kind == "gunicorn" and processes:
            env["LAMPIO_WEB_WORKERS"] = str(processes)
        for _ in range((processes or 2) if kind == "daphne" else 1):
            port = free_port()
            log = logs / f"{kind}-{port}.log"
            command = (
                ["daphne", "--bind", "127.0.0.1", "--port", str(port), "--proxy-headers",
                 "--http-timeout", "60", "--application-close-timeout", "10",
                 "--access-log", "/dev/null", "lampio.asgi:application"]
                if kind == "daphne"
                else ["gunicorn", "--config", str(GUNICORN_CONFIG), "--bind", f"127.0.0.1:{port}"]
            )  # fmt: skip
            command[0] = str(ROOT / ".venv" / "bin" / command[0])
            with log.open("wb") as out:
                process = subprocess.Popen(  # noqa: S603 (fixed command from our virtualenv)
                    command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
                )
            started.append((process, Server(port, log)))
        deadline = time.monotonic() + 60
        for process, server in started:
            while not _healthy(server.port):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{kind} did not start; see {server.log}")
                time.sleep(0.2)
        yield [server for _, server in started]
    finally:
        for process, _ in started:
            process.terminate()
        for process, _ in started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def run_locust(servers: list[Server], users: int, duration: int, out: Path, label: str) -> Path:
    """One headless locust run; returns the per-request log."""
    log, stem = out / f"requests-{label}-{users}u.jsonl", str(out / f"locust-{label}-{users}u")
    log.unlink(missing_ok=True)
    env = {
        **os.environ,
        "LOADTEST_LOG": str(log),
        "LOADTEST_HOSTS": ",".join(f"http://127.0.0.1:{s.port}" for s in servers),
        "LOADTEST_INPUTS": str(data.INPUTS),
    }
    command = [
        str(ROOT / ".venv" / "bin" / "locust"), "-f", str(HERE / "locustfile.py"), "--headless",
        "-u", str(users), "-r", str(max(1, users // 10)), "-t", f"{duration}s",
        "--host", f"http://127.0.0.1:{servers[0].port}", "--csv", stem, "--only-summary",
        "--stop-timeout", "5", "--loglevel", "ERROR",
    ]  # fmt: skip
    with Path(stem + ".log").open("wb") as summary:  # locust's own summary, kept for reference
        subprocess.run(  # noqa: S603 (fixed command from our virtualenv)
            command, cwd=ROOT, env=env, check=False, stdout=subprocess.DEVNULL, stderr=summary
        )
    return log


def restart_postgres_at(delay: float, times: dict[str, float]) -> threading.Thread:
    def restart() -> None:
        time.sleep(delay)
        times["started"] = time.time()
        subprocess.run(["pg_ctlcluster", "15", "main", "restart"], check=True)  # noqa: S607
        times["ended"] = time.time()

    thread = threading.Thread(target=restart, daemon=True)
    thread.start()
    return thread


def find_rate(servers: list[Server], steps: list[int], step_seconds: int, out: Path) -> int:
    """Short runs at rising user counts; the most users whose p95 stays under the target."""
    best = steps[0]
    for users in steps:
        entries = report.read_log(run_locust(servers, users, step_seconds, out, "step"))
        summary = report.summarise(entries, step_seconds)
        met = summary.p95 < P95_TARGET_MS and summary.failures == 0
        print(
            f"  step {users:>4} users: {summary.rate:6.1f} req/s, p50 {summary.p50:.0f} ms,"
            f" p95 {summary.p95:.0f} ms, p99 {summary.p99:.0f} ms, failed {summary.failures}"
            f" -> {'under' if met else 'over'} {P95_TARGET_MS} ms",
            flush=True,
        )
        if not met:
            break
        best = users
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", default="10m", help="full run, e.g. 10m, 180s")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--find-rate", action="store_true", help="step ramp before the full run")
    parser.add_argument("--steps", default="20,40,60,80,100")
    parser.add_argument("--step-duration", default="60s")
    parser.add_argument("--fault", choices=["pg-restart"], help="restart PostgreSQL mid-run")
    parser.add_argument("--reseed", action="store_true", help="rebuild the data set")
    parser.add_argument("--server", choices=["gunicorn", "daphne"], default="gunicorn")
    parser.add_argument("--processes", type=int, help="gunicorn workers or daphne processes")
    args = parser.parse_args()
    duration = seconds(args.duration)

    if args.reseed or not data.seeded():
        print(f"Seeding {data.DATABASE} …", flush=True)
        print(f"  done in {data.seed():.0f} s", flush=True)
    inputs = data.Inputs.load()
    out = Path(tempfile.mkdtemp(prefix="lampio-locust-"))
    print(f"Load average before: {os.getloadavg()[0]:.2f}; outputs in {out}", flush=True)
    since = datetime.now(UTC).isoformat()
    users = args.users
    print(f"Server: {args.server}, {args.processes or 'default'} processes", flush=True)
    with app_servers(args.server, args.processes) as servers:
        if args.find_rate:
            print(f"Step ramp ({args.step_duration} each, target p95 < {P95_TARGET_MS} ms):")
            steps = [int(step) for step in args.steps.split(",")]
            users = find_rate(servers, steps, seconds(args.step_duration), out)
        fault: dict[str, float] = {}
        if args.fault == "pg-restart":
            restart_postgres_at(duration / 2, fault)
        print(f"Full run: {users} users for {duration} s", flush=True)
        entries = report.read_log(run_locust(servers, users, duration, out, "full"))
        overall = report.print_table(entries, duration, users)
        met = overall.p95 < P95_TARGET_MS
        print(f"p95 target {P95_TARGET_MS} ms: {'met' if met else 'not met'}")
        if args.fault == "pg-restart":
            if "ended" in fault:
                report.print_outage(entries, fault["started"], fault["ended"])
            else:
                print("PostgreSQL restart did not finish during the run")
        for server in servers:
            print_server_errors(server.errors(), server.log)
    print(f"Load average after: {os.getloadavg()[0]:.2f}")
    with data.connect() as conn:
        ok = report.check_database(conn, inputs.hot_occurrences, since)
    print(f"Checks: {'passed' if ok else 'FAILED'}")


if __name__ == "__main__":
    main()
