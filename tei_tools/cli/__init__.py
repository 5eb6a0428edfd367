"""The ``tei-tools`` command line: a thin click layer over the library.

Each sub-command lives in its own module and is imported only when it runs,
so ``tei-tools --help`` does not pay for lxml, xmlschema or WeasyPrint.
Errors from the library (:class:`tei_tools.errors.TeiToolsError`) become one
line ``tei-tools: error: FILE:LINE: message`` and an exit status here, in
one place.
"""

from __future__ import annotations

import importlib
import sys

import click

from tei_tools.version import __version__

# command name -> "module:function"; kept as strings so nothing is imported for --help.
COMMANDS = {
    "init": ("tei_tools.cli.init:init", "Start a new collection folder with its settings."),
    "convert": ("tei_tools.cli.convert:convert", "Convert plain-text documents into TEI P5."),
    "validate": ("tei_tools.cli.validate:validate", "Validate TEI documents against a schema."),
    "export": ("tei_tools.cli.export:export", "Export TEI to HTML, plain text or PDF."),
    "build": ("tei_tools.cli.build:build", "Build a validated, indexed edition site."),
    "review": ("tei_tools.cli.review:review", "Review the automatic markup in the browser."),
    "lsp": ("tei_tools.cli.lsp:lsp", "Run the TEI language server for editors (stdio)."),
    "serve": ("tei_tools.cli.serve:serve", "Preview a built site over HTTP on 127.0.0.1."),
    "registers": (
        "tei_tools.cli.registers:registers",
        "Check the registers: counts and every broken rule.",
    ),
}


class LazyGroup(click.Group):
    """A click group whose sub-commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module_name, attr = entry[0].split(":")
        import_lxml_without_rnc2rng()
        return getattr(importlib.import_module(module_name), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Short help from the table above, so that --help imports no command module.
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def import_lxml_without_rnc2rng() -> None:
    """Import lxml without letting it import rnc2rng, when that is installed.

    lxml imports rnc2rng at its own import, only for ``RelaxNG.from_rnc_string``,
    which tei-tools never calls (:mod:`tei_tools.validate.rnc` calls rnc2rng
    itself, and imports it then); rnc2rng builds its parser tables when
    imported, a good part of a one-file ``validate``'s start-up.
    """
    if "lxml.etree" in sys.modules or "rnc2rng" in sys.modules:
        return
    sys.modules["rnc2rng"] = None  # type: ignore[assignment]  # lxml's import fails, quietly
    try:
        import lxml.etree  # noqa: F401
    finally:
        del sys.modules["rnc2rng"]


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tei-tools")
def cli() -> None:
    """Scholarly TEI P5 from plain text: convert, validate, export, build.

    Every command works offline and needs nothing but pip.
    """


def report_error(error: BaseException) -> None:
    """Print one line for a user error, in the form editors can jump to."""
    click.echo(f"tei-tools: error: {error}", err=True)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``tei-tools`` console script."""
    from tei_tools.errors import TeiToolsError

    try:
        status = cli.main(args=argv, prog_name="tei-tools", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("tei-tools: aborted", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except TeiToolsError as exc:
        report_error(exc)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("tei-tools: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
    # With standalone_mode=False click returns the command's value: our commands
    # return an exit status (1 when some file of a batch failed).
    sys.exit(status if isinstance(status, int) else 0)
