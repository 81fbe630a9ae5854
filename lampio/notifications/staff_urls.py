from django.urls import path

from lampio.notifications import staff_views

app_name = "notifications_staff"

ORG = "<slug:municipality>/<slug:organisation>/messages/"

urlpatterns = [
    path(ORG, staff_views.templates, name="templates"),
    path(f"{ORG}log/", staff_views.deliveries, name="deliveries"),
    path(f"{ORG}log/<int:delivery_id>/retry/", staff_views.retry, name="retry"),
    # Keys contain dots ("bookings.reminder"), so they are not slugs.
    path(f"{ORG}<str:message_key>/", staff_views.template_edit, name="template_edit"),
    path(f"{ORG}<str:message_key>/restore/", staff_views.template_restore, name="template_restore"),
]
