"""gunicorn's settings for a web process: ``gunicorn --config python:goglobal.config.gunicorn``.

The systemd unit ``deploy/systemd/goglobal-web@.service`` passes ``--bind 127.0.0.1:PORT``; the
rest comes from here and the environment (docs/configuration.md). Requests are logged as JSON
by the platform's own middleware, so gunicorn's access log is off.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

bind = os.environ.get("GOGLOBAL_WEB_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GOGLOBAL_WEB_WORKERS", "3"))
worker_class = "sync"
# nginx waits a little longer than this (proxy_read_timeout 35s in deploy/nginx).
timeout = int(os.environ.get("GOGLOBAL_WEB_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so that slow growth of a worker's memory cannot add up.
max_requests = 5000
max_requests_jitter = 500
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GOGLOBAL_LOG_LEVEL", "info").lower()
forwarded_allow_ips = "127.0.0.1,::1"
# systemd starts, reloads and stops the processes; gunicorn's own control socket (one path per
# user by default) would be shared by every web process of a host.
control_socket_disable = True


def _metrics_dir() -> Path | None:
    value = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    return Path(value) if value else None


def on_starting(server: Any) -> None:
    """Start with an empty metrics folder: figures of an earlier run must not be added in."""
    folder = _metrics_dir()
    if folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    for path in folder.iterdir():  # the folder itself may belong to systemd (RuntimeDirectory)
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()


def post_worker_init(worker: Any) -> None:
    """Read the matcher's index while the worker starts serving (a saved index takes seconds;
    without one it is built, which the first suggestion request would otherwise wait for).
    Workers are recycled every few thousand requests, so this happens often."""
    if os.environ.get("GOGLOBAL_MATCH_INDEX_WARM", "true").lower() in {"0", "false", "no"}:
        return
    import threading

    def warm() -> None:
        from django.db import connections

        from goglobal.matching import index_cache

        try:
            index_cache.provider_index()
        except Exception:  # a failed warm-up leaves the first request to build it
            worker.log.exception("matcher index warm-up failed")
        finally:
            connections.close_all()

    threading.Thread(target=warm, name="matcher-index-warm-up", daemon=True).start()


def child_exit(server: Any, worker: Any) -> None:
    """A worker that exited no longer counts in the live gauges."""
    if _metrics_dir() is None:
        return
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
