"""Documents that name a local external DTD: never read, reported as Jing would fail.

Jing loads a DOCTYPE's external subset and stops with "file not found" when it
is missing.  tei-tools never reads DTDs (they can expand entities and fetch
files), so it only checks whether the file is there: a missing DTD is an
error, as with Jing; a present one gets a warning that it was not read.
Network DTDs are refused earlier, by the safe parser.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from tei_tools.validate.problems import ERROR, WARNING, Problem


def check_external_dtd(
    tree: etree._ElementTree, document: Path | None, file: str
) -> Iterator[Problem]:
    system_url = tree.docinfo.system_url
    if not system_url:
        return
    base = document.parent if document is not None else Path.cwd()
    if (base / system_url).is_file():
        yield Problem(
            file,
            1,
            None,
            WARNING,
            f'external DTD "{system_url}" was not read (tei-tools never loads DTDs); '
            "attribute defaults it declares are not applied",
            rule="dtd",
        )
    else:
        yield Problem(
            file,
            1,
            None,
            ERROR,
            f'the DOCTYPE names the external DTD "{system_url}", which does not exist',
            rule="dtd",
        )
