"""Residents' assistant pages under /<lang>/assistant/."""

from django.urls import path

from lampio.assistant import views, views_handoff

app_name = "assistant"

urlpatterns = [
    path("", views.ask, name="ask"),
    path("not-helpful/", views.not_helpful, name="not_helpful"),
    path("person/", views_handoff.handoff_page, name="handoff"),
    path(
        "conversations/<str:conversation_token>/",
        views_handoff.conversation_page,
        name="conversation",
    ),
    path(
        "conversations/<str:conversation_token>/messages/",
        views_handoff.conversation_messages,
        name="conversation_messages",
    ),
    path(
        "conversations/<str:conversation_token>/close/",
        views_handoff.conversation_close,
        name="conversation_close",
    ),
]
