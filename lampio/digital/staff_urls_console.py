"""The provider's session console (included by staff_urls.py)."""

from django.urls import URLPattern, path

from lampio.digital import staff_console_views as views

SESSION = "<slug:municipality>/<slug:organisation>/sessions/<int:occurrence_id>"

urlpatterns: list[URLPattern] = [
    path(f"{SESSION}/", views.console, name="console"),
    path(f"{SESSION}/go-live/", views.go_live, name="console_go_live"),
    path(f"{SESSION}/end/", views.end, name="console_end"),
    path(f"{SESSION}/stream/", views.stream, name="console_stream"),
    path(f"{SESSION}/chat/", views.chat_switch, name="console_chat"),
    path(
        f"{SESSION}/messages/<int:chat_message_id>/",
        views.moderate,
        name="console_moderate",
    ),
    path(f"{SESSION}/audience-message/", views.audience_message, name="console_message"),
]
