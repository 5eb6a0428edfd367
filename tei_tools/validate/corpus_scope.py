"""Pointers across a corpus: a component may point at what its ``teiCorpus`` root defines.

ParlaMint and other Parla-CLARIN corpora keep their parties, speakers and
taxonomies in the corpus root (its ``teiHeader`` and the files it XIncludes),
and every component points there with a bare ``#party.DZ``.  So a
component's unresolved ``#id`` is looked up in the ids of its corpus root.

Which file is a document's corpus root depends on the document and the disk
only, never on the other files of the batch, so that a file gets the same
verdict alone and in any batch:

* the file named by ``--corpus-root`` (:attr:`Settings.corpus_root`), for
  every document of the run but itself; nothing else is looked at then;
* otherwise the ``teiCorpus`` file that XIncludes that very document
  (its ``xi:include/@href`` resolves to the document's path), looked for
  among the ``*.xml`` files of the document's folder, then of the folder
  above it (by name in each).  Those files are only sniffed (their first few
  KB) until one turns out to be a ``teiCorpus``; each such file is read once
  per run.  A ``teiCorpus`` that does not include the document, or that cannot
  be read, has no effect on it (an unreadable one is reported when it is
  itself validated).

A root's ids are its own and those of its *header fragments*, the files it
XIncludes that are not TEI or ``teiCorpus`` documents (a ``listPerson``, a
``taxonomy``).  The components it includes are not read for ids: a
component's ids are its own, and reading them all would mean reading the
whole corpus to validate one file.

A header fragment is checked as part of its root (which expands it), not
as a document of its own: a batch leaves it out.  Whether a file is a
fragment is decided the same way, from the file and its neighbours on disk:
it is one when it is not a TEI or ``teiCorpus`` document and its corpus root
(looked up as above) XIncludes it.  So a fragment named alone is left out
too, exactly as in a batch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
#: Enough of a file to see its root element's start tag after the prolog and comments.
SNIFF_BYTES = 8192
_CORPUS_START = re.compile(rb"<(?:[\w.-]+:)?teiCorpus[\s>/]")
_DOCUMENT_START = re.compile(rb"<(?:[\w.-]+:)?(?:TEI|teiCorpus)[\s>/]")
XI_NS = "http://www.w3.org/2001/XInclude"


@dataclass(frozen=True)
class Corpus:
    """A corpus root as read for its components: what it includes and the ids it defines."""

    root: Path
    ids: frozenset[str]
    #: Files the root XIncludes that are fragments (a ``listPerson``, a ``taxonomy``), not documents.
    fragments: frozenset[Path] = frozenset()
    #: Every local file the root XIncludes (resolved): its components and its fragments.
    includes: frozenset[Path] = frozenset()


class CorpusScope:
    """Which corpus root a document belongs to, read from disk once per run.

    ``root`` names the corpus root of every document (``--corpus-root``);
    without it each document's root is looked up beside it.  ``base_dir`` and
    ``allow_local_dtd`` read a root as the root is read when validated.
    """

    def __init__(
        self,
        root: Path | None = None,
        *,
        base_dir: Path | None = None,
        allow_local_dtd: bool = False,
    ) -> None:
        self.named_root = root.resolve() if root is not None else None
        self.base_dir = base_dir
        self.allow_local_dtd = allow_local_dtd
        self._corpora: dict[Path, Corpus | None] = {}
        self._roots_in: dict[Path, tuple[Path, ...]] = {}

    def check_named_root(self) -> None:
        """Raise :class:`~tei_tools.errors.UsageError` when the named root cannot serve.

        >>> CorpusScope().check_named_root()  # no root named: nothing to check
        """
        from tei_tools.errors import UsageError

        if self.named_root is None:
            return
        if not self.named_root.is_file():
            raise UsageError(f"no such corpus root file: {self.named_root}")
        if self._corpus(self.named_root) is None:
            raise UsageError(
                f"the corpus root {self.named_root} is not a well-formed teiCorpus document"
            )

    def corpus_of(self, document: Path) -> Corpus | None:
        """The corpus ``document`` belongs to: the named root, or the root that includes it."""
        resolved = document.resolve()
        if self.named_root is not None:
            corpus = self._corpus(self.named_root)
            return corpus if corpus is not None and corpus.root != resolved else None
        for candidate in self._roots_near(resolved):
            corpus = self._corpus(candidate)
            if corpus is not None and resolved in corpus.includes:
                return corpus
        return None

    def is_fragment(self, path: Path) -> bool:
        """Whether ``path`` is part of its corpus root's header, checked as part of that root."""
        if _is_document(path) or not path.is_file():
            return False
        resolved = path.resolve()
        if self.named_root is not None:
            candidates = [self.named_root]
        else:
            candidates = self._roots_near(resolved)
        for candidate in candidates:
            corpus = self._corpus(candidate)
            if corpus is not None and resolved in corpus.fragments:
                return True
        return False

    def _roots_near(self, resolved: Path) -> list[Path]:
        """The ``teiCorpus`` files in the document's folder, then in the folder above."""
        folder = resolved.parent
        places = [folder] if folder.parent == folder else [folder, folder.parent]
        return [p for place in places for p in self._roots_in_folder(place) if p != resolved]

    def _roots_in_folder(self, folder: Path) -> tuple[Path, ...]:
        if folder not in self._roots_in:
            try:
                names = sorted(folder.glob("*.xml"))
            except OSError:
                names = []  # an unreadable folder holds no root we could read
            self._roots_in[folder] = tuple(p.resolve() for p in names if is_corpus_root(p))
        return self._roots_in[folder]

    def _corpus(self, path: Path) -> Corpus | None:
        if path not in self._corpora:
            self._corpora[path] = read_corpus(
                path, base_dir=self.base_dir, allow_local_dtd=self.allow_local_dtd
            )
        return self._corpora[path]


