"""deploy/ holds nothing untested: systemd-analyze verifies the units, nginx -t the site."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.deploy.units import (
    ENV_TEMPLATE,
    NGINX_SITE,
    UNITS,
    environment_template,
    exec_start,
    local_text,
)

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _tool(name: str) -> str:
    path = shutil.which(name) or next(
        (str(p) for p in (Path("/usr/sbin") / name, Path("/usr/bin") / name) if p.exists()), None
    )
    if path is None:
        message = f"{name} is not installed (Debian packages in scripts/system-packages.sh)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def test_the_systemd_units_pass_systemd_analyze_verify(tmp_path):
    analyze = _tool("systemd-analyze")
    names = []
    for unit in sorted(UNITS.iterdir()):
        text = local_text(unit.read_text(encoding="utf-8"))
        # A template is verified as one of its instances.
        name = unit.name.replace("@.", "@8001." if unit.name.startswith("goglobal-web") else "@1.")
        (tmp_path / name).write_text(text, encoding="utf-8")
        names.append(name)

    result = subprocess.run(  # noqa: S603 - a fixed tool on our own files
        [analyze, "verify", "--man=no", *names],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )

    # Unknown keys are only warnings to systemd-analyze: any message at all fails the test.
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr


def test_the_nginx_site_passes_nginx_t(tmp_path):
    nginx = _tool("nginx")
    openssl = _tool("openssl")
    subprocess.run(  # noqa: S603 - a throwaway certificate for the site's TLS server
        [
            *(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=goglobal.example.hk", "-keyout", str(tmp_path / "privkey.pem")),
            *("-out", str(tmp_path / "fullchain.pem")),
        ],
        capture_output=True,
        check=True,
    )
    site = NGINX_SITE.read_text(encoding="utf-8").replace(
        "/etc/letsencrypt/live/goglobal.example.hk/", f"{tmp_path}/"
    )
    (tmp_path / "site.conf").write_text(site, encoding="utf-8")
    (tmp_path / "logs").mkdir()
    temp_paths = "\n".join(
        f"    {kind}_temp_path {tmp_path}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/logs/error.log;\nevents {{}}\n"
        f"http {{\n    include /etc/nginx/mime.types;\n    access_log off;\n{temp_paths}\n"
        f"    include {tmp_path}/site.conf;\n}}\n",
        encoding="utf-8",
    )

    result = subprocess.run(  # noqa: S603
        [
            *(nginx, "-t", "-p", str(tmp_path), "-e", str(tmp_path / "logs/error.log")),
            *("-c", str(tmp_path / "nginx.conf")),
        ],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr
    assert "[warn]" not in result.stderr, result.stderr


def test_the_site_keeps_metrics_and_uploads_private_and_allows_large_imports():
    site = NGINX_SITE.read_text(encoding="utf-8")

    assert re.search(r"location = /metrics \{\s*return 404;", site)
    assert re.search(r"location /media/ \{\s*return 404;", site)
    assert "client_max_body_size 50m;" in site


def test_the_units_start_the_projects_own_commands():
    assert exec_start("goglobal-web@.service", "8001")[1:] == [
        "--config",
        "python:goglobal.config.gunicorn",
        "--bind",
        "127.0.0.1:8001",
        "goglobal.config.wsgi",
    ]
    assert exec_start("goglobal-worker@.service")[1:] == [
        "rqworker",
        "--job-class",
        "django_tasks_rq.Job",
        "default",
    ]
    assert exec_start("goglobal-digest.service")[1:] == ["cases_digest"]
    assert exec_start("goglobal-confirmations.service")[1:] == ["cases_confirmations"]
    assert exec_start("goglobal-imports-resume.service")[1:] == ["imports_resume"]
    assert exec_start("goglobal-privacy-retention.service")[1:] == ["privacy", "retention"]
    for command in ("goglobal-web@.service", "goglobal-worker@.service"):
        assert Path(exec_start(command, "8001")[0]).exists()


def test_every_variable_of_the_environment_template_is_documented():
    documented = (DOCS / "configuration.md").read_text(encoding="utf-8")

    missing = [key for key in environment_template() if f"`{key}`" not in documented]

    assert missing == []


def test_the_settings_pass_djangos_deploy_checks_with_the_environment_template(tmp_path):
    # The browser tests' fixture sets DJANGO_ALLOW_ASYNC_UNSAFE in this process; a deployment
    # never has it, and Django's deploy check rightly refuses it.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        **environment_template(),
        "SECRET_KEY": secrets.token_urlsafe(48),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "GOGLOBAL_DATA_DIR": str(tmp_path),
        "GOGLOBAL_MEDIA_ROOT": str(tmp_path / "media"),
        "GOGLOBAL_STATIC_ROOT": str(tmp_path / "static"),
        "DJANGO_SETTINGS_MODULE": "goglobal.config.settings.base",
    }

    result = subprocess.run(
        [sys.executable, "-m", "goglobal", "check", "--deploy"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )

    # Preloading HSTS and covering subdomains are the domain owner's decisions, not ours.
    found = set(re.findall(r"\((\w+\.\w+)\)", result.stdout + result.stderr))
    assert found <= {"security.W005", "security.W021"}, result.stdout + result.stderr
    assert ENV_TEMPLATE.name == "goglobal.env.example"
