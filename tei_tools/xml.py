"""The one safe XML parser, and atomic file writing.

Every XML document tei-tools reads goes through :func:`parse_xml_bytes`: no
entity is expanded from outside the document, no DTD is loaded, nothing is
fetched from the network, and documents that declare external or nested
entities are refused outright rather than half-processed.  Writers go through
:func:`write_atomic` so that a crash never leaves a half-written output.
"""

from __future__ import annotations

import functools
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from lxml import etree

from tei_tools.errors import (
    HostileXMLError,
    InputError,
    LimitExceededError,
    NotWellFormedError,
    UsageError,
)

if TYPE_CHECKING:
    from tei_tools.local_dtd import LocalDTDResolver

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {"tei": TEI_NS}

#: Internal entities whose replacement text is longer than this are treated as
#: an expansion attack (a "quadratic blow-up" repeats one long entity).
MAX_ENTITY_TEXT = 10_000


class RefuseExternal(etree.Resolver):
    """Answers every external identifier with nothing, so libxml2 opens no file.

    ``load_dtd=False`` and ``resolve_entities=False`` are not enough: libxml2
    still opens a DOCTYPE's external subset and an internal subset's
    parameter entities (``<!ENTITY % p SYSTEM "/dev/zero"> %p;``) through its
    default loader, which reads files and devices, hangs on a pipe and tells
    by its message whether a file exists.  With this resolver in place the
    loader asks it instead, and it answers with an empty string for every
    name; the document's own checks then refuse what it declared, with one
    message whether or not the file exists.  (Written here because lxml has
    no built-in "deny all" resolver.)
    """

    def resolve(self, system_url, public_id, context):
        return self.resolve_string("", context)


def make_parser(
    *,
    remove_blank_text: bool = False,
    resolver: etree.Resolver | None = None,
    schema: bool = False,
) -> etree.XMLParser:
    """The one parser configuration for every read of XML: only the bytes it is given.

    ``resolve_entities=False`` keeps entity references as nodes instead of
    expanding them; ``no_network=True`` and :class:`RefuseExternal` make sure
    no external subset, parameter entity or other file is ever opened.  With a
    ``resolver`` (a :class:`tei_tools.local_dtd.LocalDTDResolver`) the DTD
    files it allows are loaded and their entities expanded; it refuses all
    others.  ``schema``: a schema file (large trees allowed, comments dropped).
    Parse bytes with it (``etree.fromstring(data, parser, base_url=...)``):
    given a file name, it would refuse to open the file itself.
    """
    parser = etree.XMLParser(
        resolve_entities=resolver is not None,
        load_dtd=resolver is not None,
        no_network=True,
        dtd_validation=False,
        huge_tree=schema,
        remove_comments=schema,
        remove_blank_text=remove_blank_text,
        collect_ids=False,
    )
    parser.resolvers.add(resolver if resolver is not None else RefuseExternal())
    return parser


def make_pull_parser(
    events: tuple[str, ...] = ("start", "end"), tag: Sequence[str] | None = None
) -> etree.XMLPullParser:
    """:func:`make_parser`'s configuration (no resolver) as a pull parser fed in chunks.

    ``tag`` limits the events to elements of these names (``{*}div``); the tree is whole.

    For the streaming exporter, which reads a document block by block: no
    entity is expanded, no DTD or other file is opened, and a parse error is
    turned into an :class:`InputError` by :func:`syntax_error`.
    """
    parser = etree.XMLPullParser(
        events=events,
        tag=tag,
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
        remove_blank_text=False,
        collect_ids=False,
    )
    parser.resolvers.add(RefuseExternal())
    return parser


def syntax_error(exc: etree.XMLSyntaxError, head: bytes, source: str) -> InputError:
    """The :class:`InputError` for a parse error, as :func:`parse_xml_bytes` reports it."""
    return _not_well_formed(exc, head, source)


#: The largest schema file read (tei_all.rng is about 3 MB).
MAX_SCHEMA_BYTES = 64 * 1024 * 1024


def parse_xml_file(
    path: str | os.PathLike[str],
    *,
    allow_local_dtd: bool = False,
    base_dir: str | os.PathLike[str] | None = None,
) -> etree._ElementTree:
    """Parse an XML file safely; every failure is a :class:`TeiToolsError` with its place.

    ``allow_local_dtd`` lets the document load its external DTD subset and
    parameter-entity files from inside ``base_dir`` (default: the file's own
    folder); see :mod:`tei_tools.local_dtd`.
    """
    name = str(path)
    data = read_input_bytes(path)
    return parse_xml_bytes(
        data, source=name, location=Path(path), allow_local_dtd=allow_local_dtd, base_dir=base_dir
    )


