"""Django's PostgreSQL backend with a health check that needs no round trip (decision 0026).

Django checks a kept connection at the first query of each request (CONN_HEALTH_CHECKS) with a
`SELECT 1`: a round trip to the server that was a twentieth of a search page's time. A
connection whose server went away (a restart, `pg_terminate_backend`, an idle timeout) has been
closed by the server's side: its socket has the server's last message or its end to read. A
healthy idle connection has nothing to read, since these connections never LISTEN. So the
check asks the kernel, without waiting, whether there is anything to read.

Anything there, even a harmless notice, counts as unusable: the cost of a wrong guess is one new
connection. A server that vanished without closing (a cut network) is not seen; the query then
fails as it would have after the check, and the request gets the 503 page
(`lampio.core.unavailable`).
"""

from __future__ import annotations

import select

from django.db.backends.postgresql import base
from psycopg import pq


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self) -> bool:
        connection = self.connection
        if connection is None or connection.closed:
            return False
        if (
            connection.pgconn.status != pq.ConnStatus.OK
            or connection.info.transaction_status != pq.TransactionStatus.IDLE
        ):
            # Not idle: something is under way that the plain check can judge.
            return bool(super().is_usable())
        poller = select.poll()
        try:
            poller.register(connection.fileno(), select.POLLIN | select.POLLPRI)
        except (OSError, ValueError):
            return False
        # Data, an end of file, a hang-up or an error: any event means the server has spoken.
        return not poller.poll(0)
