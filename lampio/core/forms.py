"""Helpers that run a form through a service and put a refusal next to the field it concerns."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django import forms
from django.contrib import messages
from django.http import HttpRequest

from lampio.core.errors import DomainError


def add_domain_error(form: forms.BaseForm, error: DomainError) -> None:
    """Attach a DomainError to its field (or to the form); the bound data stays as typed."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, str(error.message))


def submitted(
    request: HttpRequest,
    form: forms.BaseForm,
    action: Callable[[], object],
    *,
    success: str,
    aliases: Mapping[str, str] | None = None,
) -> bool:
    """Validate `form` and run the service call `action` with its data: True when it was done.

    A refusal lands next to the field it names (`aliases` maps a service's parameter, such as
    `starts_at`, onto the form's own fields), so the page shows the form again as typed.
    """
    if not form.is_valid():
        return False
    try:
        action()
    except DomainError as error:
        if aliases and error.field is not None and error.field in aliases:
            error.field = aliases[error.field]
        add_domain_error(form, error)
        return False
    messages.success(request, success)
    return True
