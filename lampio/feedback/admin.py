"""Admin of the feedback set-up. Messages themselves are handled on the staff pages, where every
action is an audited event; here they can only be looked at."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TranslationAdmin

from lampio.feedback.models import (
    Feedback,
    FeedbackCategory,
    FeedbackEvent,
    FeedbackState,
    Jurisdiction,
    Open311Client,
    ReplyTemplate,
)


@admin.register(Jurisdiction)
class JurisdictionAdmin(admin.ModelAdmin):
    list_display = ["municipality", "open311_id", "fallback_organisation"]
    search_fields = ["open311_id", "municipality__name"]
    autocomplete_fields = ["fallback_organisation"]


@admin.register(FeedbackState)
class FeedbackStateAdmin(TranslationAdmin):
    list_display = ["name", "municipality", "kind", "is_initial", "position"]
    list_filter = ["municipality", "kind"]
    search_fields = ["name", "slug"]


@admin.register(FeedbackCategory)
class FeedbackCategoryAdmin(TranslationAdmin):
    list_display = ["name", "code", "municipality", "organisation", "response_days", "is_active"]
    list_filter = ["municipality", "is_active"]
    search_fields = ["name", "code"]
    autocomplete_fields = ["organisation"]


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(TranslationAdmin):
    list_display = ["name", "organisation"]
    list_filter = ["organisation__municipality"]
    search_fields = ["name", "body"]
    autocomplete_fields = ["organisation"]


def _show_key_once(request: HttpRequest, client: Open311Client, key: str) -> None:
    messages.warning(
        request,
        _("The API key of %(client)s is %(key)s. Copy it now: it is not shown again.")
        % {"client": client.name, "key": key},
    )


@admin.register(Open311Client)
class Open311ClientAdmin(admin.ModelAdmin):
    """Only a key's hash is stored; the key itself is shown once, when it is issued."""

    list_display = ["name", "municipality", "key_prefix", "is_active", "last_used_at"]
    list_filter = ["is_active", "municipality"]
    search_fields = ["name", "key_prefix"]
    fields = ["name", "municipality", "is_active", "key_prefix", "created_at", "last_used_at"]
    readonly_fields = ["key_prefix", "created_at", "last_used_at"]
    actions = ["issue_new_keys"]

    def save_model(self, request: HttpRequest, obj: Open311Client, form: Any, change: bool) -> None:
        key = None if change else obj.issue_key()
        super().save_model(request, obj, form, change)
        if key is not None:
            _show_key_once(request, obj, key)

    @admin.action(description=gettext_lazy("Issue a new API key (the old one stops working)"))
    def issue_new_keys(self, request: HttpRequest, queryset: QuerySet[Open311Client]) -> None:
        for client in queryset:
            key = client.issue_key()
            client.save(update_fields=["key_hash", "key_prefix"])
            _show_key_once(request, client, key)


class FeedbackEventInline(admin.TabularInline):
    model = FeedbackEvent
    extra = 0
    can_delete = False
    fields = ("created_at", "kind", "actor", "state", "to_organisation", "text")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """Read only: a change here would bypass the events and the audit of the staff pages."""

    list_display = [
        "__str__",
        "category",
        "organisation",
        "state",
        "submitted_at",
        "due_at",
        "is_published",
        "source",
    ]
    list_filter = ["municipality", "state__kind", "source", "is_published", "identity"]
    list_select_related = ["category", "organisation", "state"]
    search_fields = ["=id", "text"]
    date_hierarchy = "submitted_at"
    inlines = [FeedbackEventInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
