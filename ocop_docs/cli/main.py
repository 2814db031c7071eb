"""The ``ocop-docs`` command: one module per verb, registered here (architecture §4.2)."""

from __future__ import annotations

import click

from ocop_docs import __version__
from ocop_docs.cli.common import OcopGroup
from ocop_docs.cli.new import new
from ocop_docs.cli.sectors import sectors
from ocop_docs.cli.validate import validate


@click.group(cls=OcopGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ocop-docs")
def cli() -> None:
    """ocop-docs — kiểm tra hồ sơ và lập văn bản OCOP (Mỗi xã một sản phẩm).

    Theo Quyết định 26/2026/QĐ-TTg và Nghị định 30/2020/NĐ-CP. Thông báo bằng tiếng
    Việt; thêm --lang en để xem tiếng Anh.

    Dossier validation and official documents for Vietnam's OCOP programme.
    """


cli.add_command(validate)
cli.add_command(sectors)
cli.add_command(new)

for _module, _name in (("rubric", "rubric"), ("render", "render"), ("templates", "templates")):
    try:  # TODO(lead): import directly once the helpers' modules have landed
        _mod = __import__(f"ocop_docs.cli.{_module}", fromlist=[_name])
        cli.add_command(getattr(_mod, _name))
    except ImportError:
        pass


def main() -> None:
    cli(prog_name="ocop-docs")