def is_corpus_root(path: Path) -> bool:
    """Whether the file's root element is a ``teiCorpus`` (judged from its first bytes)."""
    return bool(_CORPUS_START.search(_head(path)))


def _is_document(path: Path) -> bool:
    """Whether a file's root element is ``TEI`` or ``teiCorpus`` (judged from its first bytes)."""
    return bool(_DOCUMENT_START.search(_head(path)))


def _head(path: Path) -> bytes:
    if not path.is_file():
        return b""  # a pipe or device is never opened: reading it may not end
    try:
        with path.open("rb") as handle:
            return handle.read(SNIFF_BYTES)
    except OSError:
        return b""  # reported when the file itself is validated


def read_corpus(
    path: Path, *, base_dir: Path | None = None, allow_local_dtd: bool = False
) -> Corpus | None:
    """The corpus whose root is ``path``, or None when it is not a readable ``teiCorpus``."""
    from tei_tools.errors import TeiToolsError
    from tei_tools.validate.xinclude import expand_xincludes
    from tei_tools.xml import parse_xml_file

    path = path.resolve()
    try:
        tree = parse_xml_file(path, allow_local_dtd=allow_local_dtd, base_dir=base_dir)
    except TeiToolsError:
        return None  # reported when the root itself is validated
    if etree.QName(tree.getroot()).localname != "teiCorpus":
        return None
    includes: set[Path] = set()
    fragments: set[Path] = set()
    for node in list(tree.getroot().iter(f"{{{XI_NS}}}include")):
        target = _local_target(path, node.get("href", ""))
        if target is None:
            continue
        includes.add(target)
        if _is_document(target):
            # A component: its ids are its own (and reading them all means reading the corpus).
            node.getparent().remove(node)
        elif target.is_file():
            fragments.add(target)
    # Failures of the fragments' includes are reported when the root is validated.
    expand_xincludes(tree, path, str(path), base_dir=base_dir, allow_local_dtd=allow_local_dtd)
    ids = frozenset(v for node in tree.getroot().iter(etree.Element) if (v := node.get(XML_ID)))
    return Corpus(path, ids, frozenset(fragments), frozenset(includes))


def _local_target(root: Path, href: str) -> Path | None:
    """The file an ``xi:include/@href`` of ``root`` names, resolved as the XInclude step does."""
    parsed = urlparse(href)
    if not href or parsed.scheme not in ("", "file") or parsed.netloc:
        return None
    return (root.parent / unquote(parsed.path)).resolve()
