"""RELAX NG compact syntax (``.rnc``): converted to the XML syntax, then validated as ``.rng``.

libxml2 reads only the XML syntax.  The optional package rnc2rng (pure
Python, ``pip install 'tei-tools[rnc]'``) converts the compact syntax; the
result is written to the grammar cache, keyed by the bytes of the ``.rnc``,
so every later run (and the specialising cache) sees an ordinary ``.rng``.

rnc2rng inlines ``include``\\s and asserts that an included file declares
the same namespace prefixes as the file including it, which the compact
syntax does not require; such schemas are refused with a message that
names a converter which handles them (trang).  The cache key is the main
file's bytes only: after editing an included ``.rnc``, clear the cache.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from tei_tools.errors import MissingExtraError, SchemaError


def rng_from_rnc(schema_path: Path) -> Path:
    """The path of an ``.rng`` equivalent to ``schema_path`` (converted once, then cached).

    >>> rng_from_rnc(Path("tei_lite.rnc"))  # doctest: +SKIP
    PosixPath('/home/me/.cache/tei-tools/rng/rnc-3f2a....rng')
    """
    from tei_tools.validate.specialise import cache_dir, read_schema

    data = read_schema(schema_path)
    target = cache_dir() / f"rnc-{hashlib.sha256(data).hexdigest()[:24]}.rng"
    if target.is_file():
        return target
    converted = _convert(schema_path)
    from tei_tools.xml import write_atomic

    try:
        write_atomic(target, converted)
    except OSError as exc:
        raise SchemaError(
            f"cannot store the converted schema in {target.parent}: {exc.strerror or exc}",
            file=str(schema_path),
        ) from None
    return target


def _convert(schema_path: Path) -> bytes:
    try:
        import rnc2rng
        from rnc2rng.parser import ParseError
    except ImportError:
        raise MissingExtraError("RELAX NG compact syntax (.rnc)", "rnc", "rnc2rng") from None
    try:
        return rnc2rng.dumps(rnc2rng.load(str(schema_path))).encode("utf-8")
    except ParseError as exc:
        where, line, column = exc.location
        token = exc.token.getstr() if hasattr(exc.token, "getstr") else str(exc.token)
        raise SchemaError(
            f"not valid RELAX NG compact syntax: unexpected {token!r}"
            " (a keyword used as a name needs a backslash, e.g. \\text)",
            file=where or str(schema_path),
            line=line + 1,
            column=column + 1,
        ) from None
    except AssertionError:
        # rnc2rng's way of saying an included file declares other prefixes.
        raise SchemaError(
            "rnc2rng cannot merge the included files of this schema (they declare "
            "different namespace prefixes); convert it with trang "
            "(trang schema.rnc schema.rng) and pass the .rng",
            file=str(schema_path),
        ) from None
    except OSError as exc:
        raise SchemaError(
            f"cannot read schema: {exc.strerror or exc}", file=str(schema_path)
        ) from None
