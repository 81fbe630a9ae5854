from lampio.core.audit import register_audited
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
register_audited(Idea, exclude_fields=["body", "terms", "title", "support_count", "comment_count"])
register_audited(Comment, exclude_fields=["body"])
register_audited(Report, exclude_fields=["note"])
register_audited(Board)
register_audited(Campaign)
register_audited(IdeaCategory)
register_audited(IdeaState)
register_audited(StrategyTheme)
register_audited(RoutingProfile)
register_audited(FilteredWord)
