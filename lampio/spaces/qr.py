"""QR codes (SVG, no inline styles) that open a space's public page from a sign at its door."""

from __future__ import annotations

import segno


def qr_svg(url: str, *, title: str, scale: int = 6) -> str:
    # Medium error correction survives a scuffed or partly covered printout on a door or desk.
    return str(
        segno.make(url, error="m").svg_inline(
            scale=scale, title=title, svgclass="qr-code", lineclass=None, omitsize=False
        )
    )
