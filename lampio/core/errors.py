"""Domain errors: what a service refuses, in words a person can act on.

Services raise these; views turn them into form errors and the API into RFC 7807
problem+json. Each carries an HTTP status so both layers map them the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.db.models import QuerySet

M = TypeVar("M", bound=Model)


class DomainError(Exception):
    status: int = 400
    code: str = "invalid"
    default_message: str | Promise = _("The request could not be completed.")

    def __init__(self, message: str | Promise | None = None, *, field: str | None = None) -> None:
        self.message = message if message is not None else self.default_message
        self.field = field
        super().__init__(str(self.message))


class InvalidInput(DomainError):
    status = 400
    code = "invalid"


class NotAuthenticated(DomainError):
    status = 401
    code = "not_authenticated"
    default_message = _("Please log in first.")


class SecondFactorRequired(NotAuthenticated):
    code = "second_factor_required"
    default_message = _("Enter the code from your authenticator app.")


class PermissionDenied(DomainError):
    status = 403
    code = "permission_denied"
    default_message = _("You do not have permission to do this.")


class NotFound(DomainError):
    status = 404
    code = "not_found"
    default_message = _("The item was not found.")


class Conflict(DomainError):
    status = 409
    code = "conflict"
    default_message = _("The item was changed by someone else. Please try again.")


class RateLimited(DomainError):
    status = 429
    code = "rate_limited"
    default_message = _("Too many attempts. Please wait a moment and try again.")


def one_or_not_found(rows: QuerySet[M], **lookups: Any) -> M:
    """The one row of `rows` matching `lookups`, or NotFound.

    get() drops the default ordering, which first() would compile and sort by (joining a
    related table for an ordering by its name) for the one row that can match.
    """
    try:
        return rows.get(**lookups)
    except ObjectDoesNotExist:
        raise NotFound() from None
