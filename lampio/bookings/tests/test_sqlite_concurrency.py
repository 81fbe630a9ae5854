"""On SQLite, where no exclusion constraint exists, BEGIN IMMEDIATE serialises booking writes.

Separate processes (as with several app-server workers on the embedded database) race for one
slot in a real database file; exactly one may win.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]
PROCESSES = 8

SETUP = """
import django; django.setup()
from datetime import time
from allauth.account.models import EmailAddress
from lampio.accounts.models import User
from lampio.spaces.models import OpeningHours, Space, Venue
from lampio.tenancy.models import Municipality, Organisation
city = Municipality.objects.create(slug="oulu", name_fi="Oulu")
org = Organisation.objects.create(municipality=city, slug="k", name_fi="K", kind="school")
venue = Venue.objects.create(organisation=org, slug="v", name_fi="V", street_address="A 1",
                             postal_code="90100", post_office="Oulu")
space = Space.objects.create(venue=venue, slug="s", name_fi="Sali", space_type="gym",
                             capacity=20, booking_opens_days=3650,
                             closed_on_public_holidays=False)
for weekday in range(7):
    OpeningHours.objects.create(space=space, weekday=weekday, opens=time(8), closes=time(22))
for n in range({processes}):
    user = User.objects.create_user(email=f"p{{n}}@example.fi", password="x")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
"""

ATTEMPT = """
import sys, time as clock, django; django.setup()
from datetime import date, time
from lampio.accounts.models import User
from lampio.bookings.errors import SlotTaken
from lampio.bookings.services import book_space
from lampio.core.timeranges import local_datetime
from lampio.spaces.models import Space
user = User.objects.get(email=f"p{n}@example.fi")
space = Space.objects.get()
start_at = float(sys.argv[1])
while clock.time() < start_at:
    clock.sleep(0.001)
try:
    book_space(actor=user, space=space, starts_at=local_datetime(date(2031, 5, 6), time(18)),
               ends_at=local_datetime(date(2031, 5, 6), time(19)), purpose="Race", attendees=2)
    print("booked")
except SlotTaken:
    print("taken")
"""


@pytest.mark.skipif(connection.vendor != "sqlite", reason="runs in the SQLite pass")
def test_processes_racing_on_a_sqlite_file_book_one_slot_once(tmp_path):
    import time

    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'race.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "lampio.settings",
        "LAMPIO_LOG_LEVEL": "ERROR",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "PYTHONPATH": str(ROOT),
    }
    run = {"cwd": ROOT, "env": env, "check": True, "capture_output": True, "text": True}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], **run)
    subprocess.run([sys.executable, "-c", SETUP.format(processes=PROCESSES)], **run)
    start_at = str(time.time() + 4)  # every process waits for the same instant
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", ATTEMPT.replace("{n}", str(n)), start_at],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(PROCESSES)
    ]
    outcomes = []
    for racer in racers:
        out, err = racer.communicate(timeout=120)
        assert racer.returncode == 0, err
        outcomes.append(out.strip())
    assert sorted(outcomes) == ["booked"] + ["taken"] * (PROCESSES - 1)
