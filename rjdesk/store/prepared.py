"""Selects on a hot path, compiled once and run on the DB-API cursor.

Executing a Core statement costs SQLAlchemy some tens of microseconds each time (cache key,
compiled-cache lookup, parameter processing, result set-up) before the database does anything.
For opening a case, which runs about twenty small selects each time, that overhead is most of
the time. A ``Prepared`` select is compiled once per dialect, by SQLAlchemy; each run then
passes its parameters and rows through the same type processing SQLAlchemy would apply (dates,
enums, JSON, UTC datetimes: the column types' own processors), on the driver's connection
inside the caller's transaction. The statement stays written as Core, so it stays checked
against the models' tables.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Dialect, Select

# SQLAlchemy's placeholder for a list parameter (``column.in_(bindparam(..., expanding=True))``)
# in a compiled statement: it is filled with one ``?`` per value when run.
_EXPANDING = "__[POSTCOMPILE_{}]"

Processor = Callable[[Any], Any]


@dataclass
class _Compiled:
    sql: str
    binds: tuple[tuple[str, Processor | None, bool], ...]  # (name, processor, expanding)
    results: tuple[tuple[int, Processor], ...]  # the columns whose values are processed
    row: Any  # the named tuple of one row
    by_length: dict[tuple[int, ...], str] = field(default_factory=dict)

    def sql_for(self, lengths: tuple[int, ...]) -> str:
        if not lengths:
            return self.sql
        sql = self.by_length.get(lengths)
        if sql is None:
            sql = self.sql
            expanding = (name for name, _, is_list in self.binds if is_list)
            for name, length in zip(expanding, lengths, strict=True):
                sql = sql.replace(_EXPANDING.format(name), ", ".join("?" * length))
            self.by_length[lengths] = sql
        return sql


class Prepared:
    """A select run often: ``rows(conn, **params)`` gives named tuples of processed values."""

    def __init__(self, statement: Select[Any]) -> None:
        self.statement = statement
        self._compiled: dict[str, _Compiled] = {}

    def _compile(self, dialect: Dialect) -> _Compiled:
        compiled = self.statement.compile(dialect=dialect)
        if dialect.paramstyle != "qmark" or compiled.positiontup is None:
            raise ValueError("a prepared select needs a driver with ? parameters")
        binds = []
        for name in compiled.positiontup:
            bind = compiled.binds[name]
            process = bind.type.dialect_impl(dialect).bind_processor(dialect)
            binds.append((name, process, bool(bind.expanding)))
        results = []
        for index, column in enumerate(self.statement.selected_columns):
            process = column.type.dialect_impl(dialect).result_processor(dialect, None)
            if process is not None:
                results.append((index, process))
        keys = [str(column.key) for column in self.statement.selected_columns]
        row = namedtuple("Row", keys)  # type: ignore[misc]
        return _Compiled(compiled.string, tuple(binds), tuple(results), row)

    def rows(self, conn: Connection, **params: Any) -> list[Any]:
        """The rows, run on ``conn``'s driver connection in its current transaction."""
        dialect = conn.dialect
        compiled = self._compiled.get(dialect.name)
        if compiled is None:
            compiled = self._compiled[dialect.name] = self._compile(dialect)
        values: list[Any] = []
        lengths = []
        for name, process, expanding in compiled.binds:
            value = params[name]
            if expanding:
                lengths.append(len(value))
                values.extend(process(v) for v in value) if process else values.extend(value)
            else:
                values.append(process(value) if process else value)
        if lengths and not all(lengths):
            return []  # an empty list matches nothing
        cursor = conn.connection.driver_connection.execute(  # type: ignore[union-attr]
            compiled.sql_for(tuple(lengths)), values
        )
        make, results = compiled.row._make, compiled.results
        if not results:
            return [make(row) for row in cursor.fetchall()]
        rows = []
        for raw in cursor.fetchall():
            row = list(raw)
            for index, process in results:
                row[index] = process(row[index])
            rows.append(make(row))
        return rows
