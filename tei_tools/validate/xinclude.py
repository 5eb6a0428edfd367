"""XInclude as Jing does it, but safely: local files inside one folder, through the safe parser.

Jing (through Xerces) replaces each ``xi:include`` by the included document,
or by its ``xi:fallback`` when the resource cannot be had, and stops with a
fatal error when there is no fallback.  tei-tools does the same for files
inside the document's folder tree (or a base folder the caller names), reads
every included file with the same safe parser as the document itself, and
never follows a URL.

An include that leaves the folder (``/etc/passwd``, ``../../x.xml``, a
symbolic link pointing out) is treated exactly like a missing file: same
message, and its ``xi:fallback`` applies.  So messages never tell which files
exist outside the folder, and a project whose includes point at files it
does not ship (the I.Sicily inscriptions include ``../alists/*.xml``) gets
the verdict Jing gives when those files are missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from tei_tools.validate.problems import FATAL, Problem

XI_NS = "http://www.w3.org/2001/XInclude"
MAX_DEPTH = 10


@dataclass(frozen=True)
class IncludeScope:
    """Where includes may be read from, and how included files are parsed."""

    #: The resolved folder every included file must lie in.
    root: Path
    #: The name problems are reported under (the including document's).
    file: str
    allow_local_dtd: bool = False


def expand_xincludes(
    tree: etree._ElementTree,
    document: Path | None,
    file: str,
    *,
    base_dir: Path | None = None,
    allow_local_dtd: bool = False,
    fallbacks: list[FallbackTaken] | None = None,
) -> list[Problem]:
    """Replace ``xi:include`` elements in place; return problems for includes that failed.

    Included files are read only inside ``base_dir`` (default: the folder of
    ``document``, or the current folder for a document without a path).
    Each include whose ``xi:fallback`` was used instead is added to
    ``fallbacks``, so that findings it may explain (a pointer to an id the
    file not read may hold) can say so.
    """
    folder = document.parent if document is not None else Path.cwd()
    root = Path(base_dir) if base_dir is not None else folder
    scope = IncludeScope(root.resolve(), file, allow_local_dtd)
    problems: list[Problem] = []
    _expand(tree.getroot(), document, scope, problems, depth=0, chain=(), fallbacks=fallbacks)
    return problems


@dataclass(frozen=True)
class FallbackTaken:
    """An XInclude that could not be read, replaced by its ``xi:fallback``."""

    href: str
    line: int | None
    reason: str


def _expand(root, document, scope: IncludeScope, problems, depth, chain, fallbacks=None) -> None:
    for include in list(root.iter(f"{{{XI_NS}}}include")):
        replacement, reason = _load(include, document, scope, problems, depth, chain, fallbacks)
        if replacement is None:
            fallback = include.find(f"{{{XI_NS}}}fallback")
            if fallback is None:
                problems.append(
                    Problem(
                        scope.file,
                        include.sourceline,
                        None,
                        FATAL,
                        f"an XInclude failed and has no fallback: {reason}",
                        rule="xinclude",
                    )
                )
                continue
            if fallbacks is not None:
                fallbacks.append(FallbackTaken(include.get("href", ""), include.sourceline, reason))
            replacement = _fallback_content(fallback)
        _splice(include, replacement)


def _load(include, document, scope: IncludeScope, problems, depth, chain, fallbacks=None):
    href = include.get("href", "")
    parse = include.get("parse", "xml")
    parsed = urlparse(href)
    if parsed.scheme not in ("", "file") or parsed.netloc:
        return None, f"{href!r} is not a local file (tei-tools never fetches from the network)"
    if include.get("xpointer") is not None or not href:
        return None, "xpointer includes are not supported"
    base = document.parent if document is not None else Path.cwd()
    target = (base / unquote(parsed.path)).resolve()
    if target in chain or depth >= MAX_DEPTH:
        return None, f"{href!r} includes itself"
    if not (target.is_relative_to(scope.root) and target.is_file()):
        # One message for "missing" and "outside the folder": it must not tell which files exist.
        return None, f"{href!r} not found in {scope.root} (includes are read only inside it)"
    from tei_tools.errors import TeiToolsError
    from tei_tools.xml import parse_xml_file

    if parse == "text":
        try:
            from tei_tools.folders import read_regular_file
            from tei_tools.xml import MAX_SCHEMA_BYTES

            raw = read_regular_file(target, MAX_SCHEMA_BYTES)
            return [raw.decode(include.get("encoding", "utf-8"))], ""
        except (OSError, UnicodeDecodeError, LookupError) as exc:  # LookupError: unknown encoding
            return None, f"{href!r} cannot be read as text: {exc}"
    try:
        included = parse_xml_file(
            target, allow_local_dtd=scope.allow_local_dtd, base_dir=scope.root
        )
    except TeiToolsError as exc:
        return None, str(exc)
    _expand(included.getroot(), target, scope, problems, depth + 1, (*chain, target), fallbacks)
    return [included.getroot()], ""


def _fallback_content(fallback: etree._Element) -> list:
    content: list = []
    if fallback.text:
        content.append(fallback.text)
    for child in fallback:
        content.append(child)
    return content


def _splice(include: etree._Element, content: list) -> None:
    """Put ``content`` (strings and elements) where ``include`` is, keeping its tail."""
    parent = include.getparent()
    if parent is None:
        return
    tail = include.tail
    previous = include.getprevious()
    position = parent.index(include)
    parent.remove(include)
    pieces = [*content, tail or ""]
    for piece in pieces:
        if isinstance(piece, str):
            if not piece:
                continue
            if previous is None:
                parent.text = (parent.text or "") + piece
            else:
                previous.tail = (previous.tail or "") + piece
        else:
            clone = piece.__copy__()
            clone.tail = None
            parent.insert(position, clone)
            position += 1
            previous = clone