def read_input_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read a whole input file, turning OS errors into one-line input errors.

    A pipe or device given by name is refused, never read: it may never end.
    """
    name = str(path)
    p = Path(path)
    if p.is_dir():
        raise InputError("is a directory, not a file", file=name)
    if p.exists() and not p.is_file():
        raise InputError("not a regular file (a pipe, socket or device)", file=name)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", file=name) from None
    except PermissionError:
        raise InputError("permission denied", file=name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=name) from None


def parse_xml_bytes(
    data: bytes,
    *,
    source: str = "<input>",
    location: Path | None = None,
    allow_local_dtd: bool = False,
    base_dir: str | os.PathLike[str] | None = None,
) -> etree._ElementTree:
    """Parse bytes as XML, refusing empty, binary and hostile input.

    ``location`` is where the bytes came from (relative DTD paths start
    there; default: the current folder); ``allow_local_dtd`` and ``base_dir``
    are as for :func:`parse_xml_file`.

    >>> parse_xml_bytes(b"<a>x</a>").getroot().text
    'x'
    """
    if not data.strip():
        raise InputError("empty file: there is no XML to read", file=source)
    refuse_hostile_doctype(data, source)
    resolver = None
    if allow_local_dtd and _DOCTYPE.search(data[:65536]):
        resolver = _local_dtd_resolver(data, source, location, base_dir)
    try:
        tree = etree.ElementTree(
            etree.fromstring(
                data,
                parser=make_parser(resolver=resolver),
                base_url=str(resolver.document) if resolver is not None else None,
            )
        )
    except etree.XMLSyntaxError as exc:
        raise _not_well_formed(exc, data, source) from None
    refuse_hostile_entities(tree, source, loaded=resolver is not None, data=data)
    return tree


def _not_well_formed(exc: etree.XMLSyntaxError, data: bytes, source: str) -> InputError:
    line, column = exc.position if exc.position else (None, None)
    message = _clean_libxml_message(exc.msg or str(exc))
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return NotWellFormedError("not well-formed XML: binary file, not XML", file=source)
    limit = _parser_limit(message)
    if limit is not None:
        return LimitExceededError(limit, file=source, line=line or None, column=column or None)
    return NotWellFormedError(
        f"not well-formed XML: {message}", file=source, line=line or None, column=column or None
    )


#: libxml2's resource limits (its defaults, which tei-tools keeps), by the message that reports them.
_LIMITS = (
    (
        re.compile(r"Excessive depth in document: (\d+)"),
        "elements are nested more than {0} levels deep; tei-tools reads at most {0} levels "
        "(a limit against resource-exhaustion attacks)",
    ),
    (
        re.compile(r"Text node too long|Buffer size limit exceeded|Huge input lookup"),
        "a text node or attribute value is longer than 10,000,000 bytes, tei-tools' limit "
        "(against resource-exhaustion attacks)",
    ),
    (
        re.compile(r"Name too long"),
        "a name is longer than 50,000 characters, tei-tools' limit "
        "(against resource-exhaustion attacks)",
    ),
)


def _parser_limit(message: str) -> str | None:
    """The limit a libxml2 message reports, in words a user can act on, or None.

    libxml2 tells users to set ``XML_PARSE_HUGE``, an option of its C API
    that no tei-tools user can set; the message says which limit was hit.
    """
    for pattern, text in _LIMITS:
        found = pattern.search(message)
        if found:
            return "refused: " + text.format(*found.groups())
    return None


def _local_dtd_resolver(
    data: bytes, source: str, location: Path | None, base_dir: str | os.PathLike[str] | None
) -> LocalDTDResolver:
    """The resolver that lets this document load its declared DTD files, and only those."""
    from tei_tools.local_dtd import LocalDTDResolver, refuse_general_external_entities

    document = (location if location is not None else Path.cwd() / "<input>").absolute()
    head = data[:65536]
    refuse_general_external_entities(head, source)
    base = Path(base_dir) if base_dir is not None else document.parent
    resolver = LocalDTDResolver(base, source, document)
    resolver.limits = [
        lambda text, name: refuse_network_identifiers(text, name, what="an entity file"),
        lambda text, name: refuse_entity_declarations(text, 0, len(text), name),
    ]
    for decl in _declared_dtd_files(head):
        resolver.declare(decl, document)
    return resolver


def _declared_dtd_files(head: bytes) -> list[str]:
    """System ids of the DOCTYPE's external subset and of its external parameter entities."""
    from tei_tools.local_dtd import external_declarations

    found = [d.system_id for d in external_declarations(head) if d.parameter]
    doctype = _DOCTYPE_SYSTEM.search(head)
    if doctype is not None:
        found.append((doctype.group(1) or doctype.group(2)).decode("utf-8", "replace"))
    return found


