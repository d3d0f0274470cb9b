"""Statements on a hot path, compiled once and run on the DB-API cursor.

Executing a Core statement costs SQLAlchemy some tens of microseconds each time (cache key,
compiled-cache lookup, parameter processing, result set-up) before the database does anything.
For opening a case, which runs about twenty small selects each time, that overhead is most of
the time. A ``Prepared`` select is compiled once per dialect, by SQLAlchemy; each run then
passes its parameters and rows through the same type processing SQLAlchemy would apply (dates,
enums, JSON, UTC datetimes: the column types' own processors), on the driver's connection
inside the caller's transaction. The statement stays written as Core, so it stays checked
against the models' tables.

A select's rows are made by one function written for it when it is compiled: each column's
value goes through its processor in place (an enum's value is looked up in a table made by the
enum's own processor), straight into the row, with no loop over columns per row. A select may
make its rows as a frozen view whose first fields are its columns, in order.
"""

from __future__ import annotations

import dataclasses
from collections import namedtuple
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Dialect, Engine, Enum, Insert, Select, Update

# SQLAlchemy's placeholder for a list parameter (``column.in_(bindparam(..., expanding=True))``)
# in a compiled statement: it is filled with one ``?`` per value when run.
_EXPANDING = "__[POSTCOMPILE_{}]"

Processor = Callable[[Any], Any]
# Stands for a parameter the caller must give (the statement holds no value of its own).
_NEEDED = object()


@dataclass(frozen=True, slots=True)
class Driver:
    """A pooled driver connection in a transaction its holder begins and ends itself
    (``Vault.reading``): prepared statements run on it as on a ``Connection``, without the
    Connection, its transaction and their events around them (half of an empty reading's
    25 us, warm, and more when the processor's caches are cold)."""

    connection: Any  # the DB-API connection
    engine: Engine
    dialect: Dialect


# What a prepared statement runs on.
Runs = Connection | Driver


@dataclass
class _Compiled:
    sql: str
    # (name, processor, expanding, the value written in the statement itself)
    binds: tuple[tuple[str, Processor | None, bool, Any], ...]
    results: tuple[tuple[int, Processor], ...]  # the columns whose values are processed
    row: Any  # the named tuple of one row, or the view the rows are made as
    make: Callable[[list[Any]], list[Any]]  # the rows, from the driver's rows
    # The parameters' values, from the caller's (None: a list parameter, worked out per run).
    values: Callable[[dict[str, Any]], list[Any]] | None
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

    def make_one_by_one(self, raw_rows: list[Any]) -> list[Any]:
        """The rows, each value through its column's processor: what ``make`` gives, and the
        processors' own error for a value ``make``'s lookups do not know."""
        rows = []
        for raw in raw_rows:
            values = list(raw)
            for index, process in self.results:
                values[index] = process(values[index])
            rows.append(self.row(*values))
        return rows


