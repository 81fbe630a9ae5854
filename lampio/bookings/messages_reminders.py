"""Message kinds of reminders and feedback requests. STUB: the reminders helper fills it."""
