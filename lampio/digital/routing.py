"""WebSocket routes, served by Channels next to the HTTP pages (see lampio/asgi.py)."""

from django.urls import URLPattern, path

from lampio.digital.consumers import ConsoleConsumer, SessionConsumer

websocket_urlpatterns: list[URLPattern] = [
    path("ws/sessions/<int:occurrence_id>/", SessionConsumer.as_asgi()),
    path("ws/sessions/<int:occurrence_id>/console/", ConsoleConsumer.as_asgi()),
]
