"""Reading a JSON event feed from a file or over HTTP, following its pages.

Linked Events pages its lists: `{"meta": {"count": n, "next": url | null, ...}, "data": [...]}`.
Over HTTP the `next` links are followed up to a page limit (and never in a loop); a file is a
snapshot, so its `next` is not followed.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

USER_AGENT = "Lampio-importer/1"
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_PAGES = 20
# One page of 100 Linked Events events with embedded places is well under this.
MAX_BYTES = 20 * 1024 * 1024

FetchJson = Callable[[str], Any]


class FeedUnreadable(Exception):
    """The source could not be read or is not JSON; nothing was imported from it."""


def is_url(source: str) -> bool:
    return urllib.parse.urlsplit(source).scheme in ("http", "https")


def fetch_json(url: str, *, timeout: float = DEFAULT_TIMEOUT) -> Any:
    """GET `url` and parse its JSON body; http and https only, with a timeout and a size cap."""
    if not is_url(url):
        raise FeedUnreadable(f"Only http and https addresses can be fetched: {url}")
    headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (scheme checked above)
    try:
        # The scheme is checked above, so urlopen cannot be pointed at file:// or the like.
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = response.read(MAX_BYTES + 1)
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise FeedUnreadable(f"Could not fetch {url}: {error}") from error
    if len(body) > MAX_BYTES:
        raise FeedUnreadable(f"The response from {url} is larger than {MAX_BYTES} bytes.")
    try:
        return json.loads(body)
    except ValueError as error:
        raise FeedUnreadable(f"The response from {url} is not JSON: {error}") from error


def read_file(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as file:
            return json.load(file)
    except OSError as error:
        raise FeedUnreadable(f"Could not read {path}: {error}") from error
    except ValueError as error:
        raise FeedUnreadable(f"{path} is not JSON: {error}") from error


def next_page(document: Any) -> str | None:
    meta = document.get("meta") if isinstance(document, dict) else None
    following = meta.get("next") if isinstance(meta, dict) else None
    return following if isinstance(following, str) and is_url(following) else None


def documents(
    source: str, *, max_pages: int = DEFAULT_MAX_PAGES, fetch: FetchJson | None = None
) -> Iterator[Any]:
    """Each page of the feed at `source` (a path or an http(s) address) as parsed JSON."""
    if not is_url(source):
        yield read_file(Path(source))
        return
    fetch = fetch or fetch_json
    url: str | None = source
    seen: set[str] = set()
    for _ in range(max_pages):
        if url is None or url in seen:
            return
        seen.add(url)
        document = fetch(url)
        yield document
        url = next_page(document)


def events_of(document: Any) -> list[Any]:
    """The events of one page: its `data` list, or the document itself when it is a list."""
    if isinstance(document, list):
        return document
    if isinstance(document, dict) and isinstance(document.get("data"), list):
        return list(document["data"])
    raise FeedUnreadable("The feed has no list of events (expected {'data': [...]}).")
