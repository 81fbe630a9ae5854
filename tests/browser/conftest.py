"""Browser tests: Debian's Chromium driven by Playwright, with axe-core checking every page."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

# Playwright's sync API runs an event loop in this thread; Django would otherwise refuse
# the ORM calls that the tests make between browser steps.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
LIVE_SOCKET_REFUSED = re.compile(r"^WebSocket connection to 'ws://[^']+/ws/sessions/")
AXE_SOURCE = (
    Path(settings.BASE_DIR) / "lampio" / "static" / "vendor" / "axe-core" / "axe.min.js"
).read_text()
# WCAG 2.1 A and AA, plus axe's best practices (landmarks, one h1, headings in order).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
# Flags for a closed network: no background connections, no sandbox as root in CI.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class PageProblems:
    """Console errors (including CSP refusals) and failed requests seen while a page ran."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def watch(self, page: Page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.messages.append(str(error)))

    def _console(self, message: Any) -> None:
        # pytest-django's live server speaks WSGI only, so the live sessions' WebSockets cannot
        # connect here; their pages fall back to forms and refresh links, which the tests use.
        if message.type == "error" and not LIVE_SOCKET_REFUSED.search(message.text):
            self.messages.append(message.text)


def _context(browser: Browser, live_server: Any, **options: Any) -> BrowserContext:
    context = browser.new_context(base_url=live_server.url, **options)
    context.set_default_timeout(10_000)
    return context


@pytest.fixture
def page_problems() -> PageProblems:
    return PageProblems()


@pytest.fixture
def page(
    browser: Browser, live_server: Any, transactional_db: None, page_problems: PageProblems
) -> Iterator[Page]:
    context = _context(browser, live_server)
    page = context.new_page()
    page_problems.watch(page)
    yield page
    context.close()
    assert page_problems.messages == [], "the browser reported errors"


@pytest.fixture
def page_without_js(browser: Browser, live_server: Any, transactional_db: None) -> Iterator[Page]:
    context = _context(browser, live_server, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture
def log_in(live_server: Any) -> Callable[[Page, Any], None]:
    """Give the browser a logged-in session without typing (login itself has its own test)."""

    def log_in(page: Page, user: Any) -> None:
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
        )

    return log_in


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Run axe-core in the page (evaluated over DevTools, so our CSP needs no exception)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return list(result["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} → {targets}")
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe found violations on {page.url}:\n{describe(violations)}"
