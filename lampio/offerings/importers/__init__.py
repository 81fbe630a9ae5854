"""Importers that bring offerings in from other event systems (Linked Events)."""
