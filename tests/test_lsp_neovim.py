"""The language server in a real editor: Neovim's built-in LSP client, headless.

Neovim (Debian's 0.7, so ``vim.lsp.start_client``) reads the minimal
configuration in ``tests/nvim/init.lua``; ``tests/nvim/drive.lua`` opens a TEI
file, waits for its diagnostics, hovers, types ``<`` and asks for completion,
renames an ``xml:id`` and applies the edit, then asks for the outline of a large
file; what the editor received comes back as JSON. ``.ci/run`` installs Neovim;
the test skips, saying so, where it is absent.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import REPO
from lsp_harness import CACHE
from lsp_workspace import DOCUMENT, make_workspace, position_of

pytest.importorskip("pygls", reason="the lsp extra (pygls) is not installed")

NVIM = shutil.which("nvim")
DIVISIONS = 2500
#: Where ``<`` is typed: right before a word in running text ("<p>|Δ").
TYPED_AT = position_of(DOCUMENT, "<p>Δ", 3)


def _large_document() -> str:
    parts = "\n".join(
        f'      <div n="{i}"><head>Part {i}</head><p>{"word " * 60}</p></div>'
        for i in range(DIVISIONS)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0">\n'
        "  <teiHeader><fileDesc><titleStmt><title>Large</title></titleStmt>"
        "<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Test.</p></sourceDesc>"
        "</fileDesc></teiHeader>\n"
        f"  <text>\n    <body>\n{parts}\n    </body>\n  </text>\n</TEI>\n"
    )


@pytest.fixture(scope="module")
def neovim_session(tmp_path_factory):
    """One headless Neovim run through the whole scenario; what it received."""
    if NVIM is None:
        pytest.skip("Neovim (nvim) is not installed; .ci/run installs Debian's neovim package")
    root = tmp_path_factory.mktemp("nvim-workspace")
    document = make_workspace(root)
    large = root / "large.xml"
    large.write_text(_large_document(), encoding="utf-8")
    plan = {
        "document": str(document),
        "large": str(large),
        "hover": position_of(DOCUMENT, "<head>", 2),
        "type_at": TYPED_AT,
        "rename": position_of(DOCUMENT, 'xml:id="p1"', 9),
        "new_name": "p9",
    }
    out = root / "found.json"
    env = {
        **os.environ,
        "TEI_TOOLS_CACHE_DIR": str(CACHE),
        "TEI_TOOLS_LSP_CMD": json.dumps([sys.executable, "-m", "tei_tools", "lsp"]),
        "TEI_TOOLS_ROOT": str(root),
        "TEI_TOOLS_NVIM_PLAN": json.dumps(plan),
        "TEI_TOOLS_NVIM_OUT": str(out),
        "XDG_STATE_HOME": str(root / "state"),  # Neovim's LSP log stays in the test's folder
        "XDG_DATA_HOME": str(root / "data"),
    }
    run = subprocess.run(
        [
            NVIM,
            "--headless",
            "-n",
            "-i",
            "NONE",
            "-u",
            str(REPO / "tests" / "nvim" / "init.lua"),
            "-c",
            f"luafile {REPO / 'tests' / 'nvim' / 'drive.lua'}",
        ],
        cwd=root,
        env=env,
        capture_output=True,
        timeout=300,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert out.exists(), (run.returncode, run.stdout[-2000:], run.stderr[-2000:])
    found = json.loads(out.read_text(encoding="utf-8"))
    assert "error" not in found, found["error"]
    return found


def test_neovim_shows_the_documents_diagnostics_on_their_lines(neovim_session):
    by_message = {d["message"]: (d["line"], d["col"]) for d in neovim_session["diagnostics"]}
    misspelt = [m for m in by_message if "tpye" in m]
    assert misspelt, list(by_message)
    # On the misspelt attribute's own line and column. Neovim counts columns in UTF-8 bytes
    # (Greek letters come before it): it got there from the server's UTF-16 position.
    at = DOCUMENT.index('tpye="y"')
    line_start = DOCUMENT.rfind("\n", 0, at) + 1
    column = len(DOCUMENT[line_start:at].encode("utf-8"))
    assert by_message[misspelt[0]] == (DOCUMENT.count("\n", 0, at), column)
    assert any("persname" in m for m in by_message), list(by_message)


def test_neovim_hover_shows_the_guidelines_gloss(neovim_session):
    assert "**head**" in neovim_session["hover"] and "(heading)" in neovim_session["hover"]


def test_neovim_completion_after_a_typed_angle_bracket_offers_elements_and_keeps_the_word(
    neovim_session,
):
    items = neovim_session["completion"]
    labels = [item["label"] for item in items]
    assert "persName" in labels and "hi" in labels, labels[:20]
    line, character = TYPED_AT
    ranges = [item["range"] for item in items if item["range"] is not None]
    assert ranges, "the items carry their edit ranges"
    for edit_range in ranges:  # each edit ends at the cursor, after the `<`: the word stays
        assert edit_range["end"] == {"line": line, "character": character + 1}, edit_range


def test_neovim_rename_of_an_xml_id_changes_every_pointer_in_the_buffer(neovim_session):
    renamed = neovim_session["renamed"]
    assert 'xml:id="p9"' in renamed and 'xml:id="p1"' not in renamed
    assert 'target="#p9"' in renamed and 'ref="#p9 #d1"' in renamed


def test_neovim_gets_the_outline_of_a_large_file(neovim_session):
    outline = neovim_session["outline"]
    assert outline["count"] == DIVISIONS
    assert (outline["first"], outline["last"]) == ("Part 0", f"Part {DIVISIONS - 1}")
    assert outline["ms"] < 5000, outline  # the README's bench figure is under 1 s for 3 MB
