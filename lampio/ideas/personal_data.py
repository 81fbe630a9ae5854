"""What the ideas app holds about a person, for export and erasure.

Erasure keeps ideas and comments for the city's records and the discussion's sense, but unlinks
them from the person (they then show no name); supports and follows are deleted, and the
supported ideas' counts go down with them.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F

from lampio.accounts.models import User
from lampio.core.privacy import register_personal_data
from lampio.ideas.models import Comment, Follow, Idea, Report, Support


def export_ideas(user: User) -> dict[str, Any]:
    return {
        "ideas": [
            {
                "id": idea.pk,
                "title": idea.title,
                "text": idea.body,
                "place": idea.place,
                "name_shown": idea.show_name,
                "sent_at": idea.created_at.isoformat(),
            }
            for idea in Idea.objects.filter(author=user).order_by("created_at", "pk")
        ],
        "comments": [
            {
                "idea": comment.idea_id,
                "text": comment.body,
                "sent_at": comment.created_at.isoformat(),
            }
            for comment in Comment.objects.filter(author=user).order_by("created_at", "pk")
        ],
        "supported": list(Support.objects.filter(person=user).values_list("idea_id", flat=True)),
        "followed": list(Follow.objects.filter(person=user).values_list("idea_id", flat=True)),
        "reports": [
            {"idea": report.idea_id, "reason": report.reason, "details": report.note}
            for report in Report.objects.filter(reporter=user)
        ],
    }


def erase_ideas(user: User) -> None:
    with transaction.atomic():
        supported = list(Support.objects.filter(person=user).values_list("idea_id", flat=True))
        Support.objects.filter(person=user).delete()
        Idea.objects.filter(pk__in=supported).update(support_count=F("support_count") - 1)
        Follow.objects.filter(person=user).delete()
        Idea.objects.filter(author=user).update(author=None, show_name=False)
        Comment.objects.filter(author=user).update(author=None, show_name=False)
        Report.objects.filter(reporter=user).update(reporter=None, note="")


register_personal_data("ideas", export=export_ideas, erase=erase_ideas)
