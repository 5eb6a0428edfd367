"""Regenerate the README's capture of the language server in Neovim (docs/lsp-neovim.png).

Neovim (Debian's ``neovim``) runs in a tmux pane with the minimal
configuration of ``tests/nvim/init.lua`` on the language-server tests' letter
(``tests/lsp_workspace.py``: a misspelt element and attribute, a pointer to
no entry, an impossible date); once the diagnostics are shown, the cursor goes
to ``<date`` and asks for hover. ``tmux capture-pane -e`` gives the screen with
its colours, ansi2html turns it into HTML, and headless Chromium photographs it.

Needs tmux, nvim, Debian's chromium and the development tools
``pip install playwright ansi2html``.

    python bench/lsp_screenshot.py [--out docs/lsp-neovim.png]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from lsp_workspace import DOCUMENT, make_workspace  # noqa: E402

SESSION = "tei-tools-lsp-capture"
WIDTH, HEIGHT = 132, 30


def tmux(*args: str) -> str:
    return subprocess.run(
        ["tmux", *args], check=True, capture_output=True, text=True, timeout=30
    ).stdout


def screen(colours: bool = False) -> str:
    return tmux("capture-pane", "-t", SESSION, "-p", *(["-e"] if colours else []))


def wait_for(predicate, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not predicate(screen()):
        if time.monotonic() > deadline:
            raise SystemExit("lsp_screenshot: timed out; the screen was:\n" + screen())
        time.sleep(0.2)


def capture(folder: Path) -> str:
    document = make_workspace(folder)
    env = {
        "TEI_TOOLS_LSP_CMD": json.dumps([sys.executable, "-m", "tei_tools", "lsp"]),
        "TEI_TOOLS_ROOT": str(folder),
        "XDG_STATE_HOME": str(folder / "state"),
        "PYTHONPATH": str(REPO),
    }
    if "TEI_TOOLS_CACHE_DIR" in os.environ:
        env["TEI_TOOLS_CACHE_DIR"] = os.environ["TEI_TOOLS_CACHE_DIR"]
    settings = [arg for key, value in env.items() for arg in ("-e", f"{key}={value}")]
    command = f"nvim -n -i NONE -u {REPO / 'tests' / 'nvim' / 'init.lua'} {document.name}"
    tmux("new-session", "-d", "-s", SESSION, "-x", str(WIDTH), "-y", str(HEIGHT),
         "-c", str(folder), *settings, command)  # fmt: skip
    try:
        wait_for(
            lambda text: text.count("\nE ") >= 2, timeout=180
        )  # diagnostics in the sign column
        # Quieter colours than Neovim 0.7's defaults (a grey sign column, a magenta float),
        # and line 9 at the top, so that the hover opens below the cursor's line.
        for setting in (
            "set nowrap",
            "highlight SignColumn ctermbg=NONE",
            "highlight NormalFloat ctermbg=236 ctermfg=253",
            "call cursor(9, 1)",
            "normal! zt",
        ):
            tmux("send-keys", "-t", SESSION, f":{setting}", "Enter")
        at = DOCUMENT.index("<date") + 2
        line = DOCUMENT.count("\n", 0, at) + 1
        column = len(DOCUMENT[DOCUMENT.rfind("\n", 0, at) + 1 : at].encode("utf-8")) + 1
        tmux("send-keys", "-t", SESSION, f":call cursor({line}, {column})", "Enter")
        tmux("send-keys", "-t", SESSION, ":lua vim.lsp.buf.hover()", "Enter")
        wait_for(lambda text: "(date)" in text or "date" in text.split("\n", 20)[-1], timeout=30)
        time.sleep(0.5)
        return screen(colours=True)
    finally:
        tmux("kill-session", "-t", SESSION)


def photograph(ansi: str, target: Path) -> None:
    from ansi2html import Ansi2HTMLConverter
    from playwright.sync_api import sync_playwright

    html = Ansi2HTMLConverter(dark_bg=True, title="tei-tools lsp in Neovim").convert(ansi)
    html = html.replace(
        "</style>",
        ".body_foreground { font: 14px/1.3 'DejaVu Sans Mono', monospace; }"
        " pre { margin: 0; padding: 8px; }</style>",
    )
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        page_path = Path(folder) / "screen.html"
        page_path.write_text(html, encoding="utf-8")
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1200, "height": 600})
        page.goto(page_path.as_uri())
        page.locator("pre").screenshot(path=str(target))
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "lsp-neovim.png")
    args = parser.parse_args()
    for tool in ("tmux", "nvim"):
        if shutil.which(tool) is None:
            raise SystemExit(f"lsp_screenshot: {tool} is not installed")
    with tempfile.TemporaryDirectory() as folder:
        ansi = capture(Path(folder))
    photograph(ansi, args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
