from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from goglobal.engines.scheduling.cli import main
from goglobal.engines.scheduling.tests.test_parse import VALID

SOURCE = Path(__file__).resolve().parents[4]


@pytest.fixture
def instance_file(tmp_path):
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(VALID), encoding="utf-8")
    return path


def test_schedule_writes_the_result_and_exits_0(instance_file, tmp_path, capsys):
    output = tmp_path / "schedule.json"

    status = main([str(instance_file), "-o", str(output), "--time-limit", "5"])

    assert status == 0
    data = json.loads(output.read_text(encoding="utf-8"))
    assert data["format"] == "goglobal-schedule-result/1"
    assert data["value"] <= data["upper_bound"]
    assert data["status"] in {"optimal", "feasible"}
    assert "changes" not in data
    assert "upper bound" in capsys.readouterr().out


def test_replanning_reports_the_changes(instance_file, tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    main(["schedule", str(instance_file), "-o", str(first)])

    status = main([str(instance_file), "-o", str(second), "--previous", str(first)])

    assert status == 0
    changes = json.loads(second.read_text(encoding="utf-8"))["changes"]
    assert changes["kept"] == len(json.loads(first.read_text(encoding="utf-8"))["meetings"])
    assert changes["moved"] == changes["dropped"] == changes["added"] == 0


def _bad(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["{missing}", "-o", "{out}"], "cannot read instance"),
        (["{instance}"], "the following arguments are required: -o/--output"),
        (["{instance}", "-o", "{out}", "--time-limit", "soon"], "invalid float value"),
        (["{instance}", "-o", "{out}", "--time-limit", "0"], "--time-limit must be positive"),
        (["{instance}", "-o", "{out}", "--previous", "{instance}"], "format: must be"),
        (["{bad}", "-o", "{out}"], 'requests[0].to: unknown participant "p00999"'),
        (["{instance}", "-o", "{tmp}/no/such/dir/out.json"], "cannot write"),
    ],
)
def test_bad_input_exits_2_with_one_line(instance_file, tmp_path, capsys, arguments, message):
    broken = json.loads(json.dumps(VALID))
    broken["requests"][0]["to"] = "p00999"
    names = {
        "instance": str(instance_file),
        "missing": str(tmp_path / "missing.json"),
        "out": str(tmp_path / "out.json"),
        "bad": str(_bad(tmp_path, broken)),
        "tmp": str(tmp_path),
    }

    status = main([argument.format(**names) for argument in arguments])

    assert status == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("schedule: error: ")
    assert message in captured.err
    assert "Traceback" not in captured.err


def test_python_dash_m_runs_the_command(instance_file, tmp_path):
    output = tmp_path / "schedule.json"

    completed = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-m",
            "goglobal.engines.scheduling",
            str(instance_file),
            "-o",
            str(output),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(SOURCE)},
        timeout=60,
    )

    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.count("\n") == 1
    assert output.exists()
