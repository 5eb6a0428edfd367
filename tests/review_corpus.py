"""A small corpus to review, written under a test's tmp_path (shared by the review tests)."""

from __future__ import annotations

from pathlib import Path

TELEGRAM = """TELEGRAM FROM TROTSKY TO THE COMMANDER-IN-CHIEF ON THE RUMANIAN FRONT



3 December 1917
Trotsky, iii, 2, p. 190

    The Commander-in-Chief on the Rumanian front, General Barsukevich, has refused to obey the orders of the Council of People's Commissars. Mr. Smith of the British Embassy met Lenin in Petrograd on 2 December. Mr. Jones was present.

    Mr. Smith left Petrograd the next day; Mr. Jones stayed until 31 February 1918.

    (Signed) TROTSKY
"""

NOTE = """NOTE FROM CHICHERIN TO THE BRITISH EMBASSY ABOUT MR. SMITH



5 December 1917
Trotsky, iii, 2, p. 191

    The People's Commissariat asks why Mr. Smith went to Kiev, and whether General Barsukevich <script>alert(1)</script> knew of it.

    (Signed) CHICHERIN
"""


def make_corpus(root: Path) -> Path:
    """``root/corpus`` with two source documents full of names to decide about."""
    corpus = root / "corpus"
    (corpus / "source").mkdir(parents=True)
    (corpus / "source" / "1917-12-03_telegram.txt").write_text(TELEGRAM, encoding="utf-8")
    (corpus / "source" / "1917-12-05_note.txt").write_text(NOTE, encoding="utf-8")
    return corpus


def place(stream_text: str, text: str, occurrence: int = 0) -> tuple[int, int]:
    """The stream offsets of the ``occurrence``-th ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = stream_text.index(text, start + 1)
    return start, start + len(text)
