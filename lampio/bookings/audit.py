from auditlog.registry import auditlog

from lampio.bookings.models import Booking, BookingSeries

# Door codes stay out of the change log: staff of the owner see them on the booking itself.
auditlog.register(Booking, exclude_fields=["feed_token", "access_code"])
auditlog.register(BookingSeries, exclude_fields=["access_code"])