_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_DOCTYPE_SYSTEM = re.compile(
    rb"""<!DOCTYPE\s+[^\s\[>]+\s+(?:SYSTEM|PUBLIC\s+(?:"[^"]*"|'[^']*'))\s*(?:"([^"]*)"|'([^']*)')"""
)
_NETWORK_ID = re.compile(
    rb"""(SYSTEM|PUBLIC)\s+(?:"[^"]*"\s+|'[^']*'\s+)?["']\s*(https?|ftp)://""", re.I
)


def refuse_hostile_doctype(data: bytes, source: str) -> None:
    """Refuse documents whose DOCTYPE points at the network before libxml2 sees them.

    libxml2 would not fetch them with our parser, but a reader must know why a
    document that needs a remote DTD cannot be processed as its author meant.
    """
    # Only the prolog matters; scanning the first 64 KiB keeps this O(1).
    head = data[:65536]
    match = _DOCTYPE.search(head)
    if not match:
        return
    _refuse_entity_bombs(head, match.start(), source)
    refuse_network_identifiers(head, source, match.start())


def refuse_network_identifiers(
    text: bytes, source: str, start: int = 0, *, what: str = "the DOCTYPE"
) -> None:
    """Refuse a DOCTYPE or entity declaration whose system identifier is a network URL."""
    hit = _NETWORK_ID.search(text, start)
    if hit:
        line = text.count(b"\n", 0, hit.start()) + 1
        raise HostileXMLError(
            f"refused: {what} refers to a network resource "
            f"({hit.group(2).decode().lower()}://...); tei-tools never fetches from the network",
            file=source,
            line=line,
        )


_ENTITY_DECL = re.compile(rb"""<!ENTITY\s+(%\s+)?([^\s"'%]+)\s+("([^"]*)"|'([^']*)')""")
_ENTITY_REF = re.compile(rb"[&%]([^\s;&%#][^\s;&%]*);")


def _refuse_entity_bombs(head: bytes, doctype_at: int, source: str) -> None:
    """Refuse nested or huge internal entities before libxml2 starts expanding them.

    libxml2 stops an expansion bomb itself, but only as a well-formedness
    error part-way through; a reader must be told it was refused on principle.
    """
    opening = re.compile(rb"[\[>]").search(head, doctype_at)
    if opening is None or opening.group() != b"[":
        return  # no internal subset: the DOCTYPE ends first
    subset_end = head.find(b"]>", opening.end())
    if subset_end < 0:
        raise HostileXMLError(
            "refused: the internal DTD subset is larger than 64 KiB (an entity-expansion bomb pattern)",
            file=source,
        )
    refuse_entity_declarations(head, doctype_at, subset_end, source)


def refuse_entity_declarations(text: bytes, start: int, end: int, source: str) -> None:
    """Refuse internal entities that expand other entities or are over :data:`MAX_ENTITY_TEXT`.

    The same limits hold for a document's internal subset and for the DTD
    files ``--allow-local-dtd`` loads.
    """
    for decl in _ENTITY_DECL.finditer(text, start, end):
        name = decl.group(2).decode("utf-8", "replace")
        value = decl.group(4) if decl.group(4) is not None else decl.group(5)
        line = text.count(b"\n", 0, decl.start()) + 1
        if _ENTITY_REF.search(value):
            raise HostileXMLError(
                f"refused: entity '{name}' expands other entities (an entity-expansion bomb pattern)",
                file=source,
                line=line,
            )
        if len(value) > MAX_ENTITY_TEXT:
            raise HostileXMLError(
                f"refused: entity '{name}' is {len(value):,} bytes long (an entity-expansion bomb pattern)",
                file=source,
                line=line,
            )


def refuse_hostile_entities(
    tree: etree._ElementTree, source: str, *, loaded: bool = False, data: bytes = b""
) -> None:
    """Refuse external entities and entity-expansion bombs declared in the internal subset.

    ``loaded``: the document was parsed with ``--allow-local-dtd``, whose
    resolver already decided which external files could be read.  ``data``
    lets a refusal of a parameter entity name the option that would allow it.
    """
    dtd = tree.docinfo.internalDTD
    if dtd is None:
        return
    declared = {entity.name: entity for entity in dtd.iterentities()}
    for entity in declared.values():
        if entity.system_url or entity.content is None:
            if loaded:
                continue
            raise HostileXMLError(_external_entity_refusal(entity, data), file=source)
        content = entity.content
        if "&" in content and any(f"&{name};" in content for name in declared):
            raise HostileXMLError(
                f"refused: entity '{entity.name}' expands other entities "
                "(an entity-expansion bomb pattern)",
                file=source,
            )
        if len(content) > MAX_ENTITY_TEXT:
            raise HostileXMLError(
                f"refused: entity '{entity.name}' is {len(content):,} characters long "
                "(an entity-expansion bomb pattern)",
                file=source,
            )


