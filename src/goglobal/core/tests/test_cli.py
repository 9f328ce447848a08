"""The ``goglobal`` command on a machine with no settings yet: help works, and a command that
needs the secret key says what to do instead of printing a traceback."""

import os
import subprocess
import sys


def _run(tmp_path, *args):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE"}}
    return subprocess.run(  # noqa: S603 - our own command, fixed arguments
        [sys.executable, "-m", "goglobal", *args],
        cwd=tmp_path,  # no .env here
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_help_of_a_command_needs_no_secret_key(tmp_path):
    done = _run(tmp_path, "kpis", "--help")

    assert done.returncode == 0, done.stderr
    assert "usage: goglobal kpis" in done.stdout
    assert "Traceback" not in done.stderr


def test_a_command_without_the_secret_key_says_what_to_set(tmp_path):
    done = _run(tmp_path, "check")

    assert done.returncode == 2
    assert "SECRET_KEY" in done.stderr
    assert ".env.example" in done.stderr
    assert "Traceback" not in done.stderr
