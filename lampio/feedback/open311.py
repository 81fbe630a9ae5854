"""Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2), JSON only, at /open311/v2/.

Decisions where the spec leaves room:
- Formats: only `.json`; a `.xml` address answers 404 in the spec's error format.
- Language: texts (errors, service names) follow the Accept-Language header (fi, sv, en); a
  client that sends none gets English, the common language of machine clients.
- service_request_id is the feedback's number, as a string.
- POST needs an api_key (an Open311Client); it is form-encoded, as clients send it. media_url
  is ignored: the server never fetches what a client points at. A location (lat and long, or
  address_string) is required, as the spec says. Names, email or phone make the message named,
  with contact details; without them it is anonymous.
- Requests posted through Open311 may be published, because GeoReport is a public register;
  nothing is shown to others before staff publish it.
- Lists are cached (shared cache) under a key that changes with any change to the
  municipality's feedback, so a cached list is never older than the data.
- Lists show only published feedback. Asked for by id, an unpublished message shows its status,
  service, dates and answering organisation, never its text, place or photos.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal, InvalidOperation
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.core import is_ratelimited

from lampio.core.errors import DomainError, InvalidInput, NotFound, RateLimited
from lampio.feedback import open311_selectors as selectors
from lampio.feedback.models import Identity, Open311Client, Source
from lampio.feedback.services.submission import FeedbackDraft, submit_feedback

View = Callable[..., HttpResponse]

# Per address: also slows down guessing keys. Per key: one client app serves many people.
POST_RATE_PER_IP = "30/m"
POST_RATE_PER_KEY = "300/h"
LIST_CACHE_SECONDS = 60


def _response(body: bytes, status: int = 200) -> HttpResponse:
    response = HttpResponse(body, status=status, content_type="application/json; charset=utf-8")
    response["Content-Language"] = translation.get_language()
    # The data is public and read-only: any web page may read it.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _json(data: Any, status: int = 200) -> HttpResponse:
    return _response(json.dumps(data, ensure_ascii=False).encode(), status)


def _error(status: int, description: str) -> HttpResponse:
    return _json([{"code": status, "description": description}], status=status)


def open311_view(view: View) -> View:
    """Pick the language and turn domain errors into the spec's error list."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        language = translation.get_language() if "HTTP_ACCEPT_LANGUAGE" in request.META else "en"
        with translation.override(language):
            try:
                _refuse_nul(request)
                return view(request, *args, **kwargs)
            except DomainError as error:
                return _error(error.status, str(error.message))

    return wrapped


def _refuse_nul(request: HttpRequest) -> None:
    """PostgreSQL can neither store nor compare text with NUL: a 400, as in Django's forms."""
    for data in (request.GET, request.POST):
        for key, values in data.lists():
            if any("\x00" in text for text in (key, *values)):
                raise InvalidInput(_("%(name)s contains a NUL character.") % {"name": key})


def _local(moment: datetime) -> str:
    return moment.astimezone(timezone.get_current_timezone()).isoformat(timespec="seconds")


def _notice(response_days: int) -> str:
    return _("We aim to answer within %(days)d working days.") % {"days": response_days}


def _request_item(request: HttpRequest, found: selectors.ServiceRequest) -> dict[str, Any]:
    item: dict[str, Any] = {
        "service_request_id": str(found.id),
        "status": found.status,
        "service_code": found.service_code,
        "service_name": found.service_name,
        "agency_responsible": found.agency_responsible,
        "requested_datetime": _local(found.requested),
        "updated_datetime": _local(found.updated),
        "expected_datetime": _local(found.expected),
    }
    if not found.published:
        return item  # not public: nothing the writer wrote, nor where
    photo = None
    if found.photo_id is not None:
        photo = reverse("feedback:photo", kwargs={"feedback_photo_id": found.photo_id})
    item.update(
        {
            "status_notes": found.status_notes,
            "description": found.description,
            "service_notice": _notice(found.response_days),
            "address": found.address,
            "lat": float(found.latitude) if found.latitude is not None else None,
            "long": float(found.longitude) if found.longitude is not None else None,
            "media_url": request.build_absolute_uri(photo) if photo else None,
        }
    )
    return item


@require_GET
@open311_view
def services(request: HttpRequest) -> HttpResponse:
    jurisdiction = selectors.jurisdiction_for(request.GET.get("jurisdiction_id", ""))
    return _json(
        [
            {
                "service_code": service.code,
                "service_name": service.name,
                "description": service.description,
                "metadata": False,
                "type": "realtime",
                "keywords": "",
                "group": service.group,
            }
            for service in selectors.services_of(jurisdiction)
        ]
    )


@require_GET
@open311_view
def service_definition(request: HttpRequest, service_code: str) -> HttpResponse:
    jurisdiction = selectors.jurisdiction_for(request.GET.get("jurisdiction_id", ""))
    service = selectors.service_of(jurisdiction, service_code)
    return _json({"service_code": service.code, "attributes": []})


