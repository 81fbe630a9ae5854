from auditlog.registry import auditlog

from lampio.bookings.models import Booking

auditlog.register(Booking, exclude_fields=["feed_token"])
