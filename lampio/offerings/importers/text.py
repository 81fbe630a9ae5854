"""Rich text from other systems to the plain text offerings keep, with Python's HTML parser.

Block elements end a paragraph, `<br>` ends a line, and every other tag is dropped with its
text kept; script and style contents are dropped entirely. Entities are decoded by the parser.
"""

from __future__ import annotations

from html.parser import HTMLParser

BLOCKS = {
    "p", "div", "section", "article", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "table", "blockquote", "pre", "figure",
}  # fmt: skip
LINES = {"br", "li", "tr", "dt", "dd"}
HIDDEN = {"script", "style", "template", "noscript"}


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self.hidden_depth += 1
        elif tag in BLOCKS:
            self.parts.append("\n\n")
        elif tag in LINES:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in LINES or tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden_depth = max(self.hidden_depth - 1, 0)
        elif tag in BLOCKS:
            self.parts.append("\n\n")
        # Inline tags end nothing: <b>kuoro</b>laulu stays one word, as the author meant.

    def handle_data(self, data: str) -> None:
        if not self.hidden_depth:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain paragraphs from an HTML fragment: single spaces, one blank line between blocks."""
    if not html:
        return ""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    raw = "".join(collector.parts).replace("\xa0", " ").replace("\xad", "")
    paragraphs: list[str] = []
    for block in raw.split("\n\n"):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def shorten(text: str, limit: int) -> str:
    """Cut `text` at a word boundary to at most `limit` characters, marking the cut with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:") + "…"
