"""Residents' idea pages under /<lang>/ideas/."""

from django.urls import path

from lampio.ideas import views
from lampio.ideas import views_participation as taking_part

app_name = "ideas"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("similar/", views.similar, name="similar"),
    path("mine/", views.mine, name="mine"),
    path("boards/<slug:slug>/", views.board, name="board"),
    path("boards/<slug:slug>/campaigns/<slug:campaign>/", views.campaign, name="campaign"),
    path("<int:idea_id>/", taking_part.detail, name="detail"),
    path("<int:idea_id>/support/", taking_part.support, name="support"),
    path("<int:idea_id>/withdraw/", taking_part.withdraw, name="withdraw"),
    path("<int:idea_id>/follow/", taking_part.follow, name="follow"),
    path("<int:idea_id>/unfollow/", taking_part.unfollow, name="unfollow"),
    path("<int:idea_id>/comment/", taking_part.comment, name="comment"),
    path("<int:idea_id>/comments/<int:comment_id>/reply/", taking_part.reply, name="reply"),
    path("<int:idea_id>/report/", taking_part.report, name="report"),
    path(
        "<int:idea_id>/comments/<int:comment_id>/report/",
        taking_part.report_comment,
        name="report_comment",
    ),
]
