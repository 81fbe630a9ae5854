"""Audit entries name the right actor and address, and no audit context leaves a receiver."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import pre_save
from django.http import HttpResponse

from lampio.accounts.models import User
from lampio.core.audit_context import AuditContextMiddleware, audit_context, set_actor

pytestmark = pytest.mark.django_db


def _entry() -> LogEntry:
    return LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(User),
        object_pk="1",
        object_repr="someone",
        action=LogEntry.Action.UPDATE,
    )


def test_nested_contexts_leave_no_receiver_behind(make_user):
    person = make_user()
    before = len(pre_save.receivers)
    for _ in range(20):
        with audit_context(remote_addr="192.0.2.1"), set_actor(person):
            _entry()
    assert len(pre_save.receivers) == before


def test_the_innermost_actor_signs_and_the_outer_one_returns(make_user):
    staff, resident = make_user(), make_user()
    with set_actor(staff):
        with set_actor(resident):
            inner = _entry()
        outer = _entry()
    after = _entry()
    assert (inner.actor, inner.actor_email) == (resident, resident.email)
    assert outer.actor == staff
    assert after.actor is None


def test_a_service_actor_keeps_the_requests_address(make_user):
    person = make_user()
    with audit_context(actor=None, remote_addr="192.0.2.7", remote_port=4433), set_actor(person):
        entry = _entry()
    assert (entry.actor, entry.remote_addr, entry.remote_port) == (person, "192.0.2.7", 4433)


def test_the_middleware_signs_with_the_signed_in_person_and_address(rf, make_user):
    person = make_user()
    request = rf.post("/", REMOTE_ADDR="192.0.2.9")
    request.user = person
    made: list[LogEntry] = []
    AuditContextMiddleware(lambda request: made.append(_entry()) or HttpResponse())(request)
    (entry,) = made
    assert (entry.actor, entry.remote_addr) == (person, "192.0.2.9")


def test_concurrent_threads_each_sign_with_their_own_actor(make_user):
    people = [make_user() for _ in range(4)]
    barrier = threading.Barrier(len(people))
    signed: dict[int, int | None] = {}

    def work(person: User) -> None:
        with set_actor(person):
            barrier.wait()  # every thread inside its own context before any entry is stamped
            entry = LogEntry(object_pk="1", object_repr="x", action=LogEntry.Action.UPDATE)
            pre_save.send(sender=LogEntry, instance=entry)
            signed[person.pk] = entry.actor_id

    threads = [threading.Thread(target=work, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert signed == {person.pk: person.pk for person in people}


def test_no_module_uses_auditlogs_own_actor_contexts():
    """auditlog's `set_actor` and `set_extra_data` leak a receiver when nested (decision 0019)."""
    root = Path(__file__).resolve().parents[2]
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if re.search(
            r"from auditlog\.context import [^\n]*\b(set_actor|set_extra_data)\b",
            path.read_text(encoding="utf-8"),
        )
    ]
    assert offenders == []
