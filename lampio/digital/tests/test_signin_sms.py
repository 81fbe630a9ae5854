"""The small SMS interface the codes and reminders use: console for the demo, locmem for tests."""

from __future__ import annotations

import logging

import pytest
from django.core.exceptions import ImproperlyConfigured

from lampio.core import sms


def test_the_locmem_backend_keeps_an_outbox(settings):
    settings.LAMPIO_SMS_BACKEND = "locmem"
    sms.outbox.clear()
    sms.send_sms("+358401234567", "Koodisi on 123456")
    assert sms.outbox == [sms.TextMessage(to="+358401234567", text="Koodisi on 123456")]


def test_the_console_backend_logs_the_text(settings, caplog):
    settings.LAMPIO_SMS_BACKEND = "console"
    sms.outbox.clear()
    with caplog.at_level(logging.INFO, logger="lampio.core.sms"):
        sms.send_sms("+358401234567", "Hei")
    assert "SMS to +358401234567: Hei" in caplog.text
    assert sms.outbox == []


def test_an_unknown_backend_is_a_configuration_error(settings):
    settings.LAMPIO_SMS_BACKEND = "carrier-pigeon"
    with pytest.raises(ImproperlyConfigured):
        sms.send_sms("+358401234567", "Hei")
