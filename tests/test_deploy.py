"""Production settings pass Django's deployment checks; demo defaults fail them."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def deploy_check(**env: str) -> subprocess.CompletedProcess[str]:
    # The browser tests allow sync ORM calls beside Playwright's loop; production never does.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**inherited, "LAMPIO_LOG_FORMAT": "plain", "DATABASE_URL": "", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_check_deploy():
    result = deploy_check(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_DEBUG="0",
        LAMPIO_HTTPS="1",
        REDIS_URL="redis://127.0.0.1:6379/0",
        DJANGO_ALLOWED_HOSTS="kulttuuri.example.fi",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_embedded_demo_defaults_are_refused_as_production():
    result = deploy_check(DJANGO_SECRET_KEY="", LAMPIO_HTTPS="0")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stdout + result.stderr
    assert "SECURE_SSL_REDIRECT" in result.stdout + result.stderr
