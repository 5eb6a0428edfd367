"""The register prefixes: which register file a pointer such as ``ref="per:trotsky"`` names.

The header writes them as TEI ``prefixDef``s, the pointer check and the language server
resolve pointers with them; so they live at the ground of the package, below all three.

>>> REGISTER_BASE + REGISTER_PREFIXES["per"][0]
'registers/persons.xml'
"""

#: Prefix -> (file name in :data:`REGISTER_BASE`, what the register holds).
REGISTER_PREFIXES = {
    "per": ("persons.xml", "persons register (listPerson)"),
    "org": ("orgs.xml", "organisations register (listOrg)"),
    "pla": ("places.xml", "places register (listPlace)"),
    "bib": ("bibl.xml", "bibliography register (listBibl)"),
}
#: The folder, relative to a document, that holds the register files.
REGISTER_BASE = "registers/"
