"""Inserting many rows at once for the sweep's hot path, without the ORM's per-object work."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection
from django.db.models import Field, Model


def insert_rows(model: type[Model], fields: Sequence[str], rows: Iterable[Sequence]) -> int:
    """INSERT `rows` (values in the order of `fields`) into `model`'s table in a few statements.

    Values are prepared by their fields as the ORM would; no signals are sent and no defaults are
    filled, so `fields` must name every column without a database default.
    """
    columns = [model._meta.get_field(name) for name in fields]
    prepared = [
        [
            column.get_db_prep_save(value, connection)
            for column, value in zip(columns, row, strict=True)
        ]
        for row in rows
    ]
    if not prepared:
        return 0
    quote = connection.ops.quote_name
    head = "INSERT INTO {} ({}) ".format(
        quote(model._meta.db_table), ", ".join(quote(column.column) for column in columns)
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _insert_arrays(cursor, head, columns, prepared)
        else:
            _insert_values(cursor, head, columns, prepared)
    return len(prepared)


def _insert_arrays(cursor, head: str, columns: list[Field], rows: list[list]) -> None:
    # One array a column, so the statement stays short however many rows: psycopg parses the
    # query text on every execution, which dominates with thousands of placeholders.
    arrays = ", ".join(f"%s::{column.db_type(connection)}[]" for column in columns)
    cursor.execute(
        head + f"SELECT * FROM unnest({arrays})", [list(col) for col in zip(*rows, strict=True)]
    )


def _insert_values(cursor, head: str, columns: list[Field], rows: list[list]) -> None:
    one_row = "({})".format(", ".join(["%s"] * len(columns)))
    per_statement = (connection.features.max_query_params or 10_000) // len(columns)
    for start in range(0, len(rows), per_statement):
        chunk = rows[start : start + per_statement]
        params = [value for row in chunk for value in row]
        cursor.execute(head + "VALUES " + ", ".join([one_row] * len(chunk)), params)
