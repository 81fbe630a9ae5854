"""Staff idea pages under /<lang>/staff/<municipality>/<organisation>/ideas/."""

from django.urls import path

from lampio.ideas import staff_campaign_views as side_views
from lampio.ideas import staff_views as views

app_name = "ideas_staff"

IDEAS = "<slug:municipality>/<slug:organisation>/ideas"
ONE = f"{IDEAS}/<int:idea_id>"
COMMENT = f"{ONE}/comments/<int:comment_id>"
CAMPAIGNS = f"{IDEAS}/campaigns"
CAMPAIGN = f"{CAMPAIGNS}/<int:campaign_id>"

urlpatterns = [
    path(f"{IDEAS}/", views.idea_list, name="list"),
    path(f"{IDEAS}/moderation/", side_views.queue, name="queue"),
    path(f"{CAMPAIGNS}/", side_views.campaigns, name="campaigns"),
    path(f"{CAMPAIGNS}/new/", side_views.campaign_new, name="campaign_new"),
    path(f"{CAMPAIGN}/", side_views.campaign_edit, name="campaign_edit"),
    path(f"{CAMPAIGN}/ideas.csv", side_views.campaign_ideas_csv, name="campaign_ideas_csv"),
    path(
        f"{CAMPAIGN}/supports.csv", side_views.campaign_supports_csv, name="campaign_supports_csv"
    ),
    path(f"{ONE}/", views.idea_detail, name="idea"),
    path(f"{ONE}/routing/", views.routing, name="routing"),
    path(f"{ONE}/answer/", views.answer, name="answer"),
    path(f"{ONE}/state/", views.state, name="state"),
    path(f"{ONE}/merge/", views.merge, name="merge"),
    path(f"{ONE}/hide/", views.hide, name="hide"),
    path(f"{ONE}/show/", views.show, name="show"),
    path(f"{ONE}/resolve/", views.resolve, name="resolve"),
    path(f"{COMMENT}/hide/", views.comment_hide, name="comment_hide"),
    path(f"{COMMENT}/show/", views.comment_show, name="comment_show"),
]
