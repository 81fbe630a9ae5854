from lampio.bookings.models import Booking, BookingSeries
from lampio.core.audit import register_audited

# Door codes stay out of the change log: staff of the owner see them on the booking itself.
register_audited(Booking, exclude_fields=["feed_token", "access_code"])
register_audited(BookingSeries, exclude_fields=["access_code"])
