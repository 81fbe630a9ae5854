"""A registry through which each app declares the personal data it holds about a person.

The accounts app builds the personal-data export and the account deletion from it, so a new
app that stores personal data registers here and is covered by both without touching accounts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Exporter = Callable[[Any], Any]
Eraser = Callable[[Any], None]


@dataclass(frozen=True)
class PersonalDataSection:
    name: str
    export: Exporter
    erase: Eraser


_sections: dict[str, PersonalDataSection] = {}


def register_personal_data(name: str, *, export: Exporter, erase: Eraser) -> None:
    """Declare a section of personal data: how to export it and how to erase/anonymise it."""
    _sections[name] = PersonalDataSection(name=name, export=export, erase=erase)


def personal_data_sections() -> list[PersonalDataSection]:
    return [_sections[name] for name in sorted(_sections)]
