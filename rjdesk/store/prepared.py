"""Statements on a hot path, compiled once and run on the DB-API cursor.

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

from sqlalchemy import Connection, Dialect, Insert, Select, Update

# SQLAlchemy's placeholder for a list parameter (``column.in_(bindparam(..., expanding=True))``)
# in a compiled statement: it is filled with one ``?`` per value when run.
_EXPANDING = "__[POSTCOMPILE_{}]"

Processor = Callable[[Any], Any]
# Stands for a parameter the caller must give (the statement holds no value of its own).
_NEEDED = object()


@dataclass
class _Compiled:
    sql: str
    # (name, processor, expanding, the value written in the statement itself)
    binds: tuple[tuple[str, Processor | None, bool, Any], ...]
    results: tuple[tuple[int, Processor], ...]  # the columns whose values are processed
    row: Any  # the named tuple of one row
    by_length: dict[tuple[int, ...], str] = field(default_factory=dict)

    def sql_for(self, lengths: tuple[int, ...]) -> str:
        if not lengths:
            return self.sql
        sql = self.by_length.get(lengths)
        if sql is None:
            sql = self.sql
            expanding = (name for name, _, is_list, _ in self.binds if is_list)
            for name, length in zip(expanding, lengths, strict=True):
                sql = sql.replace(_EXPANDING.format(name), ", ".join("?" * length))
            self.by_length[lengths] = sql
        return sql


class Prepared:
    """A statement run often: ``rows(conn, **params)`` gives a select's rows as named tuples of
    processed values; ``run(conn, **params)`` runs an insert or update."""

    def __init__(self, statement: Select[Any] | Insert | Update) -> None:
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
            written = _NEEDED if bind.required else bind.value
            binds.append((name, process, bool(bind.expanding), written))
        results = []
        columns: Any = self.statement.selected_columns if isinstance(self.statement, Select) else []
        for index, column in enumerate(columns):
            process = column.type.dialect_impl(dialect).result_processor(dialect, None)
            if process is not None:
                results.append((index, process))
        keys = [str(column.key) for column in columns]
        row = namedtuple("Row", keys)  # type: ignore[misc]
        return _Compiled(compiled.string, tuple(binds), tuple(results), row)

    def rows(self, conn: Connection, **params: Any) -> list[Any]:
        """The rows, run on ``conn``'s driver connection in its current transaction."""
        cursor, compiled = self._execute(conn, params)
        if cursor is None:
            return []
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

    def run(self, conn: Connection, **params: Any) -> None:
        """Run an insert or update on ``conn``'s driver connection in its transaction."""
        self._execute(conn, params)

    def _execute(self, conn: Connection, params: dict[str, Any]) -> tuple[Any, _Compiled]:
        dialect = conn.dialect
        compiled = self._compiled.get(dialect.name)
        if compiled is None:
            compiled = self._compiled[dialect.name] = self._compile(dialect)
        values: list[Any] = []
        lengths = []
        for name, process, expanding, written in compiled.binds:
            value = params.get(name, written)
            if value is _NEEDED:
                raise KeyError(f"the statement needs a value for {name!r}")
            if expanding:
                lengths.append(len(value))
                values.extend(process(v) for v in value) if process else values.extend(value)
            else:
                values.append(process(value) if process else value)
        if lengths and not all(lengths):
            return None, compiled  # an empty list matches nothing
        sql = compiled.sql_for(tuple(lengths))
        if conn.engine.echo:
            # Logged as the engine logs its own statements (``RJDESK_SQL_ECHO=1``), never with
            # its parameters: they may be case text.
            conn.engine.logger.info("%s [prepared; parameters hidden]", sql)
        cursor = conn.connection.driver_connection.execute(sql, values)  # type: ignore[union-attr]
        return cursor, compiled
