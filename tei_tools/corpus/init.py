"""``init``: a new collection folder, ready for an editor's transcriptions.

The folder gets ``source/`` (plain text goes here), ``tei/`` (TEI taken as it
is), and a commented ``tei-tools.toml`` that names every setting.  Nothing that
exists is overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from tei_tools.calendars import convention_names
from tei_tools.corpus.collection import SETTINGS_FILE
from tei_tools.errors import UsageError
from tei_tools.xml import atomic_output


@dataclass(frozen=True)
class NewCollection:
    """What ``init`` made: the folder and the paths it created."""

    folder: Path
    created: tuple[Path, ...]


def init_collection(
    folder: str | Path, *, title: str = "", calendar: str = "gregorian"
) -> NewCollection:
    """Create a collection folder with ``source/``, ``tei/`` and a commented settings file.

    Refuses (:class:`UsageError`) when the folder already holds a settings file.
    """
    root = Path(folder)
    settings = root / SETTINGS_FILE
    if settings.exists():
        raise UsageError(f"{settings} exists already; edit it, or init another folder")
    if calendar not in convention_names():
        raise UsageError(
            f"unknown calendar {calendar!r}; use one of {', '.join(convention_names())}"
        )
    if root.exists() and not root.is_dir():
        raise UsageError(f"{root} exists and is not a folder")
    created = []
    for sub in (root, root / "source", root / "tei"):
        if not sub.exists():
            sub.mkdir(parents=True)
            created.append(sub)
    template = (resources.files("tei_tools.corpus") / "tei-tools.template.toml").read_text(
        encoding="utf-8"
    )
    text = template.replace("{title}", _toml_string(title or root.resolve().name))
    text = text.replace("{convention}", calendar)
    with atomic_output(settings) as handle:
        handle.write(text.encode("utf-8"))
    created.append(settings)
    return NewCollection(root, tuple(created))


def _toml_string(value: str) -> str:
    """A value for inside a basic TOML string: backslashes and quotes escaped."""
    return value.replace("\\", "\\\\").replace('"', '\\"')
