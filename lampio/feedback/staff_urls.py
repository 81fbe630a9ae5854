"""Staff feedback handling under /<lang>/staff/<municipality>/<organisation>/feedback/."""

from django.urls import path

from lampio.feedback import staff_template_views as side_views
from lampio.feedback import staff_views as views

app_name = "feedback_staff"

FEEDBACK = "<slug:municipality>/<slug:organisation>/feedback"
ONE = f"{FEEDBACK}/<int:feedback_id>"
TEMPLATES = f"{FEEDBACK}/templates"

urlpatterns = [
    path(f"{FEEDBACK}/", views.inbox, name="inbox"),
    path(f"{FEEDBACK}/bulk/", views.bulk, name="bulk"),
    path(f"{FEEDBACK}/summary/", side_views.summary, name="summary"),
    path(f"{TEMPLATES}/", side_views.templates, name="templates"),
    path(f"{TEMPLATES}/new/", side_views.template_new, name="template_new"),
    path(f"{TEMPLATES}/<int:template_id>/", side_views.template_edit, name="template_edit"),
    path(
        f"{TEMPLATES}/<int:template_id>/delete/",
        side_views.template_delete,
        name="template_delete",
    ),
    path(f"{ONE}/", views.detail, name="detail"),
    path(f"{ONE}/assign/", views.assign, name="assign"),
    path(f"{ONE}/note/", views.note, name="note"),
    path(f"{ONE}/reply/", views.reply, name="reply"),
    path(f"{ONE}/state/", views.state, name="state"),
    path(f"{ONE}/forward/", views.forward, name="forward"),
    path(f"{ONE}/merge/", views.merge, name="merge"),
    path(f"{ONE}/publish/", views.publish, name="publish"),
    path(f"{ONE}/hide/", views.hide, name="hide"),
    path(f"{ONE}/close/", views.close, name="close"),
]
