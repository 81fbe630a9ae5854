"""Taking part without a password: a one-time code by email or text message, then a seat.

A code is 6 digits, valid 15 minutes, tried at most 5 times, and spent once; only a keyed hash
is stored. At most 5 codes are sent to one address in an hour, counted from the stored rows, so
codes are kept for that hour and then deleted. Nothing here tells whether an address already
has an account: asking for a code looks the same either way.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from urllib.parse import urlencode

from allauth.account.models import EmailAddress
from allauth.mfa.utils import is_mfa_enabled
from django.core import signing
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from lampio.accounts.models import User
from lampio.core.errors import InvalidInput, PermissionDenied, RateLimited
from lampio.digital.models import SignInCode
from lampio.offerings.errors import AlreadyEnrolled
from lampio.offerings.models import ACTIVE_ENROLMENT, Enrolment, EnrolmentStatus, Occurrence
from lampio.offerings.services.enrolment import enrol
from lampio.tenancy.permissions import has_any_role

CODE_DIGITS = 6
CODE_VALID = timedelta(minutes=15)
MAX_TRIES = 5
CODES_PER_HOUR = 5
# Codes are kept as long as they count towards the hourly limit, and no longer.
KEEP_CODES = timedelta(hours=1)
# "Remembered on this device": the sign-in lasts half a year, with no idle timeout.
REMEMBER_FOR = timedelta(days=180)
TICKET_SALT = "lampio.digital.signin.ticket"

TOO_MANY_TRIES = _lazy(
    "The code was typed wrong too many times, so it no longer works. Ask for a new code."
)


class CodeNotAccepted(InvalidInput):
    """The code was wrong, expired, spent or tried too often; the message says which."""


class TakePartOutcome(StrEnum):
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    ALREADY = "already"
    DROP_IN = "drop_in"


@dataclass(frozen=True)
class TakePartResult:
    outcome: TakePartOutcome
    enrolment: Enrolment | None


def is_phone(address: str) -> bool:
    return address.startswith("+")


def code_hash(address: str, code: str) -> str:
    """Keyed with SECRET_KEY and bound to the address, so a leaked table reveals no codes."""
    return salted_hmac(
        "lampio.digital.signin.code", f"{address}:{code}", algorithm="sha256"
    ).hexdigest()


def _codes_for(address: str) -> QuerySet[SignInCode]:
    if is_phone(address):
        return SignInCode.objects.filter(phone=address)
    return SignInCode.objects.filter(email=address)


def make_ticket(address: str) -> str:
    """The signed address the emailed link carries, so the code page opens filled in."""
    return signing.dumps(address, salt=TICKET_SALT)


def address_from_ticket(ticket: str) -> str:
    """The address a ticket names, or "" if it is forged or older than the codes it was for."""
    try:
        return str(signing.loads(ticket, salt=TICKET_SALT, max_age=KEEP_CODES))
    except signing.BadSignature:
        return ""


def _made_after(moment: datetime) -> dict[str, datetime]:
    """A filter on when codes were made, read from `expires_at`: the service sets that one
    from its own clock, so the hourly limit and the purge agree with it."""
    return {"expires_at__gt": moment + CODE_VALID}


def purge_sign_in_codes(*, now: datetime | None = None) -> int:
    """Delete codes older than the hourly limit's window: all of them are expired by then."""
    now = now or timezone.now()
    deleted, _by_model = SignInCode.objects.exclude(**_made_after(now - KEEP_CODES)).delete()
    return deleted


def request_sign_in_code(
    *,
    address: str,
    occurrence: Occurrence | None,
    code_page_url: str,
    language: str,
    now: datetime | None = None,
) -> SignInCode:
    """Make a new code for `address` (normalised), spend its earlier ones, and send it.

    `code_page_url` is the absolute address of the page where the code is typed; the message
    links there. Raises RateLimited (on the `address` field) after CODES_PER_HOUR codes.
    """
    from lampio.digital import tasks

    now = now or timezone.now()
    purge_sign_in_codes(now=now)
    code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
    with transaction.atomic():
        codes = _codes_for(address)
        if codes.filter(**_made_after(now - KEEP_CODES)).count() >= CODES_PER_HOUR:
            raise RateLimited(
                _(
                    "We have already sent several codes to this address. Please wait an hour "
                    "and try again, or use the latest code you received."
                ),
                field="address",
            )
        codes.filter(used_at__isnull=True).update(used_at=now)
        sign_in_code = SignInCode.objects.create(
            email="" if is_phone(address) else address,
            phone=address if is_phone(address) else "",
            code_hash=code_hash(address, code),
            occurrence=occurrence,
            expires_at=now + CODE_VALID,
        )
        link = f"{code_page_url}?{urlencode({'ticket': make_ticket(address)})}"
        occurrence_id = occurrence.pk if occurrence else None
        # The plain code exists only in this message (and in the job's arguments until it runs).
        transaction.on_commit(
            lambda: tasks.send_sign_in_code.enqueue(address, code, link, language, occurrence_id)
        )
    return sign_in_code


