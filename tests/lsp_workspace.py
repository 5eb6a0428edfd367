"""A small tei-tools project for the language-server tests: a document and its register.

Shared by the end-to-end tests and the benchmark; the document has Cyrillic
and Greek before the places the tests point at, so a range counted in code
points or bytes instead of UTF-16 code units would be off.
"""

from __future__ import annotations

from pathlib import Path

DOCUMENT = """\
<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Письмо · Ἐπιστολή</title></titleStmt>
      <publicationStmt><p>Test.</p></publicationStmt>
      <sourceDesc><p>Test.</p></sourceDesc>
    </fileDesc>
    <encodingDesc>
      <listPrefixDef>
        <prefixDef ident="per" matchPattern="([a-z0-9_.-]+)" replacementPattern="registers/persons.xml#$1"/>
      </listPrefixDef>
    </encodingDesc>
  </teiHeader>
  <text>
    <body>
      <div type="letter" xml:id="d1">
        <head>Товарищу Ἀθῆναι</head>
        <p xml:id="p1">𐌰𐌱 Жук: <persname ref="per:shcherbachev">Щербачёв</persname> and <persName ref="per:nobody">X</persName>.</p>
        <p rend="x">Ἀθῆναι <ref target="#p1" tpye="y">see</ref> <date when="1918-02-30">30 Feb</date>.</p>
        <p>Δ <persName>Заболотный</persName> <name type="person" ref="#p1 #d1">x</name></p>
      </div>
    </body>
  </text>
</TEI>
"""

REGISTER = """\
<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>Persons</title></titleStmt>
  <publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Test.</p></sourceDesc></fileDesc></teiHeader>
  <text>
    <body>
      <listPerson>
        <person xml:id="shcherbachev">
          <persName>Shcherbachev</persName>
          <persName>Щербачёв</persName>
          <birth when="1869-02-06"/>
          <death when="1938-01-18"/>
        </person>
      </listPerson>
    </body>
  </text>
</TEI>
"""


def make_workspace(root: Path) -> Path:
    """Write the project under ``root``; returns the document's path."""
    (root / "registers").mkdir(parents=True, exist_ok=True)
    (root / "registers" / "persons.xml").write_text(REGISTER, encoding="utf-8")
    document = root / "letter.xml"
    document.write_text(DOCUMENT, encoding="utf-8")
    return document


def position_of(text: str, needle: str, delta: int = 0, nth: int = 0) -> tuple[int, int]:
    """(line, UTF-16 character) of ``needle``'s ``nth`` occurrence, moved by ``delta`` characters."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    at += delta
    line = text.count("\n", 0, at)
    start = text.rfind("\n", 0, at) + 1
    prefix = text[start:at]
    return line, len(prefix.encode("utf-16-le")) // 2
