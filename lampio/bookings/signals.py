"""Signals for the apps above bookings (payments), which bookings must not import.

`booking_released` is sent inside the transaction that cancels or denies a booking, so a
receiver's writes (a refund, a cancelled order) commit or roll back with it.
"""

from django.dispatch import Signal

# kwargs: booking, actor (None when the system released it)
booking_released = Signal()
