from django.contrib import admin

from lampio.bookings.models import Booking


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    """Read-mostly: bookings change through the services, which keep the rules and the audit."""

    list_display = ["space", "starts_at", "ends_at", "status", "kind", "booker"]
    list_filter = ["status", "kind", "space__venue__organisation__municipality"]
    search_fields = ["space__name", "booker__email", "purpose"]
    date_hierarchy = "starts_at"
    readonly_fields = [field.name for field in Booking._meta.fields]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
