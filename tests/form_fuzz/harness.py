"""The form fuzzer: read a form from its page, fill it from Hypothesis, post it, judge the answer.

A `Target` is one form as someone meets it (its URL, the signed-in client, the rows a success
would write). `fuzz_post` draws a value for every field the page shows, from values a person
might type to hostile ones, and sometimes leaves a field out or sends it twice. The answer must
never be a 5xx; a refusal must show the form again with every typed text as it was typed and
must write nothing; and no injected tag may reach a page unescaped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from django.core.cache import cache
from django.db.models import Model
from django.test import Client
from hypothesis import strategies as st

# An injected tag: it must only ever reach a page escaped.
MARKER = "fuzz-xss"
HOSTILE = [
    f"<{MARKER}>",
    f'"><{MARKER} onmouseover=alert(1)>',
    f"'><script>/*{MARKER}*/</script>",
    f"</textarea><{MARKER}>",
    f"<img src=x onerror=alert(1) data-{MARKER}>",
    "{{ 7|add:7 }}{% now 'Y' %}",
    "Robert'); DROP TABLE bookings_booking;--",
    "%00%0d%0a",
    "\x00",
    "a\x00b",
    "\x1b[31m\x07\x08\x0b\x0c",
    "\u202eevil\u200b\ufeff",
    "Ääkkösiä åäö ÅÄÖ 🙂 𝔘𝔫𝔦",
    "  spaced  ",
    "line one\r\nline two\nline three",
    "x" * 5000,
    "🙂" * 1200,
]
NUMBERS = [
    "0",
    "-1",
    "1",
    "3",
    "2147483648",
    "9223372036854775808",
    "-9223372036854775809",
    "1" + "0" * 40,
    "1e999",
    "NaN",
    "-0",
    "1.5",
    "٣",
    " 2 ",
]
DATES = [
    "2031-02-30",
    "0001-01-01",
    "9999-12-31",
    "1900-01-01",
    "31.12.2030",
    "2030-13-01",
    "99999-01-01",
]
TIMES = ["00:00", "23:59", "24:00", "25:61", "7", "12:00:00.999999", "-1:00"]
MANAGEMENT = ("-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS")
# Input types whose typed value a refused form must show again.
ECHOED = {"text", "textarea", "email", "tel", "url", "search", "number", "date", "time"}
ECHOED |= {"datetime-local"}


@dataclass
class Field:
    name: str
    kind: str  # the input type, "textarea" or "select"
    value: str = ""
    options: list[str] = field(default_factory=list)


class _FormParser(HTMLParser):
    """The forms of a page with their fields, and each field's shown value."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict[str, Any]] = []
        self._select: Field | None = None
        self._textarea: Field | None = None

    def _fields(self) -> dict[str, Field]:
        if not self.forms:
            self.forms.append({"method": "get", "action": "", "fields": {}})
        fields: dict[str, Field] = self.forms[-1]["fields"]
        return fields

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {key: value or "" for key, value in attrs}
        if tag == "form":
            method = attr.get("method", "get").lower()
            self.forms.append({"method": method, "action": attr.get("action", ""), "fields": {}})
        elif tag == "input" and attr.get("name"):
            kind = attr.get("type", "text").lower()
            known = self._fields().get(attr["name"])
            if kind in {"checkbox", "radio"}:
                if known is None:
                    known = self._fields()[attr["name"]] = Field(attr["name"], kind)
                known.options.append(attr.get("value", "on"))
            elif kind not in {"submit", "button", "file", "image", "reset"}:
                self._fields()[attr["name"]] = Field(attr["name"], kind, attr.get("value", ""))
        elif tag == "select" and attr.get("name"):
            self._select = self._fields()[attr["name"]] = Field(attr["name"], "select")
        elif tag == "option" and self._select is not None:
            self._select.options.append(attr.get("value", ""))
        elif tag == "textarea" and attr.get("name"):
            self._textarea = self._fields()[attr["name"]] = Field(attr["name"], "textarea")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea.value += data


def page_forms(html: str) -> list[dict[str, Any]]:
    parser = _FormParser()
    parser.feed(html)
    parser.close()
    return parser.forms


def form_fields(html: str, *, method: str, action: str) -> dict[str, Field]:
    """The fields of the page's form that sends `method` to `action` (the biggest such form)."""
    matching = [
        form
        for form in page_forms(html)
        if form["method"] == method and form["action"] in {"", action}
    ]
    assert matching, f"no {method} form to {action} on the page"
    return dict(max(matching, key=lambda form: len(form["fields"]))["fields"])


@dataclass
class Target:
    """One form as somebody meets it."""

    client: Client
    url: str
    counted: Iterable[type[Model]] = ()
    valid: dict[str, str] = field(default_factory=dict)  # plausible values, so some succeed
    fixed: dict[str, str] = field(default_factory=dict)  # sent as is, never fuzzed
    watched: Callable[[], object] | None = None  # a snapshot an edit form must not change
    method: str = "post"
    reset: Callable[[], object] | None = None  # undo what a success left behind (a login)


