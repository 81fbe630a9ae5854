"""Admin of the assistant. Staff keep the knowledge on the staff pages (with preview and audit);
the admin is for the network's administrators. Questions and conversations are read only here:
they are what residents wrote, and a change would bypass the services and their audit."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from lampio.assistant.models import (
    AnswerOverride,
    Conversation,
    ConversationMessage,
    DutyShift,
    Exchange,
    KnowledgeEntry,
    Paraphrase,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ParaphraseInline(admin.TabularInline):
    model = Paraphrase
    extra = 1
    fields = ("language", "text", "source")


class AnswerOverrideInline(TranslationTabularInline):
    model = AnswerOverride
    extra = 0
    autocomplete_fields = ["municipality"]


@admin.register(KnowledgeEntry)
class KnowledgeEntryAdmin(TranslationAdmin):
    list_display = ["key", "title", "topic", "link", "is_published", "updated_at"]
    list_filter = ["topic", "is_published", "link"]
    search_fields = ["key", "title", "answer", "paraphrases__text"]
    readonly_fields = ["updated_at", "updated_by"]
    inlines = [ParaphraseInline, AnswerOverrideInline]

    def save_model(
        self, request: HttpRequest, obj: KnowledgeEntry, form: Any, change: bool
    ) -> None:
        obj.updated_by = request.user  # type: ignore[assignment]
        super().save_model(request, obj, form, change)


@admin.register(AnswerOverride)
class AnswerOverrideAdmin(TranslationAdmin):
    list_display = ["entry", "municipality", "updated_at"]
    list_filter = ["municipality"]
    search_fields = ["entry__key", "answer"]
    autocomplete_fields = ["entry", "municipality"]


@admin.register(Exchange)
class ExchangeAdmin(ReadOnlyAdmin):
    list_display = [
        "created_at", "question", "language", "municipality", "outcome", "entry", "intent",
        "confidence", "helpful", "review",
    ]  # fmt: skip
    list_filter = ["outcome", "review", "language", "municipality", "helpful"]
    list_select_related = ["municipality", "entry"]
    search_fields = ["question"]
    date_hierarchy = "created_at"


class ConversationMessageInline(admin.TabularInline):
    model = ConversationMessage
    extra = 0
    can_delete = False
    fields = ("created_at", "sender", "author", "text")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Conversation)
class ConversationAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "organisation", "language", "state", "taken_by", "created_at"]
    list_filter = ["state", "municipality", "language"]
    list_select_related = ["municipality", "organisation", "taken_by"]
    exclude = ["token"]
    date_hierarchy = "created_at"
    inlines = [ConversationMessageInline]


@admin.register(DutyShift)
class DutyShiftAdmin(ReadOnlyAdmin):
    list_display = ["user", "organisation", "started_at", "ends_at"]
    list_filter = ["organisation"]
    list_select_related = ["user", "organisation"]
