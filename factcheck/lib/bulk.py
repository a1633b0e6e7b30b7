"""Inserting many rows at once for the sweep's hot path, without the ORM's per-object work."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Field, Model


def insert_rows(model: type[Model], fields: Sequence[str], rows: Iterable[Sequence]) -> int:
    """INSERT `rows` (values in the order of `fields`) into `model`'s table in a few statements.

    Values are prepared by their fields as the ORM would; no signals are sent and no defaults are
    filled, so `fields` must name every column without a database default.
    """
    db = connections[DEFAULT_DB_ALIAS]  # the wrapper itself: the proxy costs a lookup a use
    columns = [model._meta.get_field(name) for name in fields]
    rows = list(rows)
    if not rows:
        return 0
    values = [
        _prepared(column, column_values, db)
        for column, column_values in zip(columns, zip(*rows, strict=True), strict=True)
    ]
    quote = db.ops.quote_name
    head = "INSERT INTO {} ({}) ".format(
        quote(model._meta.db_table), ", ".join(quote(column.column) for column in columns)
    )
    with db.cursor() as cursor:
        if db.vendor == "postgresql":
            _insert_arrays(cursor, head, columns, values, db)
        else:
            _insert_values(cursor, head, db, list(zip(*values, strict=True)))
    return len(rows)


def _prepared(column: Field, values: Sequence, db) -> list:
    """A column's values as the database takes them, each distinct value prepared once."""
    seen: dict = {}
    out = []
    for value in values:
        try:
            out.append(seen[value])
        except KeyError:
            out.append(seen.setdefault(value, column.get_db_prep_save(value, db)))
        except TypeError:  # unhashable (a JSON value): prepared every time
            out.append(column.get_db_prep_save(value, db))
    return out


def _insert_arrays(cursor, head: str, columns: list[Field], values: list[list], db) -> None:
    # One array a column keeps the statement short however many rows (psycopg parses the query
    # text on every execution, which dominates with thousands of placeholders), and a column
    # whose rows all hold the same value is passed once.
    selected, arrays, params, array_params = [], [], [], []
    for index, (column, column_values) in enumerate(zip(columns, values, strict=True)):
        db_type = column.db_type(db)
        # (the first column always goes as an array: unnest needs one to count the rows by)
        if index and all(value == column_values[0] for value in column_values):
            selected.append(f"%s::{db_type}")
            params.append(column_values[0])
        else:
            selected.append(f"c{index}")
            arrays.append((f"%s::{db_type}[]", f"c{index}"))
            array_params.append(column_values)
    unnest = ", ".join(array for array, _ in arrays)
    names = ", ".join(name for _, name in arrays)
    sql = f"{head}SELECT {', '.join(selected)} FROM unnest({unnest}) AS rows({names})"
    cursor.execute(sql, [*params, *array_params])


def _insert_values(cursor, head: str, db, rows: list[tuple]) -> None:
    one_row = "({})".format(", ".join(["%s"] * len(rows[0])))
    per_statement = (db.features.max_query_params or 10_000) // len(rows[0])
    for start in range(0, len(rows), per_statement):
        chunk = rows[start : start + per_statement]
        params = [value for row in chunk for value in row]
        cursor.execute(head + "VALUES " + ", ".join([one_row] * len(chunk)), params)