def _external_entity_refusal(entity, data: bytes) -> str:
    from tei_tools.local_dtd import OPTION, parameter_entity_names

    target = entity.system_url or "an external resource"
    if entity.name in parameter_entity_names(data):
        return (
            f"refused: parameter entity '{entity.name}' loads {target!r}; tei-tools reads "
            f"entity declarations from local files only with {OPTION}"
        )
    return (
        f"refused: external entity '{entity.name}' refers to {target!r}; "
        "tei-tools does not read files or URLs named by a document"
    )


def _clean_libxml_message(message: str) -> str:
    # libxml2 appends ", line N, column M" which we already report as the place, and
    # sometimes advice about its own C options, which no user of tei-tools can set.
    message = re.sub(r",? line \d+, column \d+$", "", message).strip()
    return re.sub(r",?\s*(?:use|try) XML_PARSE_\w+(?: option)?", "", message).strip()


#: Every temporary file tei-tools makes next to an output ends with this, so that
#: a build can recognise (and remove) what a killed run left behind.
TEMP_SUFFIX = ".tei-tools-tmp"

FileIdentity = tuple[int, int]


def file_identity(path: str | os.PathLike[str]) -> FileIdentity | None:
    """``(st_dev, st_ino)`` of a regular file, or None when there is none (or it is a device).

    Two names with one identity are one file, however they are spelt: a
    symlink, ``./a.xml``, or a hard link.
    """
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return info.st_dev, info.st_ino


def input_identities(paths: Iterable[str | os.PathLike[str]]) -> dict[FileIdentity, str]:
    """The identities of the files a command reads (``-`` and devices are skipped)."""
    found: dict[FileIdentity, str] = {}
    for path in paths:
        if str(path) == "-":
            continue
        identity = file_identity(path)
        if identity is not None:
            found.setdefault(identity, str(path))
    return found


def refuse_writing_over_input(
    target: str | os.PathLike[str], inputs: dict[FileIdentity, str]
) -> None:
    """Refuse an output that is one of the inputs: inputs are never modified.

    ``-`` (stdout) and devices such as ``/dev/null`` are always allowed.

    >>> refuse_writing_over_input("-", {})
    """
    if str(target) == "-":
        return
    identity = file_identity(target)
    if identity is not None and identity in inputs:
        same = inputs[identity]
        spelt = "" if os.path.normpath(same) == os.path.normpath(str(target)) else f" ({same})"
        raise UsageError(
            f"refusing to write over the input{spelt}; inputs are never modified: choose "
            "another output",
            file=str(target),
        )


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    Readers of ``path`` see either the old file or the whole new one, never a
    truncated mixture, even if the process dies mid-write.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_output(path) as handle:
        handle.write(payload)


def write_tree_atomic(path: str | os.PathLike[str], tree: etree._ElementTree) -> None:
    """Serialise ``tree`` as :func:`serialize` does, straight into ``path``, atomically.

    libxml2 writes into the file as it goes: no copy of the whole document as
    one ``bytes`` object, which for a 50 MB conversion is a few times the input.
    """
    with atomic_output(path) as handle:
        tree.write(handle, encoding="UTF-8", xml_declaration=True, pretty_print=True)


@contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary handle whose content replaces ``path`` whole when the block ends without error.

    The temporary file sits next to ``path`` (a rename is atomic only within one
    file system) and ends in :data:`TEMP_SUFFIX`.  A device or pipe
    (``-o /dev/null``, a FIFO) is written directly: renaming over it would
    replace the device itself.
    """
    target = Path(path)
    if target.exists() and not target.is_file():
        if target.is_dir():
            raise IsADirectoryError(21, "Is a directory", str(target))
        with target.open("wb") as handle:
            yield handle
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def local_name(element: etree._Element) -> str:
    """An element's name without its namespace (``{…tei…}p`` → ``p``); "" for a comment or PI.

    >>> local_name(etree.fromstring('<p xmlns="http://www.tei-c.org/ns/1.0"/>'))
    'p'
    """
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return local_part(tag)


@functools.lru_cache(maxsize=4096)
def local_part(tag: str) -> str:
    """The local part of a Clark-notation tag (``{ns}p`` → ``p``), remembered.

    A document has few distinct tags and the exporters ask for each element's
    several times: remembering them is a measurable part of exporting 100 MB.
    """
    return tag.rpartition("}")[2]


#: How xmlschema loads an XML Schema and what it imports: local files only (``allow``),
#: and its own defusing parser for every schema document (no entity, DTD or network).
XSD_ALLOW = "local"
XSD_DEFUSE = "always"


def serialize(tree: etree._ElementTree | etree._Element) -> bytes:
    """Serialise a tree the one way tei-tools writes XML (UTF-8, declaration, indented).

    libxml2's pretty printer only indents element-only content, never mixed
    content, so indentation never changes a document's text.
    """
    return etree.tostring(tree, encoding="UTF-8", xml_declaration=True, pretty_print=True)
