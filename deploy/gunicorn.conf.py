"""Gunicorn for Lämpiö's pages and API: what lampio-web@.service runs and the benchmarks measure.

Why sync workers, one more than the cores, behind nginx: docs/decisions/0020-sync-workers.md.
Each worker serves one request at a time; the others wait in the kernel's accept queue, first
come first served, instead of sharing the interpreter by turns. nginx reads whole requests and
answers before a worker sees them, so a slow phone never holds one.
"""

from __future__ import annotations

import gc
import os

host = os.environ.get("LAMPIO_WEB_HOST", "127.0.0.1")
bind = [f"{host}:{os.environ.get('LAMPIO_WEB_PORT', '8001')}"]
worker_class = "sync"
workers = int(os.environ.get("LAMPIO_WEB_WORKERS") or (os.cpu_count() or 1) + 1)
# A request still running after a minute is stopped (the proxy gives up after 65 s);
# reports and exports finish well within that.
timeout = 60
graceful_timeout = 20
# A worker is replaced after this many requests, at different times for each, so memory that a
# library holds on to cannot grow without end.
max_requests = 10000
max_requests_jitter = 1000
# The proxy sends X-Forwarded-Proto; Django reads it (SECURE_PROXY_SSL_HEADER) and takes the
# client's address from X-Forwarded-For (LAMPIO_TRUSTED_PROXIES, lampio.core.forwarded).
forwarded_allow_ips = os.environ.get("LAMPIO_TRUSTED_PROXIES", "127.0.0.1,::1")
# nginx logs every request; gunicorn logs only its own warnings and errors, to the journal.
accesslog = None
errorlog = "-"
loglevel = "warning"
wsgi_app = "lampio.wsgi:application"


def post_worker_init(worker: object) -> None:
    """Keep the garbage collector off what the worker loaded and rarely wake it.

    Django, the app and its templates are a few hundred thousand long-lived objects that every
    full collection walked again; frozen, they are skipped (and their memory pages stay shared
    with the master). A request makes a few thousand objects, nearly all freed by reference
    counting, so the young generation is collected every 50,000 allocations instead of every
    700: measured on a booking, the collector's share of the time fell from 3.9% to 0.8%.
    """
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
