"""Form helpers: run a form through a service and put a refusal next to the field it concerns,
and give choice fields lists that Django need not normalise on every request."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.http import HttpRequest
from django.utils.choices import BaseChoiceIterator

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


class NormalizedChoices(BaseChoiceIterator):
    """(value, label) pairs that a choice field takes as they are.

    Django normalises a plain list of choices on every assignment, and again for each copy of
    the field: the search forms set a city list and a category list of dozens on every request,
    which was a fifth of building the form. An iterator of Django's own kind is kept as given.
    """

    def __init__(self, pairs: Sequence[tuple[Any, Any]]) -> None:
        self.pairs = pairs

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        return iter(self.pairs)

    def __len__(self) -> int:
        # `{% if form.x.field.choices %}` hides a field with nothing to choose, as with a list.
        return len(self.pairs)

    def __deepcopy__(self, memo: dict[int, Any]) -> NormalizedChoices:
        return self  # shared, never changed in place


def set_choices(form: forms.BaseForm, name: str, choices: Sequence[tuple[Any, Any]]) -> None:
    """Give the choice field `name` of `form` these (value, label) pairs, as they are."""
    cast(forms.ChoiceField, form.fields[name]).choices = NormalizedChoices(choices)
