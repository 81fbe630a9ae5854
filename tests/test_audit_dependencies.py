"""The dependency audit fails on a known vulnerability and never reports "clean" unaudited."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "audit_dependencies.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("audit_dependencies", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def script(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    module = load_script()
    monkeypatch.setattr(
        module, "locked_requirements", lambda target: target.write_text("django==5.2.1\nrq==2.0\n")
    )
    return module


def answers(script: ModuleType, monkeypatch: pytest.MonkeyPatch, by_service: dict) -> None:
    monkeypatch.setattr(script, "audit", lambda requirements, service: by_service[service])


def test_a_known_vulnerability_fails_the_audit(script, monkeypatch, capsys):
    vulnerable = {
        "name": "django",
        "version": "5.2.1",
        "vulns": [{"id": "GHSA-x", "fix_versions": ["5.2.2"]}],
    }
    answers(
        script, monkeypatch, {"pypi": [vulnerable, {"name": "rq", "version": "2.0", "vulns": []}]}
    )
    assert script.main() == 1
    assert "django 5.2.1: GHSA-x (5.2.2)" in capsys.readouterr().out


def test_clean_dependencies_pass(script, monkeypatch, capsys):
    answers(script, monkeypatch, {"pypi": [{"name": "rq", "version": "2.0", "vulns": []}]})
    assert script.main() == 0
    assert "1 packages audited, 0 skipped, 0 with known vulnerabilities" in capsys.readouterr().out


def test_osv_is_asked_when_pypi_gives_no_data(script, monkeypatch, capsys):
    skipped = [{"name": "rq", "version": "2.0", "skip_reason": "not found"}]
    vulnerable = [
        {"name": "rq", "version": "2.0", "vulns": [{"id": "PYSEC-1", "fix_versions": []}]}
    ]
    answers(script, monkeypatch, {"pypi": skipped, "osv": vulnerable})
    assert script.main() == 1
    assert "rq 2.0: PYSEC-1 (no fixed release)" in capsys.readouterr().out


def test_nothing_audited_is_said_aloud_and_fails_when_required(script, monkeypatch, capsys):
    skipped = [{"name": "rq", "version": "2.0", "skip_reason": "not found"}]
    answers(script, monkeypatch, {"pypi": skipped, "osv": []})
    assert script.main() == 0
    assert "2 locked packages NOT audited" in capsys.readouterr().out
    monkeypatch.setenv("LAMPIO_AUDIT_REQUIRED", "1")
    assert script.main() == 1
