"""The waitlist benchmark: cancellation → first offer queued, and the watchers' fan-out."""
