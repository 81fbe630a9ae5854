"""Who made a change, for django-auditlog's entries: a context variable and one receiver.

auditlog's own `set_actor` connects a new `pre_save` receiver on every use and never
disconnects the outer one when two are nested (upstream issue jazzband/django-auditlog#846).
Its middleware opens one per request and our services open another, so every booking left a
receiver behind. `Signal.connect`/`disconnect` scan all receivers, so each request cost more
than the one before, and every connect or disconnect emptied `pre_save`'s receiver cache for
every model. Here the context only sets auditlog's context variable, and resets it on the way
out, and one receiver, connected once, copies it onto each entry.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from auditlog.cid import set_cid
from auditlog.context import auditlog_value
from auditlog.middleware import AuditlogMiddleware
from auditlog.models import LogEntry
from django.db.models.signals import pre_save
from django.http import HttpRequest, HttpResponse

from lampio.accounts.models import User


@contextmanager
def audit_context(**values: Any) -> Iterator[None]:
    """Within the block, audit entries carry `values` (actor, remote_addr, remote_port), on top
    of what an enclosing block set (the request's address stays when a service names the
    actor)."""
    try:
        outer = auditlog_value.get()
    except LookupError:
        outer = {}
    token = auditlog_value.set({**outer, **values})
    try:
        yield
    finally:
        auditlog_value.reset(token)


def set_actor(actor: Any) -> AbstractContextManager[None]:
    """Audit entries written within the block name `actor` (a drop-in for auditlog's)."""
    return audit_context(actor=actor)


def stamp_log_entry(sender: type[LogEntry], instance: LogEntry, **kwargs: Any) -> None:
    """Copy the current audit context onto an entry about to be saved."""
    try:
        values = auditlog_value.get()
    except LookupError:
        return
    actor = values.get("actor")
    if isinstance(actor, User) and instance.actor is None:
        instance.actor = actor
        instance.actor_email = getattr(actor, "email", None)
    for key in ("remote_addr", "remote_port"):
        if values.get(key) is not None and getattr(instance, key) is None:
            setattr(instance, key, values[key])


def connect_receiver() -> None:
    pre_save.connect(stamp_log_entry, sender=LogEntry, dispatch_uid="lampio.stamp_log_entry")


class AuditContextMiddleware(AuditlogMiddleware):
    """auditlog's middleware (correlation id, address, signed-in actor) on `audit_context`."""

    def __call__(self, request: HttpRequest) -> HttpResponse:
        set_cid(request)
        with audit_context(**self.get_extra_data(request)):
            return self.get_response(request)
