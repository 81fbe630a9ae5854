"""Signals for the apps above offerings (payments), which offerings must not import.

Each is sent inside the transaction of the change, so a receiver's writes (an order, a
cancelled invoice) commit or roll back with it.
"""

from django.dispatch import Signal

# kwargs: enrolment or group_order (the other None): seats were confirmed for it; new=True
# when the enrolment was made just now (nothing can refer to it yet).
participation_confirmed = Signal()
# kwargs: enrolment or group_order: the confirmed seats were given up.
participation_released = Signal()
# kwargs: occurrence: the provider cancelled it; whatever was paid for it is returned.
occurrence_called_off = Signal()
