"""Every write of the ideas app, one function per use case: `from lampio.ideas import services`."""

from lampio.ideas.services.access import (
    may_handle_idea,
    may_moderate_board,
    may_read_board,
    may_see_idea,
    may_take_part,
)
from lampio.ideas.services.campaigns import CampaignData, save_campaign
from lampio.ideas.services.handling import answer_idea, change_state, confirm_routing, merge_ideas
from lampio.ideas.services.moderation import (
    filtered_word_in,
    hide_comment,
    hide_idea,
    report_content,
    resolve_reports,
    show_comment,
    show_idea,
)
from lampio.ideas.services.participation import (
    add_comment,
    follow_idea,
    support_idea,
    support_threshold,
    unfollow_idea,
    withdraw_support,
)
from lampio.ideas.services.posting import IdeaDraft, campaign_is_open, post_idea

__all__ = [
    "CampaignData",
    "IdeaDraft",
    "add_comment",
    "answer_idea",
    "campaign_is_open",
    "change_state",
    "confirm_routing",
    "filtered_word_in",
    "follow_idea",
    "hide_comment",
    "hide_idea",
    "may_handle_idea",
    "may_moderate_board",
    "may_read_board",
    "may_see_idea",
    "may_take_part",
    "merge_ideas",
    "post_idea",
    "report_content",
    "resolve_reports",
    "save_campaign",
    "show_comment",
    "show_idea",
    "support_idea",
    "support_threshold",
    "unfollow_idea",
    "withdraw_support",
]
