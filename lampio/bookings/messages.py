"""Message kinds of bookings (confirmations with access codes). STUB: the access helper fills it."""
