"""``ocop-docs serve``: start the dossier-check service (the page and the JSON API).

Parses the options only; :func:`ocop_docs.service.app.create_app` builds the service and
uvicorn runs it.
"""

from __future__ import annotations

from pathlib import Path

import click
import uvicorn

from ocop_docs.service.app import create_app
from ocop_docs.service.settings import Settings, parse_size


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
@click.option("--log-level", default="info", show_default=True, help="uvicorn log level.")
def serve(
    host: str,
    port: int,
    data_dir: Path | None,
    max_upload: int | None,
    retention_days: int | None,
    workers: int | None,
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
    """
    settings = Settings.from_env(
        data_dir=data_dir,
        max_upload=max_upload,
        retention_days=retention_days,
        workers=workers,
    )
    app = create_app(settings)
    uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False)
