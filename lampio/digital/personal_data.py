"""What the digital-sessions app holds about a person, for export and erasure.

Owned by the chat and sign-in work: chat messages a person wrote are exported and erased;
feedback is anonymous and holds nothing to export.
"""
