"""The views' quicker constructor is the dataclass's own in every way that shows."""

from __future__ import annotations

import dataclasses
import inspect
from datetime import UTC, date, datetime

import pytest

from rjdesk.app import views
from rjdesk_protocol.enums import ConsentScope

VIEWS = [
    value
    for value in vars(views).values()
    if isinstance(value, type)
    and dataclasses.is_dataclass(value)
    and value.__module__ == views.__name__
]


def test_every_view_is_covered() -> None:
    assert {view.__name__ for view in VIEWS} >= {"CaseView", "ContactView", "ParticipantView"}
    assert all(view.__init__.__qualname__ == f"{view.__name__}.__init__" for view in VIEWS)


@pytest.mark.parametrize("view", VIEWS, ids=lambda view: view.__name__)
def test_the_constructor_takes_the_fields_in_order_with_their_defaults(view: type) -> None:
    fields = dataclasses.fields(view)
    parameters = list(inspect.signature(view.__init__).parameters.values())[1:]
    assert [p.name for p in parameters] == [f.name for f in fields]
    for parameter, field in zip(parameters, fields, strict=True):
        expected = (
            inspect.Parameter.empty if field.default is dataclasses.MISSING else field.default
        )
        assert parameter.default is expected
    values = [object() for _ in fields]
    made = view(*values)
    assert [getattr(made, f.name) for f in fields] == values
    by_name = view(**{f.name: value for f, value in zip(fields, values, strict=True)})
    assert [getattr(by_name, f.name) for f in fields] == values
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, fields[0].name, "changed")
    with pytest.raises(TypeError):
        view()  # every view has fields that must be given


def test_a_default_is_given_when_left_out() -> None:
    consent = views.ConsentView(
        id="c", participant_id="p", scope=ConsentScope.TAKE_PART, given_on=date(2026, 12, 1),
        given_by_id=None, withdrawn_on=None, withdrawal_note="",
        created_at=datetime(2026, 12, 1, tzinfo=UTC),
    )  # fmt: skip
    assert consent.given_by is None
    assert consent.in_force_on(date(2026, 12, 2))
