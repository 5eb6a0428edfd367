"""Paragraphs set aside while a large document is built, so that its tree stays small.

A converted document's lxml tree costs about 8.6 times the input's size
(libxml2 spends some 130 bytes on every element, attribute and stretch of
text), so no conversion that holds the whole tree can peak near 10 times its
input (issue 26).  The header comes first in the file but is made from the
text (its title, its ``correspDesc``), so the text cannot simply be written as
it is built.  Instead each finished paragraph is serialised into a temporary
file as soon as the builder has made it and an empty placeholder ``<p>`` stands
in its place; :meth:`ParagraphSpool.write` serialises the small tree that is
left and copies each paragraph back where its placeholder is.  The bytes are
those of the whole tree's serialisation (``tests/test_convert_spool.py``).

Why not lxml's incremental writer (``etree.xmlfile``): it writes a subtree as
libxml2 writes a document's root, indented from column 0 and with the
namespace declared again on it, while in the document a paragraph stands four
or more levels deep below the one declaration on ``TEI``.  lxml offers no way
to start libxml2's writer at a depth, so a paragraph is written inside a chain
of empty ancestors as deep as its place (in the TEI namespace, declared on the
chain's root as on ``TEI``), and the chain's own tags, the same bytes for every
paragraph of that depth, are cut off.
"""

from __future__ import annotations

import tempfile
from typing import BinaryIO

from lxml import etree

from tei_tools.tei.inline import tei
from tei_tools.tei.title_case import ProperWords
from tei_tools.xml import TEI_NS, serialize

#: The placeholder's attribute (no namespace: no TEI element has it); its value numbers it.
PLACEHOLDER = "tei-tools-spooled"
_PLACEHOLDER_START = f'<p {PLACEHOLDER}="'.encode()
_PLACEHOLDER_END = b'"/>'
#: Paragraphs up to this size in all stay in memory; beyond it the temporary file is on disk.
_IN_MEMORY = 8 << 20


class ParagraphSpool:
    """Finished paragraphs, serialised where they will stand; a placeholder in the tree for each.

    ``evidence``, when given, reads each paragraph's text before it is set
    aside: the header's title needs the words of every paragraph
    (:func:`~tei_tools.tei.title_case.normalise_title`).

    >>> from tei_tools.tei.inline import tei
    >>> spool = ParagraphSpool()
    >>> root = tei("TEI"); text = tei("text"); root.append(text)
    >>> div = etree.SubElement(etree.SubElement(text, tei("body").tag), tei("div").tag)
    >>> div.append(spool.set_aside(tei("p", text="A paragraph."), div))
    >>> import io; out = io.BytesIO(); spool.write(etree.ElementTree(root), out)
    >>> b"<p>A paragraph.</p>" in out.getvalue(), PLACEHOLDER.encode() in out.getvalue()
    (True, False)
    """

    def __init__(self, evidence: ProperWords | None = None) -> None:
        self.evidence = evidence
        self._file = tempfile.SpooledTemporaryFile(max_size=_IN_MEMORY)  # noqa: SIM115 (close())
        #: Where each paragraph's bytes start in the file, and where the last one ends.
        self._starts: list[int] = []
        self._end = 0
        #: Per depth: the chain's root, its deepest element, and the bytes before and after.
        self._chains: dict[int, tuple[etree._Element, etree._Element, bytes, bytes]] = {}

    def __len__(self) -> int:
        return len(self._starts)

    def set_aside(self, paragraph: etree._Element, parent: etree._Element) -> etree._Element:
        """Serialise ``paragraph`` (not yet in the tree) as a child of ``parent``; its placeholder.

        ``parent`` is in the ``text`` element, which the document's ``TEI`` will hold.
        """
        if self.evidence is not None:
            self.evidence.add(" ".join("".join(paragraph.itertext()).split()))
        depth = 2 + sum(1 for _ in parent.iterancestors())  # TEI, then parent's ancestors
        root, leaf, before, after = self._chain(depth)
        leaf.append(paragraph)
        written = etree.tostring(root, encoding="UTF-8", pretty_print=True)
        leaf.remove(paragraph)
        self._starts.append(self._end)
        self._end += self._file.write(written[len(before) : len(written) - len(after)])
        return tei("p", {PLACEHOLDER: str(len(self._starts) - 1)})

    def _chain(self, depth: int) -> tuple[etree._Element, etree._Element, bytes, bytes]:
        """Empty elements ``depth`` deep below a root that declares TEI's namespace as ``TEI`` does."""
        if depth not in self._chains:
            root = leaf = tei("TEI")
            for _ in range(depth - 1):
                leaf = etree.SubElement(leaf, f"{{{TEI_NS}}}x")
            marker = etree.SubElement(leaf, f"{{{TEI_NS}}}m")
            whole = etree.tostring(root, encoding="UTF-8", pretty_print=True)
            leaf.remove(marker)
            at = whole.index(b"<m/>")
            self._chains[depth] = (root, leaf, whole[:at], whole[at + len(b"<m/>") :])
        return self._chains[depth]

    def write(self, tree: etree._ElementTree, target: BinaryIO) -> None:
        """The document as :func:`~tei_tools.xml.serialize` writes it, its paragraphs put back."""
        skeleton = serialize(tree)
        # The placeholder's start tag cannot occur in text or in an attribute's value, where
        # libxml2 writes "<" as "&lt;": every occurrence is a placeholder.
        pieces = skeleton.split(_PLACEHOLDER_START)
        target.write(pieces[0])
        for piece in pieces[1:]:
            number, _, rest = piece.partition(_PLACEHOLDER_END)
            index = int(number)
            start = self._starts[index]
            end = self._starts[index + 1] if index + 1 < len(self._starts) else self._end
            self._file.seek(start)
            target.write(self._file.read(end - start))
            target.write(rest)
        self._file.seek(0, 2)

    def close(self) -> None:
        self._file.close()


__all__ = ["PLACEHOLDER", "ParagraphSpool"]
