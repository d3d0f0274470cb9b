"""Return definition files: the shipped ones load and follow the schema, and a wrong file is
refused in one sentence naming the figure and the field."""

from __future__ import annotations

import copy
import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from rjdesk_hub.returns.definition import (
    SHIPPED,
    DefinitionError,
    from_json,
    load,
    shipped,
    text_of,
)


def schema() -> dict[str, Any]:
    text = (resources.files("rjdesk_hub.returns") / "definition.schema.json").read_text()
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@pytest.mark.parametrize("name", SHIPPED)
def test_the_shipped_definitions_load_and_follow_the_schema(name: str) -> None:
    text = shipped(name)
    Draft202012Validator.check_schema(schema())
    Draft202012Validator(schema()).validate(json.loads(text))
    definition = load(text)
    assert definition.id == name
    assert definition.version == 1


def test_the_quarterly_return_has_every_figure_the_issue_lists() -> None:
    figures = {f.id: f for f in load(shipped("rj-quarterly")).figures}
    for wanted in (
        "referrals_by_source",
        "referrals_by_channel",
        "referrals_by_type",
        "victims_code_informed",
        "interventions",
        "agreements_made",
        "actions_completed",
        "closure_reasons",
        "satisfaction_end",
        "satisfaction_follow_up",
        "coping_end",
        "coping_follow_up",
        "equality_age_band",
        "equality_sex",
        "equality_ethnic_group",
        "equality_disability",
        "equality_religion",
    ):
        assert wanted in figures
    for step in ("first_contact", "assessment", "intervention", "closure"):
        assert figures[f"days_to_{step}_median"].measure == "median"
        assert figures[f"days_to_{step}_p90"].measure == "p90"
    assert figures["victims_code_informed"].measure == "rate"
    source = figures["referrals_by_source"].by[0]
    assert source.values[0] == ("police", "Police")
    assert ("housing_provider", "Housing provider") in source.values
    assert source.not_recorded == "Not recorded"


def small() -> dict[str, Any]:
    return {
        "format": "rjdesk.return-definition/1",
        "id": "test",
        "version": 2,
        "title": "A test return",
        "figures": [
            {
                "id": "referrals_by_source",
                "title": "Referrals by source",
                "counts": "cases",
                "placed_by": "received_on",
                "by": [{"field": "source", "values": {"police": "Police"}}],
                "totals": True,
            }
        ],
    }


def refused(change: Any) -> str:
    data = small()
    change(data)
    Draft202012Validator(schema())  # the schema itself is fine; the loader says more
    with pytest.raises(DefinitionError) as error:
        from_json(copy.deepcopy(data))
    message = str(error.value)
    assert "\n" not in message
    return message


