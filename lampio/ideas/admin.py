"""Admin of the ideas set-up: boards, campaigns, categories, states, strategy themes, routing
profiles and the word filter. Ideas themselves are handled on the staff pages, where every
action is an audited event with a message to the followers."""

from __future__ import annotations

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from lampio.ideas.models import (
    Board,
    Campaign,
    FilteredWord,
    IdeaCategory,
    IdeaState,
    RoutingProfile,
    StrategyTheme,
)


@admin.register(Board)
class BoardAdmin(TranslationAdmin):
    list_display = ["title", "slug", "organisation", "audience", "support_threshold", "is_active"]
    list_filter = ["audience", "is_active", "organisation__municipality"]
    search_fields = ["title", "slug"]
    autocomplete_fields = ["organisation"]
    prepopulated_fields = {"slug": ["title_fi"]}


@admin.register(Campaign)
class CampaignAdmin(TranslationAdmin):
    list_display = ["title", "board", "opens_on", "closes_on", "support_threshold", "owner"]
    list_filter = ["board"]
    search_fields = ["title", "theme", "slug"]
    autocomplete_fields = ["owner"]
    date_hierarchy = "opens_on"


@admin.register(IdeaCategory)
class IdeaCategoryAdmin(TranslationAdmin):
    list_display = ["name", "slug", "position", "is_active"]
    list_editable = ["position", "is_active"]
    search_fields = ["name", "slug"]


@admin.register(IdeaState)
class IdeaStateAdmin(TranslationAdmin):
    list_display = ["name", "slug", "kind", "position"]
    list_filter = ["kind"]
    search_fields = ["name", "slug"]
    filter_horizontal = ["next_states"]


@admin.register(StrategyTheme)
class StrategyThemeAdmin(TranslationAdmin):
    list_display = ["name", "slug", "municipality", "is_active"]
    list_filter = ["municipality", "is_active"]
    search_fields = ["name", "slug", "keywords"]


@admin.register(RoutingProfile)
class RoutingProfileAdmin(admin.ModelAdmin):
    list_display = ["organisation"]
    list_filter = ["organisation__municipality"]
    search_fields = ["organisation__name", "responsibilities"]
    autocomplete_fields = ["organisation"]


@admin.register(FilteredWord)
class FilteredWordAdmin(admin.ModelAdmin):
    list_display = ["word"]
    search_fields = ["word"]
