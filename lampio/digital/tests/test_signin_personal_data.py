"""What taking part leaves about a person is in their export and goes with their account."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone, translation

from lampio.accounts.services import delete_account
from lampio.core.privacy import personal_data_sections
from lampio.digital.models import ChatMessage, SignInCode


def section(name: str):
    return next(item for item in personal_data_sections() if item.name == name)


def test_chat_messages_are_exported_and_blanked_on_erasure(session, resident, make_user):
    mine = ChatMessage.objects.create(occurrence=session, author=resident, text="Kaunista!")
    other = ChatMessage.objects.create(occurrence=session, author=make_user(), text="Kiitos")
    with translation.override("fi"):
        [exported] = section("chat_messages").export(resident)
    assert (exported["text"], exported["session"]) == ("Kaunista!", "Iltapäivän konsertti")

    delete_account(actor=resident, user=resident)

    mine.refresh_from_db()
    other.refresh_from_db()
    assert (mine.text, mine.author, mine.display_name) == ("", None, "")
    assert other.text == "Kiitos"


def test_sign_in_codes_are_listed_without_the_code_and_deleted(resident, db):
    now = timezone.now()
    SignInCode.objects.create(
        email=resident.email, code_hash="x" * 64, expires_at=now + timedelta(minutes=15)
    )
    SignInCode.objects.create(
        email="someone@example.fi", code_hash="y" * 64, expires_at=now + timedelta(minutes=15)
    )
    [exported] = section("sign_in_codes").export(resident)
    assert exported["sent_to"] == resident.email
    assert "x" * 64 not in str(exported)

    delete_account(actor=resident, user=resident)

    assert list(SignInCode.objects.values_list("email", flat=True)) == ["someone@example.fi"]
