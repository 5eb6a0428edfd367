"""Documents that name a local external DTD: not read unless asked, reported as Jing would fail.

Jing loads a DOCTYPE's external subset and stops with "file not found" when it
is missing.  By default tei-tools never reads DTDs (they can expand entities
and read files), so it only checks whether the file is there: a missing DTD
is an error, as with Jing; a present one gets a warning that it was not read
and how to have it read (``--allow-local-dtd``, which loads it in the parser,
see :mod:`tei_tools.local_dtd`).  A DTD outside the base folder counts as
missing, so the messages never tell which files exist elsewhere.  Network
DTDs are refused earlier, by the safe parser.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from tei_tools.local_dtd import OPTION
from tei_tools.validate.problems import ERROR, WARNING, Problem


def check_external_dtd(
    tree: etree._ElementTree, document: Path | None, file: str, *, base_dir: Path | None = None
) -> Iterator[Problem]:
    """A warning for a DTD that is there but not read, an error for one that is not there."""
    system_url = tree.docinfo.system_url
    if not system_url:
        return
    folder = document.parent if document is not None else Path.cwd()
    root = (Path(base_dir) if base_dir is not None else folder).resolve()
    target = (folder / unquote(urlparse(system_url).path)).resolve()
    if target.is_relative_to(root) and target.is_file():
        yield Problem(
            file,
            1,
            None,
            WARNING,
            f'external DTD "{system_url}" was not read; attribute defaults and entities it '
            f"declares are not applied ({OPTION} reads it)",
            rule="dtd",
        )
    else:
        yield Problem(
            file,
            1,
            None,
            ERROR,
            f'the DOCTYPE names the external DTD "{system_url}", which was not found in {root}',
            rule="dtd",
            code="dtd-missing",
        )
