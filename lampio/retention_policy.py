"""THE register of personal data: every personal field of every model, how long it is kept, why,
and what happens when the period ends. This is the one place to read or change retention.

- The daily sweep (run_scheduler, `manage.py anonymise_expired`) applies the timed rules with
  lampio/retention_actions.py; the public page /privacy/retention/ lists them in plain words.
- tests/test_personal_data_walk.py walks every model and fails on a personal field that no
  rule here covers (nor its commented allow-list of non-personal fields).
- Periods in days come from settings (LAMPIO_RETENTION_*, deploy/lampio.env.example); why
  they are what they are: docs/decisions/0015-retention.md.

Rules without a period (days=None) last as long as the account or the record they belong to.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from lampio import retention_actions as act
from lampio.core.retention import RetentionRule

STAFF_TRAIL = (
    "admin.LogEntry.user",
    "admin.LogEntry.object_repr",
    "admin.LogEntry.change_message",
    "assistant.Concept.updated_by",
    "assistant.Conversation.taken_by",
    "assistant.ConversationMessage.author",
    "assistant.KnowledgeEntry.updated_by",
    "bookings.Booking.decided_by",
    "bookings.DoorSync.resolved_by",
    "capability.Initiative.created_by",
    "capability.Initiative.owner_name",
    "capability.Lesson.created_by",
    "capability.Measurement.recorded_by",
    "capability.SelfAssessment.created_by",
    "digital.AudienceMessage.sent_by",
    "digital.ChatMessage.hidden_by",
    "digital.ChatMute.muted_by",
    "digital.SeasonPackage.bought_by",
    "feedback.Feedback.assignee",
    "feedback.FeedbackEvent.actor",
    "ideas.Campaign.owner",
    "ideas.Idea.answered_by",
    "ideas.IdeaEvent.actor",
    "ideas.Report.resolved_by",
    "insights.MeasureSetting.updated_by",
    "offerings.GroupOrder.decided_by",
    "payments.InvoiceExport.created_by",
    "payments.Order.attention_resolved_by",
    "payments.Refund.created_by",
    "seasons.AllocationRun.started_by",
    "seasons.ApplicationRound.created_by",
    "surveys.Round.created_by",
)


def rules() -> list[RetentionRule]:
    return [
        RetentionRule(
            key="account",
            what=_("Your account: email address, mobile number, name, sign-in methods"),
            why=_("To let you sign in and use the services (your agreement with us)."),
            counts_from=_("after you last signed in"),
            fields=(
                "accounts.User.email",
                "accounts.User.phone",
                "accounts.User.first_name",
                "accounts.User.last_name",
                "accounts.User.last_login",
                "accounts.User.phone_verified_at",
                "accounts.ApiToken.user",
                "account.EmailAddress.user",
                "account.EmailAddress.email",
                "account.EmailConfirmation.email_address",
                "socialaccount.SocialAccount.user",
                "socialaccount.SocialAccount.uid",
                "socialaccount.SocialAccount.extra_data",
                "socialaccount.SocialToken.account",
                "mfa.Authenticator.user",
                "mfa.Authenticator.data",
                "accounts.User.password",
                "notifications.Preference.person",
                "bookings.Watch.person",
                "ideas.Support.person",
                "ideas.Follow.person",
            ),
            days="LAMPIO_RETENTION_INACTIVE_ACCOUNT_DAYS",
            expired=act.inactive_accounts,
            anonymise=act.erase_inactive_accounts,
            after=_("The account is deleted as if you had deleted it yourself."),
        ),
        RetentionRule(
            key="sessions",
            what=_("Sign-in sessions in your browser"),
            why=_("To keep you signed in."),
            counts_from=_("when the sign-in session ends"),
            fields=("sessions.Session.session_data",),
            days=0,
            expired=act.expired_sessions,
            anonymise=act.delete_expired(act.expired_sessions),
            after=_("Deleted."),
        ),
        RetentionRule(
            key="sign_in_codes",
            what=_("One-time sign-in codes sent to your email or mobile number"),
            why=_("To let you join a digital session and to limit how often codes are sent."),
            counts_from=_("one hour after the code was sent"),
            fields=("digital.SignInCode.email", "digital.SignInCode.phone"),
            days=0,
            expired=act.expired_sign_in_codes,
            anonymise=act.purge_sign_in_codes,
            after=_("Deleted."),
        ),
        RetentionRule(
            key="bookings",
            what=_(
                "Your bookings and recurring bookings: who booked, purpose, door code, "
                "feedback words"
            ),
            why=_("To provide the booking and to settle questions about it afterwards."),
            counts_from=_("after the booking ended"),
            fields=(
                "bookings.Booking.booker",
                "bookings.Booking.created_by",
                "bookings.Booking.purpose",
                "bookings.Booking.access_code",
                "bookings.Booking.decision_reason",
                "bookings.BookingReview.comment",
                "bookings.BookingSeries.booker",
                "bookings.BookingSeries.created_by",
                "bookings.BookingSeries.purpose",
                "bookings.BookingSeries.access_code",
            ),
            days="LAMPIO_RETENTION_BOOKING_DAYS",
            expired=act.expired_bookings,
            anonymise=act.anonymise_bookings,
            after=_("The booking stays for usage statistics, without you and your words."),
        ),
        RetentionRule(
            key="waitlist",
            what=_("Your places in waiting lines for a space"),
            why=_("To offer you the time if it becomes free."),
            counts_from=_("after the time you waited for"),
            fields=("bookings.WaitlistEntry.person", "bookings.WaitlistEntry.purpose"),
            days="LAMPIO_RETENTION_WAITLIST_DAYS",
            expired=act.expired_waitlist,
            anonymise=act.delete_expired(act.expired_waitlist),
            after=_("Deleted."),
        ),
        RetentionRule(
            key="enrolments",
            what=_("Your enrolments in events and courses"),
            why=_("To keep your seat and send you reminders and changes."),
            counts_from=_("after the event ended"),
            fields=("offerings.Enrolment.person",),
            days="LAMPIO_RETENTION_ENROLMENT_DAYS",
            expired=act.expired_enrolments,
            anonymise=act.update_expired(act.expired_enrolments, {"person": None}),
            after=_("The seat stays counted for statistics, without you."),
        ),
        RetentionRule(
            key="group_orders",
            what=_("Group orders: who ordered, messages and special needs"),
            why=_("To arrange the visit with the provider."),
            counts_from=_("after the order last changed"),
            fields=(
                "offerings.GroupOrder.ordered_by",
                "offerings.GroupOrder.message",
                "offerings.GroupOrder.special_needs",
                "offerings.GroupOrder.provider_message",
            ),
            days="LAMPIO_RETENTION_GROUP_ORDER_DAYS",
            expired=act.expired_group_orders,
            anonymise=act.update_expired(
                act.expired_group_orders,
                {"ordered_by": None, "message": "", "special_needs": "", "provider_message": ""},
            ),
            after=_("The order stays for the unit's statistics, without names or messages."),
        ),
        RetentionRule(
            key="season_applications",
            what=_("Applications for regular season times: who applied, notes"),
            why=_("To allocate the season's times fairly and answer questions about it."),
            counts_from=_("after the season ended"),
            fields=("seasons.Application.applicant", "seasons.Application.notes"),
            days="LAMPIO_RETENTION_APPLICATION_DAYS",
            expired=act.expired_applications,
            anonymise=act.update_expired(
                act.expired_applications, {"applicant": None, "notes": ""}
            ),
            after=_("The allocation history stays, without you."),
        ),
        RetentionRule(
            key="orders",
            what=_("Orders and receipts: who paid, billing name, address and email"),
            why=_(
                "The Accounting Act requires keeping bookkeeping records for six years "
                "after the end of the financial year."
            ),
            counts_from=_("after the order was made"),
            fields=(
                "payments.Order.customer",
                "payments.Order.attention",
                *(f"payments.Order.{name}" for name in act.BILLING_FIELDS),
            ),
            days="LAMPIO_RETENTION_ORDER_DAYS",
            expired=act.expired_orders,
            anonymise=act.update_expired(
                act.expired_orders,
                {"customer": None, "attention": "", **dict.fromkeys(act.BILLING_FIELDS, "")},
            ),
            after=_("The amounts stay for the accounts, without you."),
        ),
        RetentionRule(
            key="chat",
            what=_(
                "Your live-chat messages and questions in digital sessions, the name you "
                "showed, and mutes"
            ),
            why=_("To run the session and moderate its chat."),
            counts_from=_("after the session ended"),
            fields=(
                "digital.ChatMessage.author",
                "digital.ChatMessage.text",
                "digital.ChatMessage.display_name",
                "digital.ChatMute.person",
                "digital.Viewer.display_name",
            ),
            days="LAMPIO_RETENTION_CHAT_DAYS",
            expired=act.expired_chat,
            anonymise=act.anonymise_chat,
            after=_("Messages are emptied; their number stays for statistics."),
        ),
        RetentionRule(
            key="messages",
            what=_("Emails and text messages we sent you"),
            why=_("To show that a message was sent, and to resend it if it failed."),
            counts_from=_("after the message was sent"),
            fields=(
                "notifications.Delivery.recipient",
                "notifications.Delivery.to",
                "notifications.Delivery.subject",
                "notifications.Delivery.body",
                "notifications.Delivery.attachments",
                "notifications.Delivery.last_error",
            ),
            days="LAMPIO_RETENTION_MESSAGE_DAYS",
            expired=act.expired_deliveries,
            anonymise=act.update_expired(
                act.expired_deliveries,
                {
                    "recipient": None,
                    "to": "",
                    "subject": "",
                    "body": "",
                    "attachments": [],
                    "last_error": "",
                },
            ),
            after=_("Only the fact that a message was sent stays, for delivery statistics."),
        ),
        RetentionRule(
            key="feedback_contact",
            what=_("Your name, pseudonym and contact details on feedback"),
            why=_("To answer you and ask for more details."),
            counts_from=_("after the feedback was closed"),
            fields=(
                "feedback.Feedback.author",
                "feedback.Feedback.pseudonym",
                "feedback.Feedback.contact_name",
                "feedback.Feedback.contact_email",
                "feedback.Feedback.contact_phone",
            ),
            days="LAMPIO_FEEDBACK_CONTACT_RETENTION_DAYS",
            expired=act.expired_feedback_contacts,
            anonymise=act.erase_feedback_contacts,
            after=_("The feedback stays in the city's records as anonymous."),
        ),
        RetentionRule(
            key="feedback_records",
            what=_("The text, place and photos of feedback, and the city's answers"),
            why=_("Feedback is a record of the city's work, kept by its archive plan."),
            counts_from=_("as long as the city's archive plan requires"),
            fields=(
                "feedback.Feedback.text",
                "feedback.Feedback.public_text",
                "feedback.Feedback.address",
                "feedback.FeedbackEvent.text",
                "feedback.FeedbackPhoto.image",
                "feedback.FeedbackPhoto.description",
            ),
            after=_("Without your name: once contact details go, nothing ties it to you."),
        ),
        RetentionRule(
            key="assistant",
            what=_(
                "Questions asked of the service assistant and chats with staff, with "
                "contact details"
            ),
            why=_("To answer you and to improve the assistant's answers."),
            counts_from=_("after the question or the finished chat"),
            fields=(
                "assistant.Exchange.question",
                "assistant.Conversation.user",
                "assistant.Conversation.contact_name",
                "assistant.Conversation.contact_email",
                "assistant.Conversation.contact_phone",
                "assistant.ConversationMessage.text",
            ),
            days="LAMPIO_ASSISTANT_QUESTION_RETENTION_DAYS",
            expired=act.expired_conversations,
            anonymise=act.purge_assistant,
            after=_("Questions are deleted; chats keep only their number."),
        ),
        RetentionRule(
            key="ideas",
            what=_("Your ideas and comments, supports and follows"),
            why=_(
                "Public participation: others read and support ideas as long as they are "
                "on the board."
            ),
            counts_from=_("as long as you have an account"),
            fields=(
                "ideas.Idea.author",
                "ideas.Idea.title",
                "ideas.Idea.body",
                "ideas.Idea.place",
                "ideas.Idea.image",
                "ideas.Idea.image_alt",
                "ideas.Comment.author",
                "ideas.Comment.body",
            ),
            after=_("When you delete your account, ideas and comments stay without your name."),
        ),
        RetentionRule(
            key="idea_reports",
            what=_("Your reports of inappropriate ideas or comments"),
            why=_("To moderate the idea board."),
            counts_from=_("after the report was handled"),
            fields=("ideas.Report.reporter", "ideas.Report.note"),
            days="LAMPIO_RETENTION_REPORT_DAYS",
            expired=act.expired_reports,
            anonymise=act.update_expired(act.expired_reports, {"reporter": None, "note": ""}),
            after=_("The report stays for moderation statistics, without you."),
        ),
        RetentionRule(
            key="staff_roles",
            what=_("Staff: organisation memberships and chat duty shifts"),
            why=_("To give staff the rights their work needs."),
            counts_from=_("as long as the person works for the organisation"),
            fields=("tenancy.Membership.user", "assistant.DutyShift.user"),
            after=_("Removed by the organisation, or with the account."),
        ),
        RetentionRule(
            key="duty_shifts",
            what=_("Staff: past chat duty shifts"),
            why=_("To plan who answers residents' chats."),
            counts_from=_("after the shift ended"),
            fields=("assistant.DutyShift.ends_at",),
            days="LAMPIO_RETENTION_CHAT_DAYS",
            expired=act.expired_duty_shifts,
            anonymise=act.delete_expired(act.expired_duty_shifts),
            after=_("Deleted."),
        ),
        RetentionRule(
            key="staff_trail",
            what=_("Staff: who decided, answered or changed something"),
            why=_("Accountability of public administration: who did what must be traceable."),
            counts_from=_("as long as the record it belongs to"),
            fields=STAFF_TRAIL,
            after=_(
                "When a staff account is deleted, the name and email go from the account; "
                "the records point to an anonymous account."
            ),
        ),
        RetentionRule(
            key="audit_log",
            what=_("The audit log: who read or changed personal data, and when"),
            why=_("Security, and to show residents and auditors how their data was handled."),
            counts_from=_("after the entry was written"),
            fields=(
                "auditlog.LogEntry.actor",
                "auditlog.LogEntry.actor_email",
                "auditlog.LogEntry.remote_addr",
                "auditlog.LogEntry.changes",
                "auditlog.LogEntry.changes_text",
                "auditlog.LogEntry.serialized_data",
                "auditlog.LogEntry.object_repr",
                "auditlog.LogEntry.additional_data",
            ),
            days="LAMPIO_RETENTION_AUDIT_LOG_DAYS",
            expired=act.expired_audit_entries,
            anonymise=act.delete_expired(act.expired_audit_entries),
            after=_(
                "Deleted. When you delete your account, your contact details are removed "
                "from the log at once."
            ),
        ),
    ]