def _check_code(address: str, code: str, now: datetime) -> None:
    """Spend the address's latest code if `code` matches it; count a wrong try otherwise.

    The wrong try is committed before the refusal is raised, so it counts.
    """
    refusal: str | Promise = ""
    with transaction.atomic():
        latest = _codes_for(address).select_for_update().order_by("-pk").first()
        if latest is None or (latest.used_at and latest.attempts < MAX_TRIES):
            refusal = _("This code is no longer valid. Ask for a new code.")
        elif latest.attempts >= MAX_TRIES:
            refusal = TOO_MANY_TRIES
        elif latest.expires_at <= now:
            refusal = _("The code has expired: codes work for 15 minutes. Ask for a new code.")
        elif not constant_time_compare(latest.code_hash, code_hash(address, code)):
            tries = latest.attempts + 1
            SignInCode.objects.filter(pk=latest.pk).update(
                attempts=F("attempts") + 1, used_at=now if tries >= MAX_TRIES else None
            )
            if tries >= MAX_TRIES:
                refusal = TOO_MANY_TRIES
            else:
                refusal = _("The code is not right. Check the numbers and try again.")
        else:
            SignInCode.objects.filter(pk=latest.pk).update(used_at=now)
    if refusal:
        raise CodeNotAccepted(refusal, field="code")


def _person_for_email(email: str, language: str) -> User:
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        address = (
            EmailAddress.objects.filter(email__iexact=email, verified=True)
            .select_related("user")
            .first()
        )
        user = address.user if address else None
    if user is None:
        # No password: the person signs in with codes (a password can be set later if wished).
        user = User.objects.create_user(email=email, password=None, preferred_language=language)
    email_address = EmailAddress.objects.filter(user=user, email__iexact=email).first()
    if email_address is None:
        has_primary = EmailAddress.objects.filter(user=user, primary=True).exists()
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=not has_primary)
    elif not email_address.verified:
        email_address.verified = True
        email_address.save(update_fields=["verified"])
    return user


def _person_for_phone(phone: str, language: str) -> User:
    """The person with this mobile number, or a new one known only by it (no email, no
    password): the right code proves the number is theirs."""
    user = User.objects.filter(phone=phone).first()
    if user is None:
        return User.objects.create_phone_user(
            phone, preferred_language=language, phone_verified_at=timezone.now()
        )
    if user.phone_verified_at is None:
        user.phone_verified_at = timezone.now()
        user.save(update_fields=["phone_verified_at"])
    return user


def redeem_sign_in_code(
    *, address: str, code: str, language: str, now: datetime | None = None
) -> User:
    """The person behind `address` if `code` is right: found by email or mobile number, or
    created (an email address is marked verified).

    The caller logs them in. Staff accounts are refused: they sign in with their password and
    second factor, which a code must not bypass.
    """
    now = now or timezone.now()
    _check_code(address, code, now)
    with transaction.atomic():
        if is_phone(address):
            person = _person_for_phone(address, language)
        else:
            person = _person_for_email(address, language)
    if not person.is_active or person.deleted_at is not None:
        raise PermissionDenied(
            _("This account cannot be used. Please contact your city's customer service.")
        )
    if person.is_staff or person.is_superuser or has_any_role(person) or is_mfa_enabled(person):
        raise PermissionDenied(
            _("This account signs in with a password. Please log in with your password.")
        )
    return person


def take_part(
    *, actor: User, occurrence: Occurrence, now: datetime | None = None
) -> TakePartResult:
    """One seat for `actor`; when the session is full, a place on its waiting list.

    A drop-in session needs no enrolment at all. Other refusals (enrolment closed, …) are the
    enrolment service's DomainErrors.
    """
    if occurrence.offering.is_drop_in:
        return TakePartResult(TakePartOutcome.DROP_IN, None)
    try:
        enrolment = enrol(actor=actor, occurrence=occurrence, seats=1, waitlist=True, now=now)
    except AlreadyEnrolled:
        existing = Enrolment.objects.filter(
            occurrence=occurrence, person=actor, status__in=ACTIVE_ENROLMENT
        ).first()
        return TakePartResult(TakePartOutcome.ALREADY, existing)
    if enrolment.status == EnrolmentStatus.WAITLISTED:
        return TakePartResult(TakePartOutcome.WAITLISTED, enrolment)
    return TakePartResult(TakePartOutcome.CONFIRMED, enrolment)
