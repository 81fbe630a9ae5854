"""The senior home and a session's page (included by urls.py)."""

from django.urls import path

from lampio.digital import views_home, views_session

urlpatterns = [
    path("", views_home.home, name="home"),
    path("sessions/<int:occurrence_id>/", views_session.session, name="session"),
]
