"""The provider's desk, under the organisation's own staff address."""

from django.urls import path

from lampio.offerings import staff_image_views as image_views
from lampio.offerings import staff_order_views as order_views
from lampio.offerings import staff_time_views as time_views
from lampio.offerings import staff_views as views

app_name = "offerings_staff"

OFFERINGS = "<slug:municipality>/<slug:organisation>/offerings"
OFFERING = f"{OFFERINGS}/<int:offering_id>"
OCCURRENCE = f"{OFFERINGS}/times/<int:occurrence_id>"
ORDER = f"{OFFERINGS}/orders/<int:order_id>"

urlpatterns = [
    path(f"{OFFERINGS}/", views.offering_list, name="list"),
    path(f"{OFFERINGS}/new/", views.offering_create, name="new"),
    path(f"{OFFERING}/", views.offering_edit, name="edit"),
    path(f"{OFFERING}/publish/", views.offering_publish, name="publish"),
    path(f"{OFFERING}/unpublish/", views.offering_unpublish, name="unpublish"),
    path(f"{OFFERING}/cancel/", views.offering_cancel, name="cancel"),
    path(f"{OFFERING}/times/", time_views.times, name="times"),
    path(f"{OFFERING}/times/weekly/", time_views.weekly, name="weekly"),
    path(f"{OFFERING}/images/", image_views.images, name="images"),
    path(
        f"{OFFERINGS}/images/<int:image_id>/remove/",
        image_views.image_remove,
        name="image_remove",
    ),
    path(f"{OCCURRENCE}/", time_views.occurrence_detail, name="occurrence"),
    path(f"{OCCURRENCE}/seats/", time_views.occurrence_capacity, name="occurrence_capacity"),
    path(f"{OCCURRENCE}/status/", time_views.occurrence_status, name="occurrence_status"),
    path(f"{OCCURRENCE}/move/", time_views.occurrence_reschedule, name="occurrence_reschedule"),
    path(
        f"{OCCURRENCE}/attendance/",
        time_views.occurrence_attendance,
        name="occurrence_attendance",
    ),
    path(f"{OFFERINGS}/orders/", order_views.orders, name="orders"),
    path(f"{ORDER}/", order_views.order_detail, name="order"),
    path(f"{ORDER}/accept/", order_views.order_accept, name="order_accept"),
    path(f"{ORDER}/decline/", order_views.order_decline, name="order_decline"),
    path(f"{ORDER}/propose/", order_views.order_propose, name="order_propose"),
]