class Prepared:
    """A statement run often: ``rows(conn, **params)`` gives a select's rows as named tuples of
    processed values (or as ``row``, a frozen view whose first fields are the select's columns,
    in order); ``run(conn, **params)`` runs an insert or update."""

    def __init__(
        self, statement: Select[Any] | Insert | Update, *, row: type | None = None
    ) -> None:
        self.statement = statement
        self._row = row
        self._compiled: dict[str, _Compiled] = {}
        if row is not None:
            keys = [str(column.key) for column in self._columns()]
            fields = [f.name for f in dataclasses.fields(row)][: len(keys)]
            if fields != keys:
                raise TypeError(f"{row.__name__}'s first fields must be the columns, in order")

    def _columns(self) -> list[Any]:
        statement = self.statement
        return list(statement.selected_columns) if isinstance(statement, Select) else []

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
        columns = self._columns()
        for index, column in enumerate(columns):
            process = column.type.dialect_impl(dialect).result_processor(dialect, None)
            if process is not None:
                results.append((index, process))
        keys = [str(column.key) for column in columns]
        row = self._row or namedtuple("Row", keys)
        make = _row_maker(row, len(keys), self._row is None, dict(results), [
            _enum_lookup(column.type.dialect_impl(dialect), dialect) for column in columns
        ])  # fmt: skip
        values = _binder(tuple(binds))
        return _Compiled(compiled.string, tuple(binds), tuple(results), row, make, values)

    def rows(self, conn: Runs, **params: Any) -> list[Any]:
        """The rows, run on ``conn``'s driver connection in its current transaction."""
        cursor, compiled = self._execute(conn, params)
        if cursor is None:
            return []
        raw_rows = cursor.fetchall()
        try:
            return compiled.make(raw_rows)
        except KeyError:  # a value an enum does not have: its processor says so, as SQLAlchemy
            return compiled.make_one_by_one(raw_rows)

    def run(self, conn: Runs, **params: Any) -> None:
        """Run an insert or update on ``conn``'s driver connection in its transaction."""
        self._execute(conn, params)

    def _execute(self, conn: Runs, params: dict[str, Any]) -> tuple[Any, _Compiled]:
        dialect = conn.dialect
        compiled = self._compiled.get(dialect.name)
        if compiled is None:
            compiled = self._compiled[dialect.name] = self._compile(dialect)
        if compiled.values is not None:
            try:
                values = compiled.values(params)
            except KeyError as missing:
                needed = {name for name, _, _, written in compiled.binds if written is _NEEDED}
                if missing.args and missing.args[0] in needed:
                    raise KeyError(f"the statement needs a value for {missing.args[0]!r}") from None
                raise
            sql = compiled.sql
        else:
            values = []
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
            if not all(lengths):
                return None, compiled  # an empty list matches nothing
            sql = compiled.sql_for(tuple(lengths))
        if conn.engine.echo:
            # Logged as the engine logs its own statements (``RJDESK_SQL_ECHO=1``), never with
            # its parameters: they may be case text.
            conn.engine.logger.info("%s [prepared; parameters hidden]", sql)
        driver = conn.connection if isinstance(conn, Driver) else conn.connection.driver_connection
        cursor = driver.execute(sql, values)  # type: ignore[union-attr]
        return cursor, compiled


def _enum_lookup(impl: Any, dialect: Dialect) -> dict[Any, Any] | None:
    """An enum column's values and what its processor reads each as (None: not such a column).
    Looked up in place, a value costs no call; the table is made by the processor itself."""
    if not isinstance(impl, Enum) or super(Enum, impl).result_processor(dialect, None):
        return None
    process = impl.result_processor(dialect, None)  # type: ignore[no-untyped-call]
    return {value: process(value) for value in [*impl.enums, None]}


def _binder(
    binds: tuple[tuple[str, Processor | None, bool, Any], ...],
) -> Callable[[dict[str, Any]], list[Any]] | None:
    """One function giving a statement's parameter values, each through its processor, e.g.
    ``[params["case_id"], p1(params.get("at", w1))]``; None for a list parameter."""
    if any(expanding for _, _, expanding, _ in binds):
        return None
    namespace: dict[str, Any] = {}
    values = []
    for index, (name, process, _, written) in enumerate(binds):
        value = f"params[{name!r}]"
        if written is not _NEEDED:
            namespace[f"w{index}"] = written
            value = f"params.get({name!r}, w{index})"
        if process is not None:
            namespace[f"p{index}"] = process
            value = f"p{index}({value})"
        values.append(value)
    exec(f"def values(params):\n    return [{', '.join(values)}]\n", namespace)  # noqa: S102
    binder: Callable[[dict[str, Any]], list[Any]] = namespace["values"]
    return binder


def _row_maker(
    row: Any,
    width: int,
    is_tuple: bool,
    processors: dict[int, Processor],
    lookups: list[dict[Any, Any] | None],
) -> Callable[[list[Any]], list[Any]]:
    """One function making a select's rows: e.g. ``[new(Row, (c0, p1(c1), e2[c2])) for c0, c1,
    c2 in rows]``, so each row costs no loop and no call per column."""
    namespace: dict[str, Any] = {"Row": row, "new": tuple.__new__}
    values = []
    for index in range(width):
        lookup, process = lookups[index], processors.get(index)
        if lookup is not None:
            namespace[f"e{index}"] = lookup
            values.append(f"e{index}[c{index}]")
        elif process is not None:
            namespace[f"p{index}"] = process
            values.append(f"p{index}(c{index})")
        else:
            values.append(f"c{index}")
    names = f"({''.join(f'c{index}, ' for index in range(width))})" if width else "_"
    made = (
        f"new(Row, ({''.join(f'{v}, ' for v in values)}))"
        if is_tuple
        else f"Row({', '.join(values)})"
    )
    exec(f"def make(rows):\n    return [{made} for {names} in rows]\n", namespace)  # noqa: S102
    make: Callable[[list[Any]], list[Any]] = namespace["make"]
    return make
