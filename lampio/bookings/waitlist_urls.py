from django.urls import path

from lampio.bookings import waitlist_views as views

app_name = "waitlist"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("join/<int:space_id>/", views.join, name="join"),
    path("<int:entry_id>/", views.offer, name="offer"),
    path("<int:entry_id>/accept/", views.accept, name="accept"),
    path("<int:entry_id>/leave/", views.leave, name="leave"),
    path("watches/new/", views.watch_new, name="watch_new"),
    path("watches/<int:watch_id>/delete/", views.watch_delete, name="watch_delete"),
]
