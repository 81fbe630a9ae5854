"""Residents' pages: browse offerings, enrol, order for a group, and one's own enrolments."""

from django.urls import path

from lampio.offerings import views, views_enrolment, views_orders

app_name = "offerings"

urlpatterns = [
    path("", views.offering_list, name="list"),
    path("calendar/", views.offering_calendar, name="calendar"),
    path("<int:offering_id>/", views.offering_detail, name="detail"),
    path(
        "providers/<slug:municipality>/<slug:organisation>/",
        views.provider_profile,
        name="provider",
    ),
    path("<int:offering_id>/order/", views_orders.place_order, name="order"),
    path("times/<int:occurrence_id>/enrol/", views_enrolment.enrol, name="enrol"),
    path("enrolments/", views_enrolment.my_enrolments, name="mine"),
    path("enrolments/<int:enrolment_id>/", views_enrolment.enrolment_detail, name="enrolment"),
    path(
        "enrolments/<int:enrolment_id>/enrolment.ics",
        views_enrolment.enrolment_ics,
        name="enrolment_ics",
    ),
    path(
        "enrolments/<int:enrolment_id>/cancel/",
        views_enrolment.cancel_enrolment,
        name="enrolment_cancel",
    ),
    path("orders/", views_orders.unit_orders, name="unit_orders"),
    path("orders/<int:order_id>/", views_orders.unit_order, name="unit_order"),
    path(
        "orders/<int:order_id>/accept-time/",
        views_orders.accept_proposed_time,
        name="order_accept_time",
    ),
    path("orders/<int:order_id>/cancel/", views_orders.cancel_order, name="order_cancel"),
]
