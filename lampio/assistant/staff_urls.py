"""Staff assistant pages under /<lang>/staff/<municipality>/<organisation>/assistant/."""

from django.urls import path

from lampio.assistant import staff_views as views
from lampio.assistant import staff_views_chat as chat_views

app_name = "assistant_staff"

ASSISTANT = "<slug:municipality>/<slug:organisation>/assistant"
ENTRY = f"{ASSISTANT}/knowledge/<slug:entry_key>"
EXCHANGE = f"{ASSISTANT}/review/<int:exchange_id>"
CHAT = f"{ASSISTANT}/chats/<int:conversation_id>"

urlpatterns = [
    path(f"{ASSISTANT}/", views.entries, name="entries"),
    path(f"{ASSISTANT}/knowledge/new/", views.entry_new, name="entry_new"),
    path(f"{ENTRY}/", views.entry_edit, name="entry_edit"),
    path(f"{ENTRY}/preview/", views.entry_preview, name="entry_preview"),
    path(f"{ENTRY}/answer/", views.override_edit, name="override_edit"),
    path(f"{ENTRY}/paraphrases/", views.paraphrase_add, name="paraphrase_add"),
    path(
        f"{ASSISTANT}/paraphrases/<int:paraphrase_id>/delete/",
        views.paraphrase_delete,
        name="paraphrase_delete",
    ),
    path(f"{ASSISTANT}/review/", views.review, name="review"),
    path(f"{EXCHANGE}/teach/", views.review_teach, name="review_teach"),
    path(f"{EXCHANGE}/dismiss/", views.review_dismiss, name="review_dismiss"),
    path(f"{ASSISTANT}/chats/", chat_views.chats, name="chats"),
    path(f"{ASSISTANT}/duty/", chat_views.duty, name="duty"),
    path(f"{CHAT}/", chat_views.chat, name="chat"),
    path(f"{CHAT}/take/", chat_views.chat_take, name="chat_take"),
    path(f"{CHAT}/close/", chat_views.chat_close, name="chat_close"),
    path(f"{CHAT}/messages/", chat_views.chat_messages, name="chat_messages"),
]
