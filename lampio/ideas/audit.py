from auditlog.registry import auditlog

from lampio.ideas.models import (
    Board,
    Campaign,
    Comment,
    FilteredWord,
    Idea,
    IdeaCategory,
    IdeaState,
    Report,
    RoutingProfile,
    StrategyTheme,
)

# Every staff change is audited. Texts people wrote are left out, so the audit log does not
# become a second copy of what erasure must remove.
auditlog.register(Idea, exclude_fields=["body", "terms", "title", "support_count", "comment_count"])
auditlog.register(Comment, exclude_fields=["body"])
auditlog.register(Report, exclude_fields=["note"])
auditlog.register(Board)
auditlog.register(Campaign)
auditlog.register(IdeaCategory)
auditlog.register(IdeaState)
auditlog.register(StrategyTheme)
auditlog.register(RoutingProfile)
auditlog.register(FilteredWord)
