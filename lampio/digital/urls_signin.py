"""Taking part without a password (included by urls.py)."""

from django.urls import path

from lampio.digital import views_signin

urlpatterns = [
    path(
        "sessions/<int:occurrence_id>/take-part/",
        views_signin.take_part,
        name="take_part",
    ),
    path(
        "sessions/<int:occurrence_id>/take-part/code/",
        views_signin.take_part_code,
        name="take_part_code",
    ),
]
