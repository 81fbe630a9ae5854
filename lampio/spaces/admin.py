from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from lampio.spaces.models import (
    Equipment,
    OpeningException,
    OpeningHours,
    Space,
    SpacePhoto,
    Venue,
)


@admin.register(Venue)
class VenueAdmin(TranslationAdmin):
    list_display = ["name", "organisation", "post_office", "is_published"]
    list_filter = ["organisation__municipality", "is_published"]
    search_fields = ["name", "street_address"]


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class OpeningExceptionInline(TranslationTabularInline):
    model = OpeningException
    extra = 0


class SpacePhotoInline(TranslationTabularInline):
    model = SpacePhoto
    extra = 0


@admin.register(Space)
class SpaceAdmin(TranslationAdmin):
    list_display = ["name", "venue", "space_type", "capacity", "requires_handling", "is_published"]
    list_filter = ["space_type", "venue__organisation__municipality", "requires_handling"]
    search_fields = ["name", "venue__name"]
    filter_horizontal = ["equipment", "allowed_organisations"]
    inlines = [OpeningHoursInline, OpeningExceptionInline, SpacePhotoInline]


@admin.register(Equipment)
class EquipmentAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
