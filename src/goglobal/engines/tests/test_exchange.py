"""The shared readers raise the error class they were built with; the CLI helpers."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from goglobal.engines.exchange import FieldError, Parser, Readers, UsageError, arguments, fail


class _OwnError(FieldError):
    pass


_READ = Readers(_OwnError)


def test_field_error_names_the_field() -> None:
    error = FieldError("items[2].name", "missing")
    assert str(error) == "items[2].name: missing"
    assert (error.where, error.problem) == ("items[2].name", "missing")
    assert str(FieldError("", "bad file")) == "bad file"
    assert isinstance(error, ValueError)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: _READ.obj([], "a"), "a: must be an object"),
        (lambda: _READ.array({}, "a"), "a: must be an array"),
        (lambda: _READ.text("", "a"), "a: must be a non-empty string"),
        (lambda: _READ.text(3, "a"), "a: must be a non-empty string"),
        (lambda: _READ.whole(True, "a"), "a: must be an integer"),
        (lambda: _READ.whole(1.5, "a"), "a: must be an integer"),
        (lambda: _READ.only_keys({"b": 1, "z": 2}, {"x"}, "a"), "a.b: unknown field"),
        (lambda: _READ.fail("a", "wrong"), "a: wrong"),
    ],
)
def test_readers_raise_their_own_error(call: Callable[[], object], message: str) -> None:
    with pytest.raises(_OwnError) as caught:
        call()
    assert str(caught.value) == message


def test_readers_return_good_values() -> None:
    assert _READ.obj({"a": 1}, "x") == {"a": 1}
    assert _READ.array([1], "x") == [1]
    assert _READ.text(" ", "x") == " "
    assert _READ.whole(-4, "x") == -4
    _READ.only_keys({"a": 1}, {"a", "b"}, "x")


def test_strip_rejects_white_space_alone() -> None:
    with pytest.raises(_OwnError, match="must be a non-empty string"):
        Readers(_OwnError, strip=True).text(" \t", "x")


def test_read_json(tmp_path: Path) -> None:
    assert _READ.read_json({"a": 1}, "thing") == {"a": 1}
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"a": 1}), encoding="utf-8")
    assert _READ.read_json(good, "thing") == {"a": 1}
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(_OwnError, match=r"is not JSON: .* at line 1"):
        _READ.read_json(bad, "thing")
    listed = tmp_path / "list.json"
    listed.write_text("[]", encoding="utf-8")
    with pytest.raises(_OwnError, match="must hold a JSON object"):
        _READ.read_json(str(listed), "thing")
    with pytest.raises(_OwnError, match="cannot read thing"):
        _READ.read_json(tmp_path / "absent.json", "thing")


def test_parser_raises_usage_error() -> None:
    parser = Parser(prog="tool")
    parser.add_argument("file")
    with pytest.raises(UsageError, match="required"):
        parser.parse_args([])


def test_arguments_drop_the_sub_command() -> None:
    assert arguments("tool", ["tool", "a"]) == ["a"]
    assert arguments("tool", ["a", "tool"]) == ["a", "tool"]
    assert arguments("tool", []) == []


def test_fail_prints_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert fail("tool", ValueError("bad\n  thing")) == 2
    assert capsys.readouterr().err == "tool: error: bad thing\n"
