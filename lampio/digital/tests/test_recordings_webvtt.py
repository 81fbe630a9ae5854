"""The captions check: WebVTT signature, UTF-8, a valid cue timing, and the size limit."""

from __future__ import annotations

import pytest
from django.utils import translation

from lampio.core.errors import InvalidInput
from lampio.digital.webvtt import MAX_CAPTIONS_BYTES, clean_webvtt

GOOD = b"WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHyv\xc3\xa4\xc3\xa4 iltaa!\n"


def test_a_valid_file_is_accepted_as_text() -> None:
    assert clean_webvtt(GOOD).startswith("WEBVTT")
    assert "Hyvää iltaa!" in clean_webvtt(GOOD)


def test_a_byte_order_mark_and_a_header_text_and_short_timestamps_are_allowed() -> None:
    data = "\ufeffWEBVTT - Konsertti\r\n\r\n01:02.500 --> 01:04.000 align:start\r\nLaulu\r\n"
    text = clean_webvtt(data.encode("utf-8"))
    assert text.startswith("WEBVTT - Konsertti")  # the mark is gone


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"1\n00:00:01.000 --> 00:00:04.000\nHello\n", "WEBVTT"),
        (b"WEBVTTX\n\n00:00:01.000 --> 00:00:04.000\nHello\n", "WEBVTT"),
        (b"WEBVTT\n\nJust text, no timings\n", "no captions"),
        (b"WEBVTT\n\n00:00:01,000 --> 00:00:04,000\nSRT commas\n", "Line 3"),
        (b"WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nBackwards\n", "ends before it starts"),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHyvää\n".encode("latin-1"), "UTF-8"),
        (b"", "WEBVTT"),
    ],
)
def test_a_wrong_file_is_refused_with_a_message_saying_what_is_wrong(
    data: bytes, words: str
) -> None:
    with translation.override("en"), pytest.raises(InvalidInput) as refused:
        clean_webvtt(data)
    with translation.override("en"):
        assert words in str(refused.value.message)
    assert refused.value.field == "captions"


def test_a_file_over_the_limit_is_refused() -> None:
    padding = b"NOTE " + b"x" * MAX_CAPTIONS_BYTES + b"\n\n"
    with translation.override("en"), pytest.raises(InvalidInput, match="too large"):
        clean_webvtt(b"WEBVTT\n\n" + padding + b"00:00:01.000 --> 00:00:02.000\nHi\n")
