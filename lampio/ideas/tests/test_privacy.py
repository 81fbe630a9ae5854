"""A person's ideas data: in their export; erasure keeps the texts, unlinks them, drops supports."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry

from lampio.accounts.selectors import personal_data_export
from lampio.accounts.services import delete_account
from lampio.core.privacy import personal_data_sections
from lampio.ideas import selectors, services
from lampio.ideas.models import Comment, Follow, Idea, Report, Support
from lampio.ideas.personal_data import erase_ideas, export_ideas

pytestmark = pytest.mark.django_db


@pytest.fixture
def active(make_idea, resident, make_user):
    """The resident posted, commented, supported, followed and reported."""
    own = make_idea(show_name=True, place="Pääkirjasto")
    other = make_idea(actor=make_user(), title="Muiden idea")
    services.add_comment(actor=resident, idea=other, body="Kannatan", show_name=True)
    services.support_idea(actor=resident, idea=other)
    services.support_idea(actor=make_user(), idea=other)
    services.report_content(actor=resident, idea=other, reason="off_topic", note="Väärä paikka")
    return own, other


def test_ideas_are_a_registered_section_of_personal_data():
    sections = {section.name: section for section in personal_data_sections()}
    assert sections["ideas"].export is export_ideas
    assert sections["ideas"].erase is erase_ideas


def test_the_export_lists_what_the_person_wrote_and_did(active, resident):
    own, other = active
    exported = personal_data_export(user=resident)["sections"]["ideas"]
    assert [item["id"] for item in exported["ideas"]] == [own.pk]
    assert exported["ideas"][0]["place"] == "Pääkirjasto"
    assert [item["text"] for item in exported["comments"]] == ["Kannatan"]
    assert exported["supported"] == [other.pk]
    assert set(exported["followed"]) == {own.pk, other.pk}
    assert exported["reports"] == [
        {"idea": other.pk, "reason": "off_topic", "details": "Väärä paikka"}
    ]


def test_another_persons_export_holds_none_of_it(active, make_user):
    exported = export_ideas(make_user())
    assert exported["ideas"] == exported["comments"] == exported["supported"] == []


def test_erasure_keeps_the_texts_but_not_the_person(active, resident, make_user):
    own, other = active
    delete_account(actor=resident, user=resident)
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.title and own.author is None and not own.show_name
    comment = Comment.objects.get(idea=other)
    assert comment.body == "Kannatan" and comment.author is None and not comment.show_name
    assert other.support_count == 1 == Support.objects.filter(idea=other).count()
    assert not Follow.objects.filter(person=resident).exists()
    report = Report.objects.get()
    assert report.reporter is None and report.note == ""
    reader = make_user()
    assert selectors.idea_page(actor=reader, idea=own).author_name is None
    assert Idea.objects.filter(pk=own.pk).exists()


def test_the_audit_log_keeps_no_idea_texts(make_idea):
    idea = make_idea(title="Salainen otsikko", body="Salainen teksti")
    changes = LogEntry.objects.get_for_object(idea).get().changes_dict
    assert "title" not in changes and "body" not in changes and "terms" not in changes
