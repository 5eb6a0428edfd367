"""The publication statement a collection's settings give is valid TEI, with or without a publisher."""

from __future__ import annotations

import pytest

from tei_tools.convert import convert_file
from tei_tools.xml import TEI_NS

SOURCE = "A LETTER\n\n5 March 1918\n\n    Some text.\n"


@pytest.mark.parametrize(
    "settings,expected",
    [
        ('licence = "CC0"\n', ["Licence: CC0."]),
        (
            'licence = "CC BY 4.0"\nlicence_url = "https://creativecommons.org/licenses/by/4.0/"\n',
            ["Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)."],
        ),
        ('publisher = "The Example Society"\nlicence = "CC0"\n', ["The Example Society", "CC0"]),
    ],
)
def test_a_licence_is_stated_in_a_valid_publication_statement(
    tmp_path, tei_all, settings, expected
):
    (tmp_path / "tei-tools.toml").write_text(settings, encoding="utf-8")
    (tmp_path / "source").mkdir()
    source = tmp_path / "source" / "1918-03-05_letter.txt"
    source.write_text(SOURCE, encoding="utf-8")
    tree = convert_file(source).tree
    assert tei_all.validate(tree), tei_all.error_log.last_error
    statement = tree.find(f".//{{{TEI_NS}}}publicationStmt")
    text = " ".join("".join(statement.itertext()).split())
    for part in expected:
        assert part in text, text
