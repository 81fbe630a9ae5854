"""Addresses of the provider desk, for its tests."""

from __future__ import annotations

from typing import Any

from django.urls import reverse


def url(name: str, organisation: Any, **kwargs: Any) -> str:
    return reverse(
        f"offerings_staff:{name}",
        kwargs={
            "municipality": organisation.municipality.slug,
            "organisation": organisation.slug,
            **kwargs,
        },
    )
