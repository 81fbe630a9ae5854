from django.urls import path

from lampio.seasons import staff_views, staff_views_allocation

app_name = "seasons_staff"

ORG = "<slug:municipality>/<slug:organisation>/rounds/"
ROUND = f"{ORG}<int:round_id>/"
WISH = f"{ROUND}allocation/wishes/<int:wish_id>/"

urlpatterns = [
    path(ORG, staff_views.rounds, name="rounds"),
    path(f"{ORG}new/", staff_views.round_new, name="round_new"),
    path(ROUND, staff_views.round_detail, name="round"),
    path(f"{ROUND}edit/", staff_views.round_edit, name="round_edit"),
    path(
        f"{ROUND}applications/<int:application_id>/class/",
        staff_views.reclassify,
        name="reclassify",
    ),
    path(f"{ROUND}allocation/", staff_views_allocation.allocation, name="allocation"),
    path(f"{ROUND}allocation/run/", staff_views_allocation.run, name="run"),
    path(f"{WISH}move/", staff_views_allocation.move, name="move"),
    path(f"{WISH}lock/", staff_views_allocation.lock, name="lock"),
    path(f"{WISH}unlock/", staff_views_allocation.unlock, name="unlock"),
    path(f"{WISH}remove/", staff_views_allocation.remove, name="remove"),
    path(f"{ROUND}publish/", staff_views_allocation.publish, name="publish"),
]
