"""The ``ocop-docs`` command: one module per verb, registered here (architecture §4.2)."""

from __future__ import annotations

import importlib

import click

from ocop_docs import __version__
from ocop_docs.cli.common import OcopGroup, quick_exit

# Verb → "module:object". Modules load only when their verb runs, so `validate` does not pay
# for the rendering stack at start-up (help texts still list every verb).
COMMANDS: dict[str, str] = {
    "validate": "ocop_docs.cli.validate:validate",
    "sectors": "ocop_docs.cli.sectors:sectors",
    "new": "ocop_docs.cli.new:new",
    "rubric": "ocop_docs.cli.rubric:rubric",
    "render": "ocop_docs.cli.render:render",
    "templates": "ocop_docs.cli.templates:templates",
    "batch": "ocop_docs.cli.batch:batch",
    "serve": "ocop_docs.cli.serve:serve",
    "users": "ocop_docs.cli.users:users",
    "so-theo-doi": "ocop_docs.cli.registry:registry",
}


class LazyGroup(OcopGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if self._load(name) is not None]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self._load(cmd_name)

    @staticmethod
    def _load(name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, _, attr = target.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                return None  # a verb whose module is not part of this build
            raise
        command: click.Command = getattr(module, attr)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__,
    prog_name="ocop-docs",
    # Click words these when the module is imported, before the run's language is known.
    message="%(prog)s, phiên bản / version %(version)s",
    help="Hiện phiên bản / show the version and exit.",
)
def cli() -> None:
    """ocop-docs — kiểm tra hồ sơ và lập văn bản OCOP (Mỗi xã một sản phẩm).

    Theo Quyết định 26/2026/QĐ-TTg và Nghị định 30/2020/NĐ-CP. Thông báo bằng tiếng
    Việt; thêm --lang en để xem tiếng Anh.

    Dossier validation and official documents for Vietnam's OCOP programme.
    """


def main() -> None:
    try:
        cli(prog_name="ocop-docs")
    except SystemExit as exc:
        quick_exit(exc.code)  # returns unless the verb allowed it (validate)
        raise
