"""Residents' feedback pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lampio.feedback import selectors
from lampio.tenancy.access import found


def track(request: HttpRequest, token: str) -> HttpResponse:
    feedback = found(selectors.tracked_feedback, token=token)
    return render(request, "feedback/track.html", {"feedback": feedback})
