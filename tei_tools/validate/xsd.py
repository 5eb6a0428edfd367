"""W3C XML Schema validation through xmlschema (imported only when used)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from tei_tools.validate.lru import LruCache
from tei_tools.validate.problems import ERROR, Problem
from tei_tools.xml import XSD_ALLOW, XSD_DEFUSE

if TYPE_CHECKING:
    from xmlschema import XMLSchemaBase

#: Compiled schemas by path: a long-running language server must not grow without limit.
_schemas: LruCache[str, XMLSchemaBase] = LruCache(8)


def validate_xsd(tree: etree._ElementTree, schema_path: Path, file: str) -> list[Problem]:
    """Every XSD error of the document, placed on its element's line."""
    import xmlschema

    from tei_tools.errors import SchemaError

    key = str(schema_path.resolve())
    schema = _schemas.get(key)
    if schema is None:
        try:
            # No network: imports of remote schemas fail instead of being fetched.
            schema = xmlschema.XMLSchema(str(schema_path), allow=XSD_ALLOW, defuse=XSD_DEFUSE)
        except (xmlschema.XMLSchemaException, OSError) as exc:
            raise SchemaError(f"cannot compile XML Schema: {exc}", file=str(schema_path)) from None
        _schemas.put(key, schema)
    problems = []
    for error in schema.iter_errors(tree):
        elem = getattr(error, "elem", None)
        element = elem if isinstance(elem, etree._Element) else None
        line = element.sourceline if element is not None else getattr(error, "sourceline", None)
        problems.append(
            Problem(
                file,
                line,
                None,
                ERROR,
                error.reason or str(error).splitlines()[0],
                path=error.path,
                rule="xsd",
            )
        )
    return problems
