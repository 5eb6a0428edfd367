"""Which schema a document is checked against, without ever touching the network.

Order: an explicit ``--schema``; else the document's ``<?xml-model?>``
processing instructions, each resolved to a local file (next to the document,
in the schema cache folder, or a vendored schema known by its file name); else
the project's own schema for documents tei-tools wrote; else tei_all.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from lxml import etree

RNG_TYPES = {"http://relaxng.org/ns/structure/1.0"}
SCHEMATRON_TYPES = {"http://purl.oclc.org/dsdl/schematron", "http://www.ascc.net/xml/schematron"}
XSD_TYPES = {"http://www.w3.org/2001/XMLSchema"}
TEI_NS = "http://www.tei-c.org/ns/1.0"


@dataclass(frozen=True)
class SchemaChoice:
    """A schema file, its language (``rng``, ``xsd``, ``sch``) and why it was chosen."""

    path: Path
    language: str
    reason: str


def schemas_dir() -> Path:
    """The vendored schemas: ``tei_tools/schemas`` in an installed wheel, where the build puts
    the repository's ``schemas/`` folder; that folder itself in a checkout or editable install."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "schemas"
    return installed if installed.is_dir() else package.parent / "schemas"


def tei_all_path() -> Path:
    return schemas_dir() / "tei_all.rng"


def project_schema_path() -> Path:
    return schemas_dir() / "tei-tools.rng"


def local_schema_dir() -> Path:
    """Where users may drop schemas that xml-model PIs name by URL (``$TEI_TOOLS_SCHEMA_DIR``)."""
    override = os.environ.get("TEI_TOOLS_SCHEMA_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "tei-tools" / "schemas"


def language_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".xsd":
        return "xsd"
    if suffix in (".sch", ".isosch"):
        return "sch"
    return "rng"


def choose_schemas(tree: etree._ElementTree, document: Path | None) -> list[SchemaChoice]:
    """The schemas to apply to a document that was given no ``--schema``."""
    return choose_schemas_noting(tree, document)[0]


def choose_schemas_noting(
    tree: etree._ElementTree, document: Path | None
) -> tuple[list[SchemaChoice], list[tuple[int | None, str]]]:
    """The schemas to apply, and a note (line, text) for each ``xml-model`` not used.

    Nothing is dropped in silence: a model that names the network, a file that
    is not there, a schema language tei-tools does not read, or rules embedded
    in an ODD says which, and what the document was validated against instead.
    """
    resolved = [
        (pi, line, _resolve_model(pi, document)) for pi, line in _xml_models_with_lines(tree)
    ]
    found = [c for _, _, c in resolved if c]
    grammars = [c for c in found if c.language in ("rng", "xsd")]
    if grammars:
        chosen = found
    elif _written_by_tei_tools(tree) and project_schema_path().is_file():
        chosen = [SchemaChoice(project_schema_path(), "rng", "written by tei-tools"), *found]
    else:
        chosen = [SchemaChoice(tei_all_path(), "rng", "default: tei_all"), *found]
    instead = ", ".join(c.path.name for c in chosen if c.language in ("rng", "xsd"))
    notes = [
        (line, f"{why}; validated against {instead} instead")
        for pi, line, choice in resolved
        if choice is None and (why := _unused_model(pi, document))
    ]
    return chosen, notes


def _unused_model(model: dict[str, str], document: Path | None) -> str | None:
    """Why an ``xml-model`` gave no schema (None when it names no schema at all)."""
    href = model.get("href")
    if not href:
        return None
    kind = model.get("schematypens", "")
    if kind and kind not in SCHEMATRON_TYPES | XSD_TYPES | RNG_TYPES:
        return f'the xml-model schema "{href}" is of a kind tei-tools does not read ({kind})'
    if (
        kind in SCHEMATRON_TYPES
        and href.lower().endswith((".rng", ".odd"))
        and _local_copy(href, document)
    ):
        return (
            f'the Schematron rules embedded in "{href}" are run only with --schema '
            f"{_local_copy(href, document)}"
        )
    if urlparse(href).scheme in ("http", "https", "ftp"):
        return (
            f'the xml-model schema "{href}" is on the network and tei-tools never fetches; '
            f"put a copy in {local_schema_dir()} to use it"
        )
    if not kind and not _names_relax_ng(model):
        return None
    return f'the xml-model schema "{href}" was not found'


def xml_model_pis(tree: etree._ElementTree) -> list[dict[str, str]]:
    """The pseudo-attributes of each ``<?xml-model?>`` before the root element."""
    return [model for model, _ in _xml_models_with_lines(tree)]


def _xml_models_with_lines(tree: etree._ElementTree) -> list[tuple[dict[str, str], int | None]]:
    models = []
    node = tree.getroot().getprevious()
    pis = []
    while node is not None:
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            pis.append(node)
        node = node.getprevious()
    for pi in reversed(pis):
        # lxml parses the pseudo-attributes; their values may hold character and entity
        # references, as an attribute's may (W3C "Associating Schemas with XML documents").
        model = {key: html.unescape(value) for key, value in pi.attrib.items()}
        models.append((model, pi.sourceline))
    return models


def _resolve_model(model: dict[str, str], document: Path | None) -> SchemaChoice | None:
    href = model.get("href")
    if not href:
        return None
    kind = model.get("schematypens", "")
    if kind in SCHEMATRON_TYPES:
        language = "sch-embedded" if href.lower().endswith((".rng", ".odd")) else "sch"
    elif kind in XSD_TYPES:
        language = "xsd"
    elif kind in RNG_TYPES or _names_relax_ng(model):
        language = "rng"  # an .rnc file is read through the rnc extra
    else:
        return None
    local = _local_copy(href, document)
    if local is None:
        return None
    if language == "sch-embedded":
        return None  # embedded Schematron runs only when asked for with --schema
    return SchemaChoice(local, language, f"xml-model {href}")


#: The media type of RELAX NG's compact syntax, as an ``xml-model``'s ``type`` gives it.
RNC_TYPE = "application/relax-ng-compact-syntax"


def _names_relax_ng(model: dict[str, str]) -> bool:
    """An ``xml-model`` without ``schematypens`` that names a RELAX NG grammar all the same."""
    href = model.get("href", "").lower()
    return href.endswith((".rng", ".rnc")) or model.get("type", "").strip().lower() == RNC_TYPE


def _local_copy(href: str, document: Path | None) -> Path | None:
    """A local file for ``href``: never fetched, only looked up."""
    parsed = urlparse(href)
    name = Path(parsed.path).name
    if parsed.scheme in ("", "file"):
        candidate = Path(parsed.path)
        if not candidate.is_absolute() and document is not None:
            candidate = document.parent / candidate
        if candidate.is_file():
            return candidate
    for folder in (local_schema_dir(), schemas_dir()):
        if name and (folder / name).is_file():
            return folder / name
    return None


def _written_by_tei_tools(tree: etree._ElementTree) -> bool:
    found = tree.getroot().xpath(
        "//t:teiHeader//t:appInfo/t:application[@ident='tei-tools']", namespaces={"t": TEI_NS}
    )
    return bool(found)