@csrf_exempt  # machine clients authenticate with api_key, never with a session cookie
@require_http_methods(["GET", "POST"])
@open311_view
def requests(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _post_request(request)
    jurisdiction = selectors.jurisdiction_for(request.GET.get("jurisdiction_id", ""))
    filters = selectors.parse_request_filters(request.GET.dict())
    # Clients poll the same lists; a list of 1,000 costs far more to build than to look up.
    # Any change to a message of the municipality changes `version`, so a hit is never stale
    # (the time limit only bounds the 90-day window's drift and deleted messages).
    parts = [
        str(jurisdiction.pk),
        selectors.requests_version(jurisdiction),
        translation.get_language() or "",
        request.build_absolute_uri("/"),
        urlencode(sorted(request.GET.dict().items())),
    ]
    key = "open311:requests:" + hashlib.sha256("|".join(parts).encode()).hexdigest()
    body = cache.get(key)
    if body is None:
        found = selectors.service_requests(jurisdiction=jurisdiction, filters=filters)
        body = json.dumps([_request_item(request, item) for item in found], ensure_ascii=False)
        body = body.encode()
        cache.set(key, body, LIST_CACHE_SECONDS)
    return _response(body)


@require_GET
@open311_view
def service_request(request: HttpRequest, feedback_id: int) -> HttpResponse:
    jurisdiction = selectors.jurisdiction_for(request.GET.get("jurisdiction_id", ""))
    found = selectors.service_request(jurisdiction=jurisdiction, request_id=feedback_id)
    return _json([_request_item(request, found)])


@open311_view
def unsupported_format(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise NotFound(_("Only the JSON format is supported: end the address with .json."))


@open311_view
def not_found(request: HttpRequest) -> HttpResponse:
    raise NotFound(_("There is nothing at this address."))


def _check_rate(request: HttpRequest, group: str, key: str, rate: str) -> None:
    if is_ratelimited(request, group=group, key=lambda _g, _r: key, rate=rate, increment=True):
        raise RateLimited()


def _decimal(value: str, name: str, limit: int) -> Decimal:
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite() or abs(number) > limit:
        raise InvalidInput(_("%(name)s is not a valid coordinate.") % {"name": name})
    return number.quantize(Decimal("0.000001"))


def _location(data: dict[str, str]) -> tuple[Decimal | None, Decimal | None, str]:
    latitude, longitude = data.get("lat", "").strip(), data.get("long", "").strip()
    address = data.get("address_string", "").strip()
    if bool(latitude) != bool(longitude) or not (latitude or address):
        raise InvalidInput(_("Give lat and long, or address_string."))
    if not latitude:
        return None, None, address
    return _decimal(latitude, "lat", 90), _decimal(longitude, "long", 180), address


def _writer(data: dict[str, str]) -> dict[str, Any]:
    """Named with contact details when the client gave any; anonymous otherwise."""
    name = " ".join(filter(None, (data.get("first_name", ""), data.get("last_name", ""))))
    email, phone = data.get("email", "").strip(), data.get("phone", "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError as error:
            raise InvalidInput(_("email is not a valid email address.")) from error
    if len(phone) > 20:
        raise InvalidInput(_("phone is too long."))
    if not (name.strip() or email or phone):
        return {"identity": Identity.ANONYMOUS}
    return {
        "identity": Identity.NAMED,
        "contact_name": name.strip(),
        "contact_email": email,
        "contact_phone": phone,
        "wants_contact": bool(email or phone),
    }


def _post_request(request: HttpRequest) -> HttpResponse:
    address = request.META.get("REMOTE_ADDR", "")
    _check_rate(request, "open311-post-ip", f"ip:{address}", POST_RATE_PER_IP)
    data = request.POST.dict()
    client = selectors.client_with_key(data.get("api_key", ""))
    jurisdiction = selectors.jurisdiction_for(data.get("jurisdiction_id", ""))
    selectors.check_client_may_post(client, jurisdiction)
    _check_rate(request, "open311-post-key", f"client:{client.pk}", POST_RATE_PER_KEY)
    # Bookkeeping of the key's use, so that unused keys can be found and revoked.
    Open311Client.objects.filter(pk=client.pk).update(last_used_at=timezone.now())
    code = data.get("service_code", "").strip()
    if not code:
        raise InvalidInput(_("service_code was not provided."))
    service = selectors.service_of(jurisdiction, code)
    latitude, longitude, place = _location(data)
    feedback = submit_feedback(
        actor=None,
        municipality=jurisdiction.municipality,
        draft=FeedbackDraft(
            category=service,
            text=data.get("description", ""),
            latitude=latitude,
            longitude=longitude,
            address=place,
            wants_public=True,
            language=translation.get_language() or "en",
            **_writer(data),
        ),
        source=Source.OPEN311,
        client=client,
    )
    return _json(
        [
            {
                "service_request_id": str(feedback.pk),
                "service_notice": _notice(service.response_days),
                "account_id": None,
            }
        ],
        status=201,
    )
