"""Check every locked Python dependency against known vulnerabilities with pip-audit.

`make audit` (part of `make test`) runs this. The locked versions are exported from uv.lock and
asked of PyPI's vulnerability data, then of OSV. Any known vulnerability fails the run, unless
it is listed in IGNORED with the reason it cannot affect us.

Some networks reach PyPI's package index but not its vulnerability data (this build machine is
one: the per-version JSON answers 404 and OSV is unreachable). Then nothing could be checked, and
the script says so loudly instead of claiming a clean result; it fails only when
LAMPIO_AUDIT_REQUIRED=1, which a CI with full internet access should set.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
SERVICES = ("pypi", "osv")
# Vulnerability id -> why it does not apply. Keep it empty unless there is no fixed release.
IGNORED: dict[str, str] = {}


def locked_requirements(target: Path) -> None:
    subprocess.run(  # noqa: S603 (a fixed command)
        [
            str(BIN / "uv"),
            "export",
            "--frozen",
            "--format",
            "requirements-txt",
            "--no-hashes",
            "--no-emit-project",
            "--quiet",
            "--output-file",
            str(target),
        ],
        cwd=ROOT,
        check=True,
    )


def audit(requirements: Path, service: str) -> list[dict]:
    """pip-audit's findings per dependency (each with `vulns` or a `skip_reason`)."""
    command = [str(BIN / "pip-audit"), "-r", str(requirements), "--no-deps", "--disable-pip"]
    command += ["--vulnerability-service", service, "--progress-spinner", "off", "--timeout", "10"]
    command += ["--format", "json"]
    for vulnerability in IGNORED:
        command += ["--ignore-vuln", vulnerability]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    try:
        return json.loads(result.stdout)["dependencies"]
    except (json.JSONDecodeError, KeyError):
        last_line = (result.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"pip-audit ({service}) failed: {last_line}", file=sys.stderr)
        return []


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        requirements = Path(tmp) / "requirements.txt"
        locked_requirements(requirements)
        packages = sum(1 for line in requirements.read_text().splitlines() if "==" in line)
        for service in SERVICES:
            dependencies = audit(requirements, service)
            audited = [d for d in dependencies if "skip_reason" not in d]
            if audited:
                break
        else:
            print(
                "pip-audit: no vulnerability service answered (tried "
                f"{', '.join(SERVICES)}); {packages} locked packages NOT audited."
            )
            return 1 if os.environ.get("LAMPIO_AUDIT_REQUIRED") == "1" else 0
    vulnerable = [d for d in audited if d.get("vulns")]
    for dependency in vulnerable:
        for vulnerability in dependency["vulns"]:
            fixed = ", ".join(vulnerability.get("fix_versions", [])) or "no fixed release"
            print(f"{dependency['name']} {dependency['version']}: {vulnerability['id']} ({fixed})")
    skipped = len(dependencies) - len(audited)
    print(
        f"pip-audit ({service}): {len(audited)} packages audited, {skipped} skipped, "
        f"{len(vulnerable)} with known vulnerabilities."
    )
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
