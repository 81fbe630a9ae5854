import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Load the demo once for the module and roll it back at the end; each test still runs in
    its own transaction inside this one. Modules that need media in a temporary folder define
    their own. The year of history is left out: only the insights tests need it."""
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
        transaction.atomic(),
    ):
        call_command("load_demo", "--without-history", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def demo_with_history(django_db_setup, django_db_blocker):
    """The whole demo, with its year of history aggregated into insight facts."""
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
        transaction.atomic(),
    ):
        call_command("load_demo", verbosity=0)
        yield
        transaction.set_rollback(True)
