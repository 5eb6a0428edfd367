"""Pieces shared by the CLI commands: output targets and batch summaries."""

from __future__ import annotations

import sys
from pathlib import Path

import click


def write_output(target: str, data: bytes | str) -> None:
    """Write to a file atomically, or to stdout when ``target`` is ``-``."""
    from tei_tools.xml import write_atomic

    if target == "-":
        payload = data.encode("utf-8") if isinstance(data, str) else data
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
    else:
        write_atomic(target, data)


def print_batch_summary(done: int, failed: list[tuple[str, str]], verb: str) -> int:
    """Say how a batch went; return the exit status (1 if any file failed)."""
    if failed:
        click.echo(
            f"tei-tools: {verb} {done} file(s); {len(failed)} failed: "
            + ", ".join(name for name, _ in failed),
            err=True,
        )
        return 1
    click.echo(f"tei-tools: {verb} {done} file(s)", err=True)
    return 0


def outputs_for(inputs: list[Path], out_dir: Path, suffix: str) -> list[tuple[Path, Path]]:
    """Pair each input with its output in ``out_dir`` (same stem, new suffix)."""
    return [(path, out_dir / (path.stem + suffix)) for path in inputs]
