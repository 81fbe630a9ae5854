"""The senior pages and the care units' big screen in the browser, in Finnish, Swedish and
English: axe, reflow at 320 CSS px (WCAG 1.4.10), targets of at least 44×44 px (2.5.5) and a
measured text contrast of at least 7:1 (1.4.6) in calm view.

Locators use ids, classes and data attributes, not UI texts, so the checks keep working as the
Finnish and Swedish translations arrive.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from playwright.sync_api import expect

from lampio.digital.models import PackagePlan, Recording
from lampio.offerings.models import (
    Format,
    GroupOrder,
    Occurrence,
    Offering,
    OfferingStatus,
    OrderStatus,
)
from lampio.offerings.services import enrol
from lampio.tenancy.models import OrganisationKind, Role
from tests.browser.conftest import axe_violations, describe

LANGUAGES = ["fi", "sv", "en"]
CAPTIONS = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHyvää iltapäivää!\n".encode()

# Visible links, buttons, fields and summaries smaller than 44×44 CSS px (offscreen skip links
# and 1 px visually hidden parts are not visible).
SMALL_TARGETS = """() => {
  const small = [];
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  for (const el of document.querySelectorAll(selector)) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width <= 1 || box.height <= 1 || style.visibility === 'hidden') continue;
    if (box.right <= 0 || box.bottom <= 0) continue;
    if (box.width < 44 || box.height < 44) {
      small.push(`${el.outerHTML.slice(0, 80)} ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
  }
  return small;
}"""

# Text whose colour against its effective background is under 7:1 (WCAG relative luminance).
LOW_CONTRAST = """() => {
  const parse = (value) => (value.match(/[\\d.]+/g) || []).map(Number);
  const channel = (c) => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = ([r, g, b]) =>
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const background = (el) => {
    for (let node = el; node; node = node.parentElement) {
      const rgba = parse(getComputedStyle(node).backgroundColor);
      if (rgba.length === 3 || (rgba.length === 4 && rgba[3] > 0)) return rgba.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const low = [];
  for (const el of document.body.querySelectorAll('*')) {
    const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const box = el.getBoundingClientRect();
    if (!ownText || box.width <= 1 || box.height <= 1 || box.right <= 0) continue;
    const fg = luminance(parse(getComputedStyle(el).color));
    const bg = luminance(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    const text = el.textContent.trim().slice(0, 30);
    if (ratio < 7) low.push(`${el.tagName} "${text}" ${ratio.toFixed(2)}`);
  }
  return low;
}"""

# How many text elements were measured, and the body's font size and line height in px.
MEASURED = """() => {
  const body = getComputedStyle(document.body);
  const count = document.querySelectorAll('h1, h2, h3, p, a, button, dt, dd').length;
  return [count, parseFloat(body.fontSize), parseFloat(body.lineHeight)];
}"""


@pytest.fixture
def senior_world(
    live_server, settings, tmp_path, make_organisation, make_member, make_user
) -> dict[str, Any]:
    """A streamed concert tomorrow and one on now, a resident taking part in the live one, and
    a care unit that ordered it. The stream is a file of this server, so no CSP exception."""
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    provider = make_organisation()
    offering = Offering.objects.create(
        organisation=provider,
        title_fi="Iltapäivän konsertti",
        title_sv="Eftermiddagskonsert",
        title_en="Afternoon concert",
        short_description_fi="Kamarimusiikkia suorana lähetyksenä.",
        accessibility_fi="Tekstitys suomeksi.",
        format=Format.LIVE_STREAM,
        online_url=f"{live_server.url}/static/digital/sound-test.wav",
        status=OfferingStatus.PUBLISHED,
        allows_enrolment=True,
        allows_group_orders=True,
    )
    now = timezone.now().replace(microsecond=0)
    upcoming = Occurrence.objects.create(
        offering=offering,
        starts_at=now + timedelta(days=1),
        ends_at=now + timedelta(days=1, hours=1),
        capacity=50,
    )
    live = Occurrence.objects.create(
        offering=offering,
        starts_at=now + timedelta(days=1, hours=2),
        ends_at=now + timedelta(days=1, hours=3),
        capacity=50,
    )
    resident = make_user()
    enrol(actor=resident, occurrence=live, seats=1)
    Occurrence.objects.filter(pk=live.pk).update(
        starts_at=now - timedelta(minutes=5), ends_at=now + timedelta(minutes=55)
    )
    unit = make_organisation(municipality=provider.municipality, kind=OrganisationKind.CARE_UNIT)
    GroupOrder.objects.create(
        offering=offering, occurrence=live, unit=unit, group_size=8, status=OrderStatus.ACCEPTED
    )
    care_worker = make_member(unit, role=Role.CARE_STAFF)
    care = f"lampio/care/{unit.municipality.slug}/{unit.slug}"
    ended = Occurrence.objects.create(
        offering=offering,
        starts_at=now + timedelta(days=1, hours=4),
        ends_at=now + timedelta(days=1, hours=5),
        capacity=50,
    )
    enrol(actor=resident, occurrence=ended, seats=1)
    Occurrence.objects.filter(pk=ended.pk).update(
        starts_at=now - timedelta(hours=3), ends_at=now - timedelta(hours=2)
    )
    settings.MEDIA_ROOT = str(tmp_path)
    recording = Recording(offering=offering, occurrence=ended, video_url=offering.online_url)
    recording.captions.save("konsertti.vtt", ContentFile(CAPTIONS), save=False)
    recording.transcript = "Hyvää iltapäivää ja tervetuloa konserttiin."
    recording.save()
    PackagePlan.objects.create(
        provider=provider,
        name_fi="Kevät 2027: 10 konserttia",
        sessions_included=10,
        price=Decimal("450.00"),
        season_starts=date(2027, 1, 1),
        season_ends=date(2027, 5, 31),
    )
    return {
        "resident": resident,
        "care_worker": care_worker,
        # The first ones are also checked without signing in.
        "resident_pages": [
            "lampio/",
            f"lampio/sessions/{upcoming.pk}/",
            f"lampio/sessions/{upcoming.pk}/take-part/",
            f"lampio/sessions/{upcoming.pk}/take-part/code/",
            "lampio/recordings/",
            f"lampio/recordings/{recording.pk}/",
            f"lampio/sessions/{ended.pk}/",
            f"lampio/sessions/{live.pk}/chat/",
            f"lampio/sessions/{live.pk}/",
        ],
        "care_pages": [
            f"{care}/",
            f"{care}/packages/",
            f"{care}/sessions/{live.pk}/",
            f"{care}/sessions/{live.pk}/?chat=1",
        ],
        "live": live,
    }


def _check(page, path: str) -> list[str]:
    problems: list[str] = []
    page.set_viewport_size({"width": 1280, "height": 900})
    response = page.goto(path)
    assert response is not None and response.status == 200, path
    assert "calm" in (page.locator("html").get_attribute("class") or "").split(), path
    expect(page.locator("h1"), f"one h1 on {path}").to_have_count(1)
    if violations := axe_violations(page):
        problems.append(f"{path} axe:\n{describe(violations)}")
    page.set_viewport_size({"width": 320, "height": 800})
    if (width := page.evaluate("() => document.documentElement.scrollWidth")) > 320:
        problems.append(f"{path} scrolls sideways at 320 px: {width} px wide")
    if small := page.evaluate(SMALL_TARGETS):
        problems.append(f"{path} targets under 44×44 px: {small}")
    if low := page.evaluate(LOW_CONTRAST):
        problems.append(f"{path} contrast under 7:1: {low}")
    count, font_size, line_height = page.evaluate(MEASURED)
    assert count > 5 and font_size >= 20 and line_height >= 1.6 * font_size - 0.5, path
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_senior_pages_are_calm_accessible_reflow_and_have_big_targets(
    page, log_in, senior_world, language
):
    problems = []
    for path in senior_world["resident_pages"][:6]:
        problems += _check(page, f"/{language}/{path}")
    log_in(page, senior_world["resident"])
    for path in senior_world["resident_pages"]:
        problems += _check(page, f"/{language}/{path}")
    assert page.locator("video.player__video").count() == 1  # the live page, taking part
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_care_pages_are_calm_accessible_reflow_and_have_big_targets(
    page, log_in, senior_world, language
):
    log_in(page, senior_world["care_worker"])
    problems = []
    for path in senior_world["care_pages"]:
        problems += _check(page, f"/{language}/{path}")
    expect(page.locator("video.player__video")).to_have_count(1)
    assert not problems, "\n".join(problems)


def test_care_staff_start_the_session_on_the_big_screen_with_the_keyboard(
    page, log_in, senior_world
):
    log_in(page, senior_world["care_worker"])
    page.goto(f"/fi/{senior_world['care_pages'][0]}")
    start = page.locator(f".session-card[data-occurrence='{senior_world['live'].pk}'] a.button")
    start.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/sessions/{senior_world['live'].pk}/")
    video = page.locator("video.player__video")
    assert video.evaluate("v => v.controls && v.playsInline")
    assert video.evaluate("v => v.currentSrc").endswith("/static/digital/sound-test.wav")


def test_calm_view_switches_off_and_on_without_javascript(page_without_js, senior_world):
    page = page_without_js
    page.goto("/fi/lampio/")
    assert "calm" in (page.locator("html").get_attribute("class") or "")
    page.locator("form.calm-toggle button[name=calm][value=off]").click()
    page.wait_for_url("**/fi/lampio/")
    assert "calm" not in (page.locator("html").get_attribute("class") or "")
    page.goto("/fi/offerings/")
    page.locator("form.calm-toggle button[name=calm][value=on]").click()
    page.wait_for_url("**/fi/offerings/")
    assert "calm" in (page.locator("html").get_attribute("class") or "")
