"""The deploy files as the tests use them: the units' command lines, with this machine's paths.

The units name the production paths (``/opt/goglobal/venv`` and so on); the tests put this
checkout's virtual environment in their place, so they start exactly the commands the units do.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
UNITS = DEPLOY / "systemd"
NGINX_SITE = DEPLOY / "nginx" / "goglobal.conf"
ENV_TEMPLATE = DEPLOY / "goglobal.env.example"
PRODUCTION_VENV = "/opt/goglobal/venv"


def local_text(text: str) -> str:
    """A unit's text with the production virtual environment replaced by this one."""
    return text.replace(PRODUCTION_VENV, sys.prefix)


def exec_start(unit: str, instance: str = "") -> list[str]:
    """The ``ExecStart`` command of ``unit`` (``%i`` filled with ``instance``), as argv."""
    for line in local_text((UNITS / unit).read_text(encoding="utf-8")).splitlines():
        if line.startswith("ExecStart="):
            return shlex.split(line.removeprefix("ExecStart=").replace("%i", instance))
    raise LookupError(f"{unit} has no ExecStart")


def environment_template() -> dict[str, str]:
    values = {}
    for line in ENV_TEMPLATE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _sep, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values
