"""Helpers that put a service's refusal next to the field it concerns."""

from __future__ import annotations

from django import forms

from lampio.core.errors import DomainError


def add_domain_error(form: forms.BaseForm, error: DomainError) -> None:
    """Attach a DomainError to its field (or to the form); the bound data stays as typed."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, str(error.message))
