"""The search's result cards: rendered once per content and language, never stale."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.template import Context, Template
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone, translation

from lampio.core.timeranges import LOCAL_ZONE
from lampio.offerings import cards
from lampio.offerings.models import Offering
from lampio.spaces.models import Venue
from lampio.tenancy.models import Municipality, Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The titles of the cards the template engine rendered, from an empty card store."""
    rendered: list[str] = []
    render = cards.render_to_string

    def counting(template: str, context: dict[str, Any]) -> str:
        rendered.append(context["offering"].title)
        return render(template, context)

    cards._cards.clear()
    monkeypatch.setattr(cards, "render_to_string", counting)
    return rendered


@pytest.fixture
def concert(make_offering: Any, make_space: Any) -> Offering:
    """A paid concert at the Kulttuuritalo (Kirkkokatu 1, 90100 Oulu) of `make_space`."""
    venue = make_space().venue
    return make_offering(
        organisation=venue.organisation,
        title_fi="Iltakonsertti",
        title_sv="Kvällskonsert",
        venue=venue,
        is_free=False,
        price=Decimal("12.50"),
        occurrences=3,
    )


def _page(client: Any, language: str = "fi", **query: str) -> str:
    with translation.override(language):
        path = reverse("offerings:list")
    return client.get(path, query).content.decode()


def _results(html: str) -> str:
    return html[html.index('<ol class="result-list">') : html.index("</ol>")]


def _week_of(moment: datetime) -> dict[str, str]:
    day = moment.astimezone(LOCAL_ZONE).date()
    return {"date_from": day.isoformat(), "date_to": (day + timedelta(days=6)).isoformat()}


def test_a_card_shows_the_offering_and_the_next_time_of_each_search(
    client: Any, concert: Offering, renders: list[str]
) -> None:
    first, second = concert.occurrences.order_by("starts_at")[:2]

    this_week = _page(client, **_week_of(first.starts_at))
    next_week = _page(client, **_week_of(second.starts_at))

    assert renders == ["Iltakonsertti"]  # the second search used the kept card
    for html, time in ((this_week, first.starts_at), (next_week, second.starts_at)):
        with translation.override("fi"):
            assert f"<dd>{cards.next_time(time)}</dd>" in html
        assert "Iltakonsertti" in html and "Kulttuuritalo</a>, Kirkkokatu 1, 90100 Oulu" in html
        assert "12,50 € / henkilö" in html


def test_a_card_is_rendered_again_in_another_language(
    client: Any, concert: Offering, renders: list[str]
) -> None:
    finnish = _page(client)
    swedish = _page(client, "sv")
    _page(client)

    assert renders == ["Iltakonsertti", "Kvällskonsert"]
    assert "Seuraava aika" in finnish and "Kvällskonsert" in swedish
    assert "Nästa tillfälle" in swedish


def test_edits_show_at_once_even_when_made_without_the_models_save(
    client: Any, concert: Offering, renders: list[str]
) -> None:
    _page(client)
    Offering.objects.filter(pk=concert.pk).update(title_fi="Kevätkonsertti", price=Decimal(15))
    Venue.objects.filter(pk=concert.venue_id).update(name_fi="Musiikkitalo", is_published=False)
    Organisation.objects.filter(pk=concert.organisation_id).update(name_fi="Kaupunginorkesteri")
    Municipality.objects.filter(pk=concert.organisation.municipality_id).update(name_fi="Hailuoto")

    html = _page(client)

    assert "Iltakonsertti" not in html and "Kevätkonsertti" in html and "15 € / henkilö" in html
    assert "Kaupunginorkesteri, Hailuoto" in html
    # An unpublished venue is named without a link to its page.
    assert "<dd>Musiikkitalo, Kirkkokatu 1" in html


def test_an_offering_on_request_says_so_instead_of_a_time(
    client: Any, make_offering: Any, renders: list[str]
) -> None:
    make_offering(title_fi="Tilattava paja", on_request=True, occurrences=0)

    html = _page(client)

    assert "Tilattava paja" in html and "Ajat sovitaan tilauksesta" in html


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_next_time_reads_as_the_templates_date_filters_wrote_it(language: str) -> None:
    moment = datetime(2026, 12, 31, 22, 30, tzinfo=UTC)  # already 1 January in Finland
    template = Template('{{ m|date:"D" }} {{ m|date:"SHORT_DATE_FORMAT" }} {{ m|time:"H:i" }}')

    with translation.override(language), timezone.override(LOCAL_ZONE):
        assert cards.next_time(moment) == template.render(Context({"m": moment}))
        assert "00:30" in cards.next_time(moment)


def test_a_worker_finds_a_card_another_worker_rendered_in_the_shared_cache(
    client: Any, concert: Offering, renders: list[str]
) -> None:
    first = _page(client)
    cards._cards.clear()  # a new worker: nothing kept in its process

    second = _page(client)

    assert renders == ["Iltakonsertti"]  # the second worker took the first one's card
    assert "Iltakonsertti" in _results(second)
    assert _results(first) == _results(second)


def test_a_change_of_the_card_templates_or_translations_renders_cards_again(
    client: Any, concert: Offering, renders: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _page(client)
    cards._cards.clear()
    # A deployment with another template or catalogue: its digest differs.
    monkeypatch.setattr(cards, "render_version", lambda: "another-deployment")

    _page(client)

    assert renders == ["Iltakonsertti", "Iltakonsertti"]


def test_the_render_version_covers_every_template_the_card_includes() -> None:
    included: set[str] = set()
    waiting = [cards.TEMPLATE]
    while waiting:
        source = get_template(waiting.pop()).template.source
        for name in re.findall(r'{%\s*include\s+"([^"]+)"', source):
            if name not in included:
                included.add(name)
                waiting.append(name)

    assert included | {cards.TEMPLATE} <= set(cards.CARD_TEMPLATES)


def test_a_text_missing_in_the_page_language_is_shown_in_finnish(
    client: Any, make_offering: Any, renders: list[str]
) -> None:
    make_offering(title_fi="Vain suomeksi", title_sv="", title_en="", occurrences=1)

    swedish = _page(client, "sv")
    english = _page(client, "en")

    assert "Vain suomeksi" in _results(swedish)
    assert "Vain suomeksi" in _results(english)
