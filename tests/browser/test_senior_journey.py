"""Issue #9's journey, with the keyboard only and in Finnish: an older person finds tomorrow's
streamed concert, takes part with just an email code, watches, claps, asks the performer a
question and gives feedback; care-unit staff start the ordered session on the big screen.

"Time passes" between the steps by moving the concert's times in the database, as the clock
would; the provider's "end" is the broadcast's `ended_at`, as the console sets it.
"""

from __future__ import annotations

import re
from datetime import time, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from lampio.core.timeranges import local_datetime
from lampio.digital.models import (
    Broadcast,
    ChatMessage,
    MessageKind,
    ReactionCount,
    SessionFeedback,
)
from lampio.offerings.models import (
    Audience,
    Enrolment,
    EnrolmentStatus,
    Format,
    GroupOrder,
    Occurrence,
    Offering,
    OfferingAudience,
    OfferingStatus,
    OrderStatus,
)
from lampio.tenancy.models import OrganisationKind, Role
from tests.browser.conftest import assert_accessible


def tab_to(page: Page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching `selector` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => !!document.activeElement?.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector} on {page.url}")


@pytest.fixture
def concert(live_server, make_municipality, make_organisation) -> Occurrence:
    """Tomorrow at 14:00 in Oulu: a free streamed concert for older people."""
    city = make_municipality(slug="oulu", name="Oulu")
    offering = Offering.objects.create(
        organisation=make_organisation(municipality=city),
        title_fi="Haitarikonsertti",
        title_en="Accordion concert",
        short_description_fi="Tuttuja valsseja ja tangoja suorana lähetyksenä.",
        format=Format.LIVE_STREAM,
        online_url=f"{live_server.url}/static/digital/sound-test.wav",
        status=OfferingStatus.PUBLISHED,
        allows_enrolment=True,
        allows_group_orders=True,
    )
    OfferingAudience.objects.create(offering=offering, audience=Audience.OLDER_PEOPLE)
    tomorrow = timezone.localdate() + timedelta(days=1)
    return Occurrence.objects.create(
        offering=offering,
        starts_at=local_datetime(tomorrow, time(14)),
        ends_at=local_datetime(tomorrow, time(15)),
        capacity=100,
    )


def start_now(occurrence: Occurrence) -> None:
    now = timezone.now().replace(microsecond=0)
    Occurrence.objects.filter(pk=occurrence.pk).update(
        starts_at=now - timedelta(minutes=1), ends_at=now + timedelta(minutes=59)
    )


def test_an_older_person_takes_part_watches_claps_asks_and_gives_feedback_by_keyboard(
    page, concert
):
    session_url = f"/fi/lampio/sessions/{concert.pk}/"

    # Find: from the front page to the senior programme to tomorrow's concert.
    page.goto("/fi/")
    tab_to(page, "nav.main-nav a[href='/fi/lampio/']")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/fi/lampio/$"))
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page)
    tab_to(page, f"a[href='{session_url}']")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"{session_url}$"))
    expect(page.locator("h1")).to_have_text("Haitarikonsertti")
    expect(page.locator("audio")).to_have_count(1)  # the sound test before the start
    assert_accessible(page)

    # Take part with just an email code.
    tab_to(page, "a[href$='/take-part/']")
    expect(page.locator(":focus")).to_have_text(re.compile("Osallistu"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/take-part/$"))
    assert_accessible(page)
    tab_to(page, "input[name='address']")
    page.keyboard.type("aino.virtanen@example.fi")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/take-part/code/"))
    assert_accessible(page)
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    assert mail.outbox[-1].to == ["aino.virtanen@example.fi"]
    tab_to(page, "input[name='code']")
    page.keyboard.type(code)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"{session_url}$"))
    expect(page.locator(".take-part__status")).to_contain_text("Olet mukana")
    enrolment = Enrolment.objects.get(occurrence=concert, person__email="aino.virtanen@example.fi")
    assert enrolment.status == EnrolmentStatus.CONFIRMED
    assert not enrolment.person.has_usable_password()

    # The concert starts: the player shows; clap and ask the performer a question.
    start_now(concert)
    page.reload()
    expect(page.locator("video.player__video")).to_be_visible()
    assert_accessible(page)
    tab_to(page, "button[name='kind'][value='applause']")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"{session_url}"))
    expect(page.locator("[data-reaction-count='applause']")).to_have_text("1")
    assert ReactionCount.objects.get(occurrence=concert, kind="applause").count == 1
    tab_to(page, "textarea[name='text']")
    page.keyboard.type("Mikä oli toisen kappaleen nimi?")
    tab_to(page, "input[name='kind']")  # a radio group: Tab reaches it, arrows choose
    page.keyboard.press("ArrowDown")
    expect(page.locator("input[name='kind'][value='question']")).to_be_checked()
    tab_to(page, "form[data-live-chat] button[type='submit']")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Haitarikonsertti")
    question = ChatMessage.objects.get(occurrence=concert)
    assert (question.kind, question.text) == (
        MessageKind.QUESTION,
        "Mikä oli toisen kappaleen nimi?",
    )
    assert question.author == enrolment.person

    # The provider ends the session: smileys and one question, anonymous.
    Broadcast.objects.update_or_create(
        occurrence=concert,
        defaults={
            "went_live_at": timezone.now() - timedelta(minutes=1),
            "ended_at": timezone.now(),
        },
    )
    page.reload()
    expect(page.locator("video.player__video")).to_have_count(0)
    assert_accessible(page)
    tab_to(page, "input[name='rating']")
    page.keyboard.press("Space")
    tab_to(page, "textarea[name='answer']")
    page.keyboard.type("Ihana konsertti, kiitos!")
    tab_to(page, ".feedback-form button[type='submit']")
    page.keyboard.press("Enter")
    expect(page.locator("#feedback-thanks")).to_be_visible()
    assert_accessible(page)
    feedback = SessionFeedback.objects.get(occurrence=concert)
    assert feedback.answer == "Ihana konsertti, kiitos!" and 1 <= feedback.rating <= 5


def test_care_unit_staff_start_the_ordered_session_on_the_big_screen_by_keyboard(
    page, log_in, settings, concert, make_organisation, make_member
):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    unit = make_organisation(
        municipality=concert.offering.organisation.municipality, kind=OrganisationKind.CARE_UNIT
    )
    GroupOrder.objects.create(
        offering=concert.offering,
        occurrence=concert,
        unit=unit,
        group_size=12,
        status=OrderStatus.ACCEPTED,
    )
    start_now(concert)
    log_in(page, make_member(unit, role=Role.CARE_STAFF))
    care_url = f"/fi/lampio/care/{unit.municipality.slug}/{unit.slug}/"
    page.goto(care_url)
    assert_accessible(page)
    screen_url = f"{care_url}sessions/{concert.pk}/"
    tab_to(page, f"a[href='{screen_url}']")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"{screen_url}$"))
    expect(page.locator("video.player__video")).to_be_visible()
    expect(page.locator("#chat-messages")).to_have_count(0)  # chat hidden on the big screen
    assert_accessible(page)


def test_the_concert_is_listed_under_tomorrow_in_the_programme(page, concert):
    page.goto("/fi/lampio/")
    card = page.locator(f".session-card[data-occurrence='{concert.pk}']")
    expect(card).to_contain_text("Haitarikonsertti")
    expect(card).to_contain_text("klo 14:00")
