"""Writes of digital capability, one module per area."""
