"""Reads of digital capability, one module per area."""
