"""Turning the bytes of a transcription into text, or a one-line reason why not."""

from __future__ import annotations

import codecs
import re

from tei_tools.errors import EncodingError, InputError

# Characters XML 1.0 cannot hold at all; a text containing them is not a transcription.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def decode_text(data: bytes, *, encoding: str = "utf-8", source: str = "<input>") -> str:
    """Decode a transcription, normalising line ends and dropping a byte-order mark.

    >>> decode_text(b"\\xef\\xbb\\xbfTitle\\r\\nText\\r\\n")
    'Title\\nText\\n'
    """
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", file=source) from None
    # isspace(), not strip(): strip() copies the whole input to answer a yes-or-no question.
    if not data or data.isspace():
        raise InputError("empty file: there is no text to convert", file=source)
    if b"\x00" in data and not encoding.lower().replace("-", "").startswith(("utf16", "utf32")):
        offset = data.index(b"\x00")
        raise InputError(
            f"binary file (NUL byte at offset {offset}), not a plain-text transcription",
            file=source,
            line=data.count(b"\n", 0, offset) + 1,
        )
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = data[exc.start : exc.start + 1].hex()
        raise EncodingError(
            f"not valid {encoding} (byte 0x{bad}); if the file uses another encoding, "
            "pass it with --encoding, e.g. --encoding cp1252",
            file=source,
            line=line,
            column=column,
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    refuse_unrepresentable(text, source)
    if not text or text.isspace():
        raise InputError("empty file: there is no text to convert", file=source)
    return text


def refuse_unrepresentable(text: str, source: str = "<input>") -> None:
    """Refuse characters that XML 1.0 cannot hold, naming the line they are on."""
    forbidden = _XML_FORBIDDEN.search(text)
    if forbidden:
        line = text.count("\n", 0, forbidden.start()) + 1
        raise InputError(
            f"control character U+{ord(forbidden.group()):04X}, which XML cannot hold: "
            "is this a binary file?",
            file=source,
            line=line,
        )