def figure(data: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = data["figures"][0]
    return found


def test_a_misspelt_field_is_named_with_its_figure() -> None:
    def misspell(data: dict[str, Any]) -> None:
        figure(data)["by"][0]["field"] = "sorce"

    assert refused(misspell) == "figure 'referrals_by_source': unknown field 'sorce' in by"


@pytest.mark.parametrize(
    ("key", "value", "says"),
    [
        (
            "placed_by",
            "recieved_on",
            "figure 'referrals_by_source': unknown field 'recieved_on' in placed_by",
        ),
        (
            "placed_by",
            "source",
            "figure 'referrals_by_source': 'source' in placed_by must be a day",
        ),
        (
            "counts",
            "referrals",
            "figure 'referrals_by_source': 'counts' must be one of cases, people, contacts",
        ),
        (
            "measure",
            "mean",
            "figure 'referrals_by_source': unknown measure 'mean'",
        ),
        (
            "measure",
            "rate",
            "figure 'referrals_by_source': a rate needs a 'numerator' saying which units it counts",
        ),
        (
            "where",
            [{"field": "source", "equals": "polise"}],
            "figure 'referrals_by_source': 'polise' is not a value of source in where",
        ),
        (
            "where",
            [{"field": "source", "like": "pol"}],
            "figure 'referrals_by_source': a condition of 'where' needs 'field' and one of",
        ),
        (
            "where",
            [{"field": "case.source", "equals": "police"}],
            "figure 'referrals_by_source': unknown field 'case.source' in where",
        ),
        (
            "where",
            [{"field": "case_id", "equals": "x"}],
            "figure 'referrals_by_source': unknown field 'case_id' in where",
        ),
        (
            "where",
            [{"field": "actions_done", "at_least": "two"}],
            "figure 'referrals_by_source': 'at_least' of 'actions_done' is a whole number",
        ),
        (
            "by",
            [{"field": "source", "values": {"polise": "Police"}}],
            "figure 'referrals_by_source': 'polise' is not a value of source in by",
        ),
        (
            "by",
            [{"field": "received_on", "values": {"x": "X"}}],
            "figure 'referrals_by_source': 'received_on' in by must be a word or yes/no",
        ),
        (
            "from",
            "received_on",
            "figure 'referrals_by_source': 'from' is only for a median or p90, not a count",
        ),
        ("sorce", "x", "figure 'referrals_by_source': unknown key 'sorce'"),
    ],
)
def test_a_wrong_figure_is_one_sentence_naming_it(key: str, value: Any, says: str) -> None:
    def change(data: dict[str, Any]) -> None:
        figure(data)[key] = value

    assert refused(change).startswith(says)


def test_people_reach_their_case_with_a_prefix() -> None:
    data = small()
    figure(data).update(counts="people", placed_by="case.closed_on")
    figure(data)["by"][0]["field"] = "case.source"
    loaded = from_json(data).figures[0]
    assert loaded.placed_by.of_case
    assert loaded.by[0].field.attribute == "source"


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (
            lambda d: d.update(format="rjdesk.return-definition/9"),
            "the definition's format must be",
        ),
        (lambda d: d.update(version=0), "the definition's version must be a whole number from 1"),
        (lambda d: d.update(version="1"), "the definition's version must be a whole number from 1"),
        (lambda d: d.update(figures=[]), "the definition must list its figures in 'figures'"),
        (
            lambda d: d["figures"].append(d["figures"][0]),
            "figure 'referrals_by_source' is defined twice",
        ),
        (
            lambda d: d.update(shared_totals=[["referrals_by_source", "nope"]]),
            "'shared_totals' names no figure 'nope'",
        ),
    ],
)
def test_a_wrong_definition_is_one_sentence(change: Any, says: str) -> None:
    assert refused(change).startswith(says)


def test_a_file_that_is_not_json_says_where() -> None:
    with pytest.raises(DefinitionError) as error:
        load('{"format": "rjdesk.return-definition/1",\n "id": }')
    assert str(error.value).startswith("the definition is not valid JSON (line 2, column")


def test_an_unknown_shipped_name_lists_the_shipped_ones() -> None:
    with pytest.raises(DefinitionError, match="choose one of rj-quarterly, people-by-closure"):
        shipped("../../etc/passwd")


def test_a_definition_is_named_or_read_from_its_file(tmp_path: Path) -> None:
    assert text_of("rj-quarterly") == shipped("rj-quarterly")
    mine = tmp_path / "pcc.json"
    mine.write_text(json.dumps(small()), encoding="utf-8")
    assert load(text_of(str(mine))).id == "test"
    with pytest.raises(DefinitionError, match=r"there is no definition file .*nope.json: give a"):
        text_of(str(tmp_path / "nope.json"))
    (tmp_path / "latin.json").write_bytes(b'{"title": "\xe9t\xe9"}')
    with pytest.raises(DefinitionError, match=r"latin.json is not UTF-8 text"):
        text_of(str(tmp_path / "latin.json"))
    (tmp_path / "big.json").write_bytes(b" " * 1_000_001)
    with pytest.raises(DefinitionError, match="too large"):
        text_of(str(tmp_path / "big.json"))
    with pytest.raises(DefinitionError, match="cannot be read"):
        text_of(str(tmp_path))  # a folder
