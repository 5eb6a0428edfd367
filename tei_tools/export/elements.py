"""What the writers share about TEI: which elements are blocks, which reading is shown.

Every writer (plain text, HTML) walks the same tree and must agree on what
the reading text of a document is, or the word counts of the two exports
would differ for no reason.  The tables here are data, not branches: a
writer asks ``is_block(element)`` instead of growing its own list.

>>> from lxml import etree
>>> choice = etree.fromstring(
...     '<choice xmlns="http://www.tei-c.org/ns/1.0"><sic>teh</sic><corr>the</corr></choice>'
... )
>>> local_name(shown_reading(choice))
'corr'
"""

from __future__ import annotations

import re

from lxml import etree

from tei_tools.xml import TEI_NS, local_name

#: The alternatives of a ``choice`` in order of preference: the editor's
#: corrected, expanded, regularised reading is the one a reader wants first.
PREFERRED_READINGS = ("corr", "expan", "reg", "ex", "seg")

# fmt: off
#: Elements that always start a block of their own.
BLOCK = frozenset({
    "ab", "addrLine", "address", "argument", "back", "biblStruct", "body", "byline",
    "castGroup", "castItem", "castList", "closer", "dateline", "div", "div1", "div2", "div3",
    "div4", "div5", "div6", "div7", "docAuthor", "docDate", "docEdition", "docImprint",
    "docTitle", "eg", "egXML", "entry", "epigraph", "epilogue", "event", "figDesc", "figure",
    "floatingText", "form", "front", "fw", "group", "head", "imprimatur", "item", "l",
    "lg", "line", "list", "listBibl", "listEvent", "listOrg", "listPerson", "listPlace",
    "msDesc", "msItem", "opener", "org", "p", "performance", "person", "place", "postscript",
    "prologue", "respStmt", "row", "salute", "sense", "set", "signed", "sourceDoc", "sp",
    "spGrp", "speaker", "stage", "superEntry", "surface", "table", "text", "titlePage",
    "titlePart", "trailer", "u", "zone"
})

#: Elements that are blocks only where they stand between blocks (a ``bibl``
#: under a ``div`` is a citation line; inside a ``p`` it is part of the sentence;
#: a ``note`` between paragraphs is an end-note already in place).
CONTEXTUAL_BLOCK = frozenset({
    "bibl", "cit", "date", "desc", "graphic", "idno", "label", "name", "note", "num",
    "orgName", "persName", "placeName", "q", "quote", "ref", "said", "seg", "title"
})

#: Parents whose children are laid out as blocks.
CONTAINERS = frozenset({
    "argument", "back", "body", "castGroup", "castList", "cit", "closer", "div", "div1",
    "div2", "div3", "div4", "div5", "div6", "div7", "entry", "epigraph", "figure",
    "floatingText", "front", "group", "lg", "list", "listBibl", "msDesc", "msItem", "opener",
    "postscript", "sense", "sp", "spGrp", "superEntry", "text", "titlePage"
})

#: Elements whose content is not part of the reading text where they occur
#: (plain text drops them; HTML keeps them hidden, like alternative readings).
SILENT = frozenset({
    "alt", "altGrp", "anchor", "certainty", "facsimile", "fsdDecl", "index", "interpGrp",
    "join", "joinGrp", "link", "linkGrp", "precision", "respons", "spanGrp",
    "substJoin", "teiHeader", "timeline", "witDetail"
})
# fmt: on

#: Milestones that separate words unless ``@break="no"`` says the word goes on.
WORD_BREAKS = frozenset({"lb", "pb", "cb", "gb", "milestone", "caesura"})

_XML_SPACE = re.compile(r"[ \t\r\n]+")


def is_tei(element: etree._Element) -> bool:
    """True for TEI elements and for elements in no namespace (older TEI)."""
    tag = element.tag
    return isinstance(tag, str) and (tag.startswith("{" + TEI_NS + "}") or not tag.startswith("{"))


def is_block(element: etree._Element) -> bool:
    """Whether ``element`` starts a block (paragraph, line, heading...) in a reading text."""
    name = local_name(element)
    if name in BLOCK:
        return True
    if name in CONTEXTUAL_BLOCK:
        parent = element.getparent()
        return parent is not None and local_name(parent) in CONTAINERS
    return False


def is_footnote(note: etree._Element) -> bool:
    """Whether a ``note`` is called from running text (and so moves to the notes).

    A note standing between paragraphs, as in a list of end-notes an edition
    already gathered, is shown where it is.
    """
    return not is_block(note)


def normalise_space(text: str) -> str:
    """Collapse XML whitespace (indentation is markup, not content) to single spaces.

    No-break and other Unicode spaces are content and stay as they are.

    >>> normalise_space("a\\n    b\\tc\\u00a0d")
    'a b c\\xa0d'
    """
    if "\n" not in text and "\t" not in text and "\r" not in text and "  " not in text:
        return text  # the common case, without a regular-expression call
    return _XML_SPACE.sub(" ", text)


def shown_reading(choice: etree._Element) -> etree._Element | None:
    """The child of a ``choice`` that a reading text shows (corr, expan, reg, else the first)."""
    children = [child for child in choice if isinstance(child.tag, str)]
    by_name = {local_name(child): child for child in reversed(children)}
    for name in PREFERRED_READINGS:
        if name in by_name:
            return by_name[name]
    return children[0] if children else None


def shown_apparatus_reading(app: etree._Element) -> etree._Element | None:
    """The reading of an ``app`` that a reading text shows: its lemma, or None.

    An ``app`` without ``lem`` points (``@from``) at base text that stands
    outside it, so every reading inside it is a variant, not the text.
    """
    for child in app:
        if local_name(child) == "lem":
            return child
    return None


def text_roots(tree: etree._ElementTree | etree._Element) -> list[etree._Element]:
    """The outermost ``text`` elements of a document, or its root when there is none.

    A ``teiCorpus`` holds several ``TEI``s each with its own ``text``; a
    ``text`` inside a ``group`` or ``floatingText`` is reached by walking its
    outer ``text``, so only the outermost ones are returned.  A document with
    no ``text`` at all (a ``surface``, a bare header) is read from its root.
    """
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    roots = []
    for element in root.iter(f"{{{TEI_NS}}}text", "text"):
        if not any(local_name(a) in {"text", "teiHeader"} for a in element.iterancestors()):
            roots.append(element)
    return roots or [root]


def breaks_word(element: etree._Element) -> bool:
    """Whether a milestone separates the words around it (``@break="no"`` joins them)."""
    return element.get("break") not in {"no", "false"}
