from django.urls import path

from lampio.payments import staff_views, staff_views_settings

app_name = "payments_staff"

ORG = "<slug:municipality>/<slug:organisation>/payments/"
ORDER = f"{ORG}orders/<int:order_pk>/"

urlpatterns = [
    path(ORG, staff_views.orders, name="orders"),
    path(f"{ORG}orders.csv", staff_views.orders_csv, name="orders_csv"),
    path(ORDER, staff_views.order_detail, name="order"),
    path(f"{ORDER}refund/", staff_views.order_refund, name="order_refund"),
    path(f"{ORDER}paid-on-site/", staff_views.order_paid_on_site, name="order_paid_on_site"),
    path(f"{ORDER}resolve/", staff_views.order_resolve, name="order_resolve"),
    path(f"{ORG}daily/", staff_views.daily, name="daily"),
    path(f"{ORG}invoices/", staff_views_settings.exports, name="exports"),
    path(f"{ORG}invoices/new/", staff_views_settings.export_create, name="export_create"),
    path(f"{ORG}invoices/<int:export_id>.csv", staff_views_settings.export_csv, name="export_csv"),
    path(f"{ORG}settings/", staff_views_settings.settings_page, name="settings"),
    path(f"{ORG}settings/prices/new/", staff_views_settings.rule_add, name="rule_add"),
    path(
        f"{ORG}settings/prices/<int:rule_id>/delete/",
        staff_views_settings.rule_delete,
        name="rule_delete",
    ),
    path(f"{ORG}settings/free/new/", staff_views_settings.free_add, name="free_add"),
    path(
        f"{ORG}settings/free/<int:free_id>/delete/",
        staff_views_settings.free_delete,
        name="free_delete",
    ),
]
