"""Residents of a city network: they browse, search, look at free times, book, enrol and send
feedback, each with a pause of 0.5–2 s between actions (a person reading a page).

Run by `run.py` (it passes the inputs file and the per-request log through the environment).
Expected refusals are successes under their own name: a 409 for a taken slot is
"book (slot taken)", one for a full time "enrol (full)". Everything else that is not 2xx/3xx
counts as a failure. Each request is also written to LOADTEST_LOG (one JSON line: time, name,
status, milliseconds, and the body's start for failures) for the outage analysis.
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import holidays
from locust import HttpUser, between, events, task

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from loadtest.data import Inputs

HELSINKI = ZoneInfo("Europe/Helsinki")
INPUTS = Inputs.load()
TODAY = date.fromisoformat(INPUTS.today)
HOLIDAYS = holidays.country_holidays("FI", years=[TODAY.year, TODAY.year + 1])
SPACE_TYPES = ["hall", "gym", "classroom", "studio", "meeting_room", "music_room", "sauna"]
WORDS = ["sali", "studio", "sauna", "kokous", "musiikki", "luokka"]
AUDIENCES = ["children", "youth", "adults", "older_people"]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TIMEOUT = 30  # seconds: a request that hangs longer is a failure, not a wait

LOG_PATH = os.environ.get("LOADTEST_LOG")
_log = open(LOG_PATH, "a", buffering=1) if LOG_PATH else None  # noqa: SIM115 (open all run)


@events.request.add_listener
def _record(
    request_type: str,
    name: str,
    response_time: float,
    response: Any,
    exception: BaseException | None,
    **_: Any,
) -> None:
    if _log is None:
        return
    status = getattr(response, "status_code", 0) or 0
    entry: dict[str, Any] = {"t": time.time(), "n": name, "s": status, "ms": round(response_time)}
    if exception is not None:
        entry["x"] = repr(exception)[:200]
        entry["b"] = (getattr(response, "text", "") or "")[:300]
    _log.write(json.dumps(entry) + "\n")


def _slot(space_days: int, first_day: int) -> datetime:
    day = TODAY + timedelta(days=random.randint(first_day, first_day + space_days))  # noqa: S311
    while day in HOLIDAYS:  # the spaces are closed then; a resident sees it and picks another
        day += timedelta(days=1)
    hour = random.randint(8, 21)  # noqa: S311
    return datetime(day.year, day.month, day.day, hour, tzinfo=HELSINKI)


class Resident(HttpUser):
    wait_time = between(0.5, 2.0)
    spawned = 0

    def new_visit(self) -> None:
        """Each action comes from another resident's address (nginx's X-Forwarded-For), so
        limits meant for one person count people, not the load generator."""
        address = f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"  # noqa: S311
        self.client.headers["X-Forwarded-For"] = address

    def on_start(self) -> None:
        # Users spread over the app servers (several only with --server daphne), as nginx would.
        hosts = os.environ.get("LOADTEST_HOSTS", "").split(",")
        if hosts[0]:
            Resident.spawned += 1
            self.client.base_url = hosts[Resident.spawned % len(hosts)]
        self.city = random.choice(INPUTS.municipalities)  # noqa: S311
        self.client.headers["Accept-Language"] = "fi"

    def _token(self) -> dict[str, str]:
        user = random.choice(INPUTS.users)  # noqa: S311
        return {"Authorization": f"Bearer {INPUTS.token_prefix}{user}"}

    def _get(self, path: str, name: str, **kwargs: Any) -> None:
        self.new_visit()
        with self.client.get(path, name=name, timeout=TIMEOUT, catch_response=True, **kwargs) as r:
            if r.status_code >= 400:
                r.failure(f"{r.status_code}")

    # --- Browse (anonymous HTML) ------------------------------------------------------------
    @task(3)
    def home(self) -> None:
        self._get("/fi/", "browse: home")

    @task(3)
    def space_list(self) -> None:
        self._get(f"/fi/spaces/?municipality={self.city}", "browse: space list")

    @task(4)
    def space_page(self) -> None:
        self._get(f"/fi/spaces/{random.choice(INPUTS.spaces)}/", "browse: space page")  # noqa: S311

    @task(3)
    def offering_list(self) -> None:
        self._get(f"/fi/offerings/?municipality={self.city}", "browse: offering list")

    @task(4)
    def offering_page(self) -> None:
        offering = random.choice(INPUTS.offerings)  # noqa: S311
        self._get(f"/fi/offerings/{offering}/", "browse: offering page")

    # --- Search ------------------------------------------------------------------------------
    @task(2)
    def space_search(self) -> None:
        day = TODAY + timedelta(days=random.randint(1, 20))  # noqa: S311
        params = {
            "municipality": self.city,
            "space_type": random.choice(SPACE_TYPES),  # noqa: S311
            "min_capacity": random.choice(["10", "20", "50"]),  # noqa: S311
            "date": day.isoformat(),
            "from_time": "17:00",
            "to_time": "19:00",
        }
        self._get("/fi/spaces/", "search: spaces (page, free time)", params=params)

    @task(2)
    def space_api_search(self) -> None:
        params: dict[str, str] = {"municipality": self.city}
        if random.random() < 0.5:  # noqa: S311
            params["q"] = random.choice(WORDS)  # noqa: S311
        else:
            starts = _slot(0, random.randint(1, 20))  # noqa: S311
            params["free_from"] = starts.isoformat()
            params["free_to"] = (starts + timedelta(hours=2)).isoformat()
        self._get("/api/v1/spaces", "search: spaces (API)", params=params)

    @task(2)
    def offering_search(self) -> None:
        week = datetime.combine(TODAY + timedelta(days=random.randint(0, 21)), datetime.min.time())  # noqa: S311
        params = {
            "municipality": self.city,
            "start": week.replace(tzinfo=HELSINKI).isoformat(),
            "end": (week + timedelta(days=7)).replace(tzinfo=HELSINKI).isoformat(),
        }
        if random.random() < 0.5:  # noqa: S311
            params["audience"] = random.choice(AUDIENCES)  # noqa: S311
        self._get("/api/v1/occurrences", "search: offerings (API)", params=params)

    @task(1)
    def offering_page_search(self) -> None:
        params = {"municipality": self.city, "q": random.choice(["konsertti", "työpaja", "tanssi"])}  # noqa: S311
        self._get("/fi/offerings/", "search: offerings (page)", params=params)

    @task(3)
    def availability(self) -> None:
        space = random.choice(INPUTS.spaces)  # noqa: S311
        day = TODAY + timedelta(days=random.randint(0, 23))  # noqa: S311
        self._get(
            f"/api/v1/spaces/{space}/availability?date={day.isoformat()}&days=7",
            "availability: week (API)",
        )

    # --- Writes ------------------------------------------------------------------------------
    def _post_json(self, path: str, body: dict[str, Any], name: str, taken: str) -> None:
        self.new_visit()
        with self.client.post(
            path,
            json=body,
            headers=self._token(),
            name=name,
            timeout=TIMEOUT,
            catch_response=True,
        ) as r:
            if r.status_code == 409:
                # A refusal the rules promise (slot taken, seats gone): renamed, not failed.
                r.request_meta["name"] = taken
                r.success()
            elif r.status_code != 201:
                r.failure(f"{r.status_code} {r.text[:160]}")

    @task(2)
    def book(self) -> None:
        if random.random() < 0.5:  # noqa: S311
            # Few spaces, next week: people ask for the same slots, exactly one wins each.
            space, starts = random.choice(INPUTS.hot_spaces), _slot(6, 2)  # noqa: S311
        else:
            space, starts = random.choice(INPUTS.spaces), _slot(25, 2)  # noqa: S311
        body = {
            "space_id": space,
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=1)).isoformat(),
            "purpose": "Kuoroharjoitus",
            "attendees": 4,
        }
        self._post_json("/api/v1/bookings", body, "book (API)", "book (API): slot taken")

    @task(2)
    def enrol(self) -> None:
        hot = random.random() < 0.5  # noqa: S311
        occurrence = random.choice(INPUTS.hot_occurrences if hot else INPUTS.occurrences)  # noqa: S311
        self._post_json(
            f"/api/v1/occurrences/{occurrence}/enrolments",
            {"seats": 1},
            "enrol (API)",
            "enrol (API): full or enrolled",
        )

    @task(1)
    def feedback(self) -> None:
        city = self.city if self.city in INPUTS.categories else next(iter(INPUTS.categories))
        path = f"/fi/feedback/new/?municipality={city}"
        self.new_visit()
        with self.client.get(
            path, name="feedback: form", timeout=TIMEOUT, catch_response=True
        ) as r:
            found = CSRF.search(r.text or "")
            if r.status_code != 200 or not found:
                r.failure(f"{r.status_code} no form")
                return
        data = {
            "csrfmiddlewaretoken": found.group(1),
            "category": random.choice(INPUTS.categories[city]),  # noqa: S311
            "text": "Salin valot välkkyvät illalla, voisiko ne korjata?",
            "identity": "anonymous",
            "website": "",
        }
        with self.client.post(
            path,
            data=data,
            name="feedback: send (form)",
            timeout=TIMEOUT,
            allow_redirects=False,
            catch_response=True,
            headers={"Referer": f"{self.host}{path}"},
        ) as r:
            if r.status_code != 302:
                r.failure(f"{r.status_code}")
