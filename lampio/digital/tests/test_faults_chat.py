"""Fault test: Redis down under the live chat. The message is stored and shown on the page;
only the live push is lost (open pages catch up when they refresh)."""

from __future__ import annotations

import logging
import time
from typing import Any

import pytest
from channels.layers import get_channel_layer
from django.urls import reverse
from django.utils import translation

from lampio.core import cache as resilient
from lampio.digital.models import ChatMessage

pytestmark = pytest.mark.django_db

DEAD_REDIS = "redis://127.0.0.1:1/0"


@pytest.fixture
def redis_down(settings: Any) -> Any:
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [{"address": DEAD_REDIS, "socket_connect_timeout": 0.2}]},
        }
    }
    settings.CACHES = {
        "default": {
            "BACKEND": "lampio.core.cache.ResilientRedisCache",
            "LOCATION": DEAD_REDIS,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    resilient._circuits.clear()
    yield
    resilient._circuits.clear()


def test_a_chat_message_is_kept_and_shown_when_redis_is_down(
    redis_down: None,
    client: Any,
    chat_live_session: Any,
    chat_viewer: Any,
    caplog: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    assert type(get_channel_layer()).__name__ == "RedisChannelLayer"
    client.force_login(chat_viewer)
    with translation.override("en"):
        kwargs = {"occurrence_id": chat_live_session.pk}
        back, send = (
            reverse("digital:chat", kwargs=kwargs),
            reverse("digital:chat_send", kwargs=kwargs),
        )
    assert client.get(back).status_code == 200  # (warm: the first request loads the URLs)
    started = time.monotonic()
    with (
        caplog.at_level(logging.ERROR, logger="lampio.digital.hub"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(send, {"text": "Kuuluuko?", "kind": "chat", "next": back})
    assert response.status_code == 302  # not a 500
    assert time.monotonic() - started < 3
    assert ChatMessage.objects.get().text == "Kuuluuko?"
    assert any("Could not publish" in record.getMessage() for record in caplog.records)
    # The page without the live push still shows it (refresh or no JavaScript).
    assert "Kuuluuko?" in client.get(back).content.decode()
    # The pace limit still holds, counted in the process while Redis is away.
    again = client.post(send, {"text": "Toinen", "kind": "chat", "next": back})
    assert ChatMessage.objects.count() == 1
    assert again.status_code == 200
