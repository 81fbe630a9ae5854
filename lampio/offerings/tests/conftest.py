"""Shared setup of the provider-desk tests: a provider and its editor, logged in."""

from __future__ import annotations

from typing import Any

import pytest

from lampio.tenancy.models import Role


@pytest.fixture
def no_staff_mfa(settings: Any) -> None:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False


@pytest.fixture
def provider(make_organisation: Any) -> Any:
    return make_organisation()


@pytest.fixture
def editor(provider: Any, make_member: Any) -> Any:
    return make_member(provider, role=Role.PROVIDER_EDITOR)


@pytest.fixture
def editor_client(client: Any, editor: Any) -> Any:
    client.force_login(editor)
    return client
