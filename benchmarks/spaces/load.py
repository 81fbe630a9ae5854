"""The closed-loop load client, shared by every benchmark (common/load.py)."""

from common.load import (
    TIMEOUT_SECONDS,
    Call,
    Client,
    Operation,
    Outcome,
    Sample,
    run_clients,
    run_contention,
)

__all__ = [
    "TIMEOUT_SECONDS",
    "Call",
    "Client",
    "Operation",
    "Outcome",
    "Sample",
    "run_clients",
    "run_contention",
]
