"""`<field>__any=[…]`: membership in a list sent as one parameter, not one per item.

`__in` with a Python list compiles and binds every item on its own: for the few hundred spaces
of a city, that cost a free-time search more than its queries did. Here the list is one array
(PostgreSQL, `= ANY(%s)`) or one JSON text (SQLite, `IN (SELECT value FROM json_each(%s))`).
For integer keys only: the items are sent as they are, without the field's conversion.
"""

from __future__ import annotations

import json
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Field, ForeignObject, Lookup
from django.db.models.sql.compiler import SQLCompiler


@ForeignObject.register_lookup  # a relation keeps its own lookups
@Field.register_lookup
class AnyOf(Lookup[Any]):
    lookup_name = "any"
    prepare_rhs = False

    def as_sql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper
    ) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        items = [int(item) for item in self.rhs]  # also refuses anything but integers
        if connection.vendor == "postgresql":
            # An array literal: one text parameter, which the driver binds as fast as any.
            array = "{" + ",".join(map(str, items)) + "}"
            return f"{lhs} = ANY(%s::bigint[])", [*lhs_params, array]
        # The left side is a compiled column, never input: the items travel as a parameter.
        sql = f"{lhs} IN (SELECT value FROM json_each(%s))"  # noqa: S608
        return sql, [*lhs_params, json.dumps(items)]