def text_values() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(HOSTILE),
        st.text(max_size=40),
        st.text(st.characters(codec="utf-8"), min_size=250, max_size=600),
    )


def _value_for(spec: Field, valid: str | None) -> st.SearchStrategy[str]:
    plausible = [valid] if valid is not None else ([spec.value] if spec.value else [])
    if spec.kind in {"checkbox", "radio", "select"}:
        wrong = st.sampled_from(["", "not-a-choice", "-1", "999999999999", "\x00"])
        hostile = st.one_of(wrong, text_values())
        choices = st.sampled_from(spec.options or [""])
    elif spec.kind == "number":
        hostile = st.one_of(st.sampled_from(NUMBERS), st.integers().map(str), text_values())
        choices = st.sampled_from(NUMBERS[:4])
    elif spec.kind == "date":
        hostile = st.one_of(st.sampled_from(DATES), st.dates().map(str), text_values())
        choices = st.sampled_from(DATES[:1])
    elif spec.kind == "time":
        hostile = st.one_of(st.sampled_from(TIMES), st.times().map(str), text_values())
        choices = st.sampled_from(TIMES[:2])
    else:
        hostile = text_values()
        choices = hostile
    if plausible:
        return st.one_of(st.sampled_from(plausible), st.sampled_from(plausible), hostile, choices)
    return st.one_of(hostile, choices)


def draw_data(draw: st.DrawFn, fields: dict[str, Field], target: Target) -> dict[str, Any]:
    """One submission: each field plausible, hostile, left out or sent twice."""
    data: dict[str, Any] = dict(target.fixed)
    for name, spec in sorted(fields.items()):
        if name in target.fixed or name == "csrfmiddlewaretoken":
            continue
        if name.endswith(MANAGEMENT):
            # A browser always sends a formset's counts as given; Django refuses tampered ones.
            data[name] = spec.value
            continue
        shape = draw(st.sampled_from(["one", "one", "one", "one", "missing", "twice"]))
        if shape == "missing":
            continue
        values = _value_for(spec, target.valid.get(name))
        data[name] = draw(values) if shape == "one" else [draw(values), draw(values)]
    if draw(st.booleans()):
        data[draw(st.sampled_from(["extra", "id", "organisation", "status"]))] = draw(text_values())
    return data


def _counts(target: Target) -> list[int]:
    return [model._default_manager.count() for model in target.counted]


def _assert_escaped(content: bytes, where: str) -> None:
    lowered = content.lower()
    for raw in (f"<{MARKER}".encode(), f"<script>/*{MARKER}".encode(), b"<img src=x onerror"):
        assert raw not in lowered, f"unescaped injected markup on {where}"


def _shown(value: str, spec: Field) -> str:
    # A textarea's first newline belongs to the markup; a browser (not HTMLParser) drops it.
    if spec.kind == "textarea" and value.startswith("\n"):
        return value[1:]
    return value


def submit_and_judge(target: Target, data: dict[str, Any], fields: dict[str, Field]) -> int:
    """Post (or get) `data` and check the four promises; the answer's status code."""
    cache.clear()  # rate-limit counters: every example is someone's first try
    if target.reset is not None:
        target.reset()
    before, snapshot = _counts(target), target.watched() if target.watched else None
    if target.method == "get":
        response = target.client.get(target.url, data)
    else:
        response = target.client.post(target.url, data)
    status = response.status_code
    assert status < 500, f"{status} from {target.url} with {data!r}"
    content = response.content
    _assert_escaped(content, target.url)
    if status in {301, 302, 303}:
        followed = target.client.get(response["Location"])
        assert followed.status_code < 500, f"{followed.status_code} after {target.url}"
        _assert_escaped(followed.content, response["Location"])
        return status
    if target.method == "get":
        return status
    assert _counts(target) == before, f"a refused form wrote rows: {data!r}"
    if snapshot is not None:
        assert target.watched() == snapshot, f"a refused edit changed the object: {data!r}"
    if status not in {200, 400, 409, 422, 429}:
        return status
    assert "html" in response.get("Content-Type", ""), "a refusal without the form"
    shown = form_fields(content.decode(), method="post", action=target.url)
    for name, sent in data.items():
        spec = fields.get(name)
        if spec is None or spec.kind not in ECHOED or name in target.fixed:
            continue
        last = sent[-1] if isinstance(sent, list) else sent
        assert name in shown, f"field {name!r} is gone after a refusal: {data!r}"
        assert (
            _shown(shown[name].value, spec) == last.replace("\r\n", "\n").replace("\r", "\n")
            or _shown(shown[name].value, spec) == last
        ), f"{name!r} came back as {shown[name].value!r}, typed {last!r}"
    return status
