"""Pointers across a corpus: a component may point at what its ``teiCorpus`` root defines.

ParlaMint and other Parla-CLARIN corpora keep their parties, speakers and
taxonomies in the corpus root (its ``teiHeader`` and the files it XIncludes),
and every component points there with a bare ``#party.DZ``.  So:

* validated together (a folder holding the root, or the root file, whose
  XIncludes bring in the components), a component's ``#id`` resolves against
  the ids of its corpus root, expanded;
* a component validated alone, next to a corpus root it was not validated
  with, cannot know: an unresolved ``#id`` is then a warning that says where
  it may be defined, not an error.

A document belongs to the corpus whose root lies in its folder or above it
(the nearest such root).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
#: Enough of a file to see its root element's start tag after the prolog and comments.
SNIFF_BYTES = 8192
_CORPUS_START = re.compile(rb"<(?:[\w.-]+:)?teiCorpus[\s>/]")
_DOCUMENT_START = re.compile(rb"<(?:[\w.-]+:)?(?:TEI|teiCorpus)[\s>/]")
XI_NS = "http://www.w3.org/2001/XInclude"


@dataclass(frozen=True)
class Corpus:
    """A corpus root validated in this run, and every ``xml:id`` it defines once expanded."""

    root: Path
    ids: frozenset[str]
    #: Files the root XIncludes that are fragments (a ``listPerson``, a ``taxonomy``), not documents.
    fragments: frozenset[Path] = frozenset()

    @property
    def folder(self) -> Path:
        return self.root.parent


class CorpusScope:
    """The corpus roots of one run, and what a document's unresolved ``#id`` means."""

    def __init__(self, corpora: list[Corpus] | None = None) -> None:
        self.corpora = corpora or []
        self._nearby: dict[Path, Path | None] = {}

    @classmethod
    def from_files(cls, paths: list[Path]) -> CorpusScope:
        """Read the corpus roots among ``paths`` (XIncludes expanded) for their ids.

        Files that are not corpus roots are only sniffed (their first few KB);
        an unreadable root is left out here and reported when it is validated.
        """
        corpora = [c for c in (_read_corpus(p) for p in paths if is_corpus_root(p)) if c]
        return cls(corpora)

    def is_fragment(self, path: Path) -> bool:
        """Whether ``path`` is part of a corpus root's header, checked as part of that root."""
        resolved = path.resolve()
        return any(resolved in c.fragments for c in self.corpora)

    def corpus_of(self, document: Path) -> Corpus | None:
        """The corpus validated in this run that ``document`` belongs to, if any."""
        resolved = document.resolve()
        holding = [
            c for c in self.corpora if c.root != resolved and resolved.is_relative_to(c.folder)
        ]
        return max(holding, key=lambda c: len(c.folder.parts), default=None)

    def nearby_root(self, document: Path) -> Path | None:
        """A corpus root next to ``document`` or one folder up, that this run did not read."""
        folder = document.resolve().parent
        if folder not in self._nearby:
            found = None
            for place in (folder, folder.parent):
                roots = sorted(p for p in place.glob("*.xml") if is_corpus_root(p))
                if roots:
                    found = roots[0]
                    break
            self._nearby[folder] = found
        found = self._nearby[folder]
        return found if found != document.resolve() else None


def is_corpus_root(path: Path) -> bool:
    """Whether the file's root element is a ``teiCorpus`` (judged from its first bytes)."""
    if not path.is_file():
        return False  # a pipe or device is never opened: reading it may not end
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return False
    return bool(_CORPUS_START.search(head))


def _read_corpus(path: Path) -> Corpus | None:
    from tei_tools.errors import TeiToolsError
    from tei_tools.validate.xinclude import expand_xincludes
    from tei_tools.xml import parse_xml_file

    try:
        tree = parse_xml_file(path)
    except TeiToolsError:
        return None
    if etree.QName(tree.getroot()).localname != "teiCorpus":
        return None
    included = [
        (path.parent / href).resolve()
        for node in tree.getroot().iter(f"{{{XI_NS}}}include")
        if (href := node.get("href")) and "://" not in href
    ]
    expand_xincludes(tree, path, str(path))  # its failures are reported when it is validated
    ids = frozenset(v for node in tree.getroot().iter(etree.Element) if (v := node.get(XML_ID)))
    fragments = frozenset(p for p in included if p.is_file() and not _is_document(p))
    return Corpus(path.resolve(), ids, fragments)


def _is_document(path: Path) -> bool:
    """Whether a file's root element is ``TEI`` or ``teiCorpus`` (judged from its first bytes)."""
    if not path.is_file():
        return False  # a pipe or device is never opened: reading it may not end
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return False
    return bool(_DOCUMENT_START.search(head))
