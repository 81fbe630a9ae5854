"""`{% booking_access booking as access %}`: how the viewing person gets in (see bookings.access).

The resident pages show the code only to whom `access.may_see_code` allows; the tag asks with
the request's user, so a template cannot show a code by mistake.
"""

from __future__ import annotations

from typing import Any

from django import template

from lampio.bookings.access import AccessInfo, access_for
from lampio.bookings.models import Booking

register = template.Library()


@register.simple_tag(takes_context=True)
def booking_access(context: dict[str, Any], booking: Booking) -> AccessInfo:
    return access_for(booking, viewer=context["request"].user)
