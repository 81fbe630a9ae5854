"""WebSocket routes, served by Channels next to the HTTP pages (see lampio/asgi.py)."""

from django.urls import URLPattern

websocket_urlpatterns: list[URLPattern] = []
