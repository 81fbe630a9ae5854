"""The chat, questions and applause of a session, without JavaScript (live.js enhances them)."""

from django.urls import URLPattern, path

from lampio.digital import views_chat

urlpatterns: list[URLPattern] = [
    path("sessions/<int:occurrence_id>/chat/", views_chat.chat, name="chat"),
    path("sessions/<int:occurrence_id>/chat/send/", views_chat.chat_send, name="chat_send"),
    path("sessions/<int:occurrence_id>/applause/", views_chat.react, name="react"),
]
