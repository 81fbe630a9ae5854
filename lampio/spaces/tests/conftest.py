"""Fixtures of the staff photo tests: an organisation's space, its staff, and a media folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from lampio.tenancy.models import Role


@pytest.fixture
def photo_settings(settings, tmp_path):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def media(settings) -> Path:
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def owner(make_organisation):
    return make_organisation()


@pytest.fixture
def staff(owner, make_member):
    return make_member(owner, role=Role.STAFF)


@pytest.fixture
def space(owner, make_space):
    return make_space(organisation=owner)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client
