"""Periodic sweeps that apps register and `manage.py run_scheduler` runs.

A sweep finds what is due by its timestamps (reminders due, offers lapsed, messages to retry)
and queues jobs for it. Sweeps must be idempotent: state is derived from timestamps, so a sweep
that runs twice, late, or not at all for a while delays a message but never corrupts anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

Sweep = Callable[[datetime], int]


@dataclass(frozen=True)
class PeriodicSweep:
    name: str
    run: Sweep  # takes `now`, returns how many things it handled
    every_seconds: int


_sweeps: dict[str, PeriodicSweep] = {}


def register_sweep(name: str, run: Sweep, *, every_seconds: int = 60) -> None:
    _sweeps[name] = PeriodicSweep(name=name, run=run, every_seconds=every_seconds)


def sweeps() -> list[PeriodicSweep]:
    return [_sweeps[name] for name in sorted(_sweeps)]
