"""Message kinds of waitlists and watches. STUB: the waitlist helper fills it."""
