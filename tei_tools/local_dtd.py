"""Entity declarations from local files, for documents that keep them in a project DTD.

Real editions declare their entities in a file beside the documents
(``<!ENTITY % entities SYSTEM "../schema/entities.dtd"> %entities;``, or a
``DOCTYPE`` naming an external subset).  tei-tools refuses such files by
default; on request (``--allow-local-dtd``) it reads them, but only:

- DTD files: the external subset and external *parameter* entities.  An
  external *general* entity (``<!ENTITY x SYSTEM "/etc/passwd">`` used as
  ``&x;``) would copy a file into the text, so it stays refused;
- inside one base folder (by default the document's own folder), after
  following symbolic links, so ``../../`` and absolute paths cannot reach out;
- under the same expansion limits as the document's own internal subset;
- never from the network.

A file outside the base folder gets the same "file not found" message as a
missing one, so that error messages never tell which files exist.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from tei_tools.errors import HostileXMLError, InputError
from tei_tools.folders import read_regular_file

#: The option that allows local entity files, named in every refusal.
OPTION = "--allow-local-dtd"
#: The largest DTD or entity file read with the option.
MAX_DTD_BYTES = 1024 * 1024

_EXTERNAL_DECL = re.compile(
    rb"""<!ENTITY\s+(%\s+)?([^\s"'%>]+)\s+(?:SYSTEM|PUBLIC\s+(?:"[^"]*"|'[^']*'))\s*(?:"([^"]*)"|'([^']*)')(\s+NDATA\b)?"""
)


@dataclass(frozen=True)
class ExternalDecl:
    """An ``<!ENTITY ... SYSTEM "...">`` declaration as written."""

    name: str
    system_id: str
    parameter: bool
    unparsed: bool
    line: int


def external_declarations(text: bytes) -> list[ExternalDecl]:
    """The external entity declarations of a DTD or internal subset, in order.

    >>> [d.name for d in external_declarations(b'<!ENTITY % e SYSTEM "e.dtd"> %e;')]
    ['e']
    """
    found = []
    for match in _EXTERNAL_DECL.finditer(text):
        system_id = match.group(3) if match.group(3) is not None else match.group(4)
        found.append(
            ExternalDecl(
                match.group(2).decode("utf-8", "replace"),
                system_id.decode("utf-8", "replace"),
                bool(match.group(1)),
                bool(match.group(5)),
                text.count(b"\n", 0, match.start()) + 1,
            )
        )
    return found


def parameter_entity_names(data: bytes) -> set[str]:
    """Names of the external parameter entities a document declares (to word refusals)."""
    return {d.name for d in external_declarations(data[:65536]) if d.parameter}


def refuse_general_external_entities(text: bytes, source: str) -> None:
    """Refuse external general entities: only DTD and parameter-entity files may be loaded."""
    for decl in external_declarations(text):
        if not decl.parameter and not decl.unparsed:
            raise HostileXMLError(
                f"refused: external entity '{decl.name}' refers to {decl.system_id!r}; "
                f"{OPTION} loads entity declarations (DTD and parameter-entity files), "
                "never a file's text into the document",
                file=source,
                line=decl.line,
            )


@dataclass(eq=False)
class LocalDTDResolver(etree.Resolver):
    """An lxml resolver that hands libxml2 the DTD files a document may load, and no other.

    libxml2 asks it for every external resource; whatever it refuses raises
    an error that names the document, so nothing is read behind the user's back.
    """

    base: Path
    source: str
    #: The document's absolute path: relative system ids in it start from its folder.
    document: Path
    #: Resolved paths of the DTD files declared so far -> the system id as written.
    allowed: dict[Path, str] = field(default_factory=dict)
    #: The document's own limits, applied to each DTD file: ``check(data, name)`` raises
    #: :class:`HostileXMLError`.  The safe parser (:mod:`tei_tools.xml`) supplies them, so
    #: that this module does not import it back.
    limits: list[Callable[[bytes, str], None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__()
        self.base = self.base.resolve()

    def declare(self, system_id: str, declared_in: Path) -> None:
        """Allow a DTD file named by ``system_id`` in the file ``declared_in``."""
        self.allowed.setdefault((declared_in.parent / _local_path(system_id)).resolve(), system_id)

    def resolve(self, system_url: str | None, public_id: str | None, context: object):
        parsed = urlparse(system_url or "")
        if parsed.scheme not in ("", "file") or parsed.netloc:
            raise HostileXMLError(
                f"refused: {system_url!r} is not a local file; tei-tools never fetches from the network",
                file=self.source,
            )
        path = Path(unquote(parsed.path)).resolve()
        if path not in self.allowed:
            raise HostileXMLError(
                f"refused: {system_url!r} is not a DTD or parameter-entity file the document declares",
                file=self.source,
            )
        if not path.is_relative_to(self.base) or not path.is_file():
            raise InputError(
                f"file not found: {self.allowed[path]!r} "
                f"({OPTION} reads entity files only inside {self.base}, see --base-dir)",
                file=self.source,
            )
        try:
            data = read_regular_file(path, MAX_DTD_BYTES)
        except OSError as exc:
            raise InputError(
                f"cannot read {self.allowed[path]!r}: {exc.strerror or exc}", file=self.source
            ) from None
        try:
            self.check_dtd_text(data, path)
        except HostileXMLError as exc:
            # Placed in the document (the file the user named), the entity file named in words.
            where = f"{self.allowed[path]!r}" + (f", line {exc.line}" if exc.line else "")
            raise HostileXMLError(f"{exc.message} (in {where})", file=self.source) from None
        return self.resolve_string(data, context, base_url=str(path))

    def check_dtd_text(self, data: bytes, path: Path) -> None:
        """Apply the document's own limits to a DTD file and allow the files it declares."""
        name = str(path)
        for check in self.limits:
            check(data, name)
        refuse_general_external_entities(data, name)
        for decl in external_declarations(data):
            if decl.parameter:
                self.declare(decl.system_id, path)


def _local_path(system_id: str) -> str:
    parsed = urlparse(system_id)
    return unquote(parsed.path) if parsed.scheme in ("", "file") else system_id
