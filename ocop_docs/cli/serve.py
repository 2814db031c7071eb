"""``ocop-docs serve``: start the service (the cooperatives' page, the officials' pages,
the JSON API) and its job worker.

Parses the options only; :func:`ocop_docs.service.app.create_app` builds the web app and
uvicorn runs it; :func:`ocop_docs.service.worker.serve_worker` runs jobs. ``--role all``
(the default) runs the web app and starts one worker process beside it, stopped with it;
``--role web`` and ``--role worker`` run one side each, for deployments with several
machines (docs/deployment.md).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import uvicorn

from ocop_docs.service.app import create_app
from ocop_docs.service.settings import ROLES, Settings, parse_size, to_env
from ocop_docs.service.worker import serve_worker


def _size(_ctx: click.Context, _param: click.Parameter, value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return parse_size(value)
    except (ValueError, KeyError):
        raise click.BadParameter(f"«{value}» không phải kích thước (ví dụ 200MB)") from None


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Địa chỉ lắng nghe / address.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Thư mục dữ liệu (mặc định ./ocop-data hoặc OCOP_DATA_DIR) / data folder.",
)
@click.option(
    "--max-upload",
    default=None,
    callback=_size,
    help="Dung lượng tối đa một lần gửi (OCOP_MAX_UPLOAD, mặc định 200MB) / upload limit.",
)
@click.option(
    "--retention-days",
    type=click.IntRange(min=0),
    default=None,
    help="Số ngày lưu hồ sơ ẩn danh (OCOP_RETENTION_DAYS, mặc định 7) / retention.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Số luồng kiểm tra và lập văn bản (OCOP_WORKERS, mặc định 4) / worker threads.",
)
@click.option(
    "--role",
    type=click.Choice(ROLES),
    default=None,
    help="web: trang và API; worker: chạy lượt lập văn bản; all (mặc định): cả hai "
    "(OCOP_ROLE) / what this process runs.",
)
@click.option("--log-level", default="info", show_default=True, help="uvicorn log level.")
def serve(
    host: str,
    port: int,
    data_dir: Path | None,
    max_upload: int | None,
    retention_days: int | None,
    workers: int | None,
    role: str | None,
    log_level: str,
) -> None:
    """Chạy dịch vụ kiểm tra hồ sơ: trang cho hợp tác xã và API JSON.

    Start the dossier-check service: the page for cooperatives and the JSON API
    (OpenAPI at /openapi.json, docs at /api/docs, health at /healthz and /readyz).

    \b
    Ví dụ / examples:
      ocop-docs serve
      ocop-docs serve --port 8080 --data-dir /var/lib/ocop
      OCOP_RETENTION_DAYS=3 ocop-docs serve
      ocop-docs serve --role web --host 0.0.0.0      # N replicas behind a load balancer
      ocop-docs serve --role worker                  # M workers, one queue

    The first account: ocop-docs users add admin --role quan_tri.
    """
    settings = Settings.from_env(
        data_dir=data_dir,
        max_upload=max_upload,
        retention_days=retention_days,
        workers=workers,
        role=role,
    )
    if settings.role == "worker":
        serve_worker(settings)
        return
    app = create_app(settings)  # migrates the database before any worker starts
    worker = _start_worker(settings) if settings.role == "all" else None
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False)
    finally:
        if worker is not None:
            worker.terminate()  # SIGTERM: a running job stores its state and is queued again
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()


def _start_worker(settings: Settings) -> subprocess.Popen[bytes]:
    """The one worker process of the embedded default, with the web app's settings."""
    env = {**os.environ, **to_env(settings), "OCOP_ROLE": "worker"}
    env["OCOP_DATA_DIR"] = str(settings.data_dir.resolve())
    env["OCOP_PARENT_PID"] = str(os.getpid())  # the worker stops when this process is gone
    return subprocess.Popen([sys.executable, "-m", "ocop_docs.service.worker"], env=env)
