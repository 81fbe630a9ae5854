"""Run every operation of an OpenAPI document against a live server with schemathesis.

Each operation gets hypothesis-generated requests (valid and a share of invalid ones). Ids in
paths, queries and bodies are mostly drawn from the seeded data, so requests reach
real objects rather than only 404s; three in four requests carry the resident's token.
Every response is checked against the document: no 5xx, a declared status code, content
type, headers and body schema.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@dataclass
class Report:
    operations: int = 0
    examples: int = 0
    seconds: float = 0.0
    statuses: dict[int, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.operations} operations, {self.examples} requests in {self.seconds:.1f} s, "
            f"statuses {dict(sorted(self.statuses.items()))}"
        )


def _with_seeded(values: dict[str, Any] | None, known: Mapping[str, Sequence[Any]], draw: Any):
    """Replace parameters named in `known` by seeded values, each three times in four."""
    if not isinstance(values, dict):
        return values
    changed = dict(values)
    for name in sorted(changed.keys() & known.keys()):
        if draw(st.integers(0, 3)):
            changed[name] = draw(st.sampled_from(list(known[name])))
    return changed


def fuzz(
    schema: Any,
    *,
    base_url: str,
    token_headers: dict[str, str],
    known: Mapping[str, Sequence[Any]],
    max_examples: int,
    report: Report,
) -> Report:
    """Fuzz every operation of `schema`; failures are collected, not raised, so one run lists
    every operation that breaks."""
    started = time.monotonic()
    for result in schema.get_all_operations():
        operation = result.ok()
        report.operations += 1
        _fuzz_operation(operation, base_url, token_headers, known, max_examples, report)
    report.seconds += time.monotonic() - started
    return report


def _fuzz_operation(
    operation: Any,
    base_url: str,
    token_headers: dict[str, str],
    known: Mapping[str, Sequence[Any]],
    max_examples: int,
    report: Report,
) -> None:
    modes = [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE]
    strategy = st.one_of(*(operation.as_strategy(generation_mode=mode) for mode in modes))

    @settings(
        max_examples=max_examples,
        deadline=None,
        derandomize=True,
        database=None,
        # Shrinking would re-run a failing request many times; the first failure is enough.
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy, data=st.data())
    def run(case: Any, data: Any) -> None:
        case.path_parameters = _with_seeded(case.path_parameters, known, data.draw)
        case.query = _with_seeded(case.query, known, data.draw)
        case.body = _with_seeded(case.body, known, data.draw)
        headers = token_headers if data.draw(st.integers(0, 3)) else {}
        response = case.call(base_url=base_url, headers=headers, timeout=30)
        report.examples += 1
        report.statuses[response.status_code] = report.statuses.get(response.status_code, 0) + 1
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except (AssertionError, BaseExceptionGroup) as error:
            curl = case.as_curl_command(headers=headers, base_url=base_url)
            report.failures.append(f"{operation.label}: {error}\n  {curl}\n")
            raise

    try:
        run()
    except (AssertionError, BaseExceptionGroup):  # recorded in the report above
        if not report.failures or not report.failures[-1].startswith(operation.label):
            raise
