"""`{% assistant_widget %}`: the assistant's small question form on every resident page.

Not on staff pages (their own work, under /<lang>/staff/), not on the assistant's own pages
(they are the full version), and not on pages rendered without a request (the 500 page).
"""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


def shows_widget(request: Any) -> bool:
    if request is None:
        return False
    match = getattr(request, "resolver_match", None)
    if match is not None and "assistant" in match.namespaces:
        return False
    # Paths carry the language first: /fi/staff/…; the admin has its own templates.
    parts = [part for part in request.path.split("/") if part]
    return not (len(parts) > 1 and parts[1] in {"staff", "admin"})


@register.inclusion_tag("assistant/widget.html", takes_context=True)
def assistant_widget(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    return {
        "show": shows_widget(request),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
