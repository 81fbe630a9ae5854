from django.urls import path

from lampio.seasons import staff_report_views

app_name = "seasons_reports"

REPORT = "<slug:municipality>/<slug:organisation>/rounds/<int:round_id>/report/"

urlpatterns = [
    path(REPORT, staff_report_views.report, name="report"),
    path(f"{REPORT}unmet-demand.csv", staff_report_views.demand_csv, name="demand_csv"),
]
