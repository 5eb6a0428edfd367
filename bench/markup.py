"""Benchmark: finding names in 1 MB of text against a register of 10,000 extra name forms.

Prints medians over repeated runs for: compiling the automaton, ``find_names``
over the whole text and block by block, and, as the peer, a bare pass of the
same pyahocorasick automaton over the folded text (what the checks on each hit
cost on top of the scan).  When the converter's markup step is importable it
also times ``convert_text`` of the same text with the big registry (goal,
issue 4: under 1 s for 1 MB).

    python bench/markup.py [--size-mb 1.0] [--forms 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import string
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tei_tools.markup.folding import fold  # noqa: E402
from tei_tools.markup.names import compile_matcher, find_names  # noqa: E402
from tei_tools.markup.registers import Entry, Registry, load_registry  # noqa: E402

KINDS = (("person", "per"), ("org", "org"), ("place", "pla"))


def synthetic_registry(forms: int, seed: int = 1917) -> tuple[Registry, list[str]]:
    """The shipped registers plus ``forms`` invented name forms (one to three words each)."""
    rng = random.Random(seed)
    registry = Registry(dict(load_registry().entries))
    invented = []
    for number in range(forms):
        words = [
            rng.choice(string.ascii_uppercase)
            + "".join(rng.choices("aeioulnrstvkz", k=rng.randint(3, 9)))
            for _ in range(rng.randint(1, 3))
        ]
        name = " ".join(words)
        kind, prefix = KINDS[number % 3]
        registry.add(Entry(f"synthetic-{number}", kind, prefix, [name], name))
        invented.append(name)
    return registry, invented


def make_text(size: int, invented: list[str], seed: int = 1918) -> str:
    """Paragraphs of the bundled corpus, with an invented name every few sentences."""
    rng = random.Random(seed)
    paragraphs = []
    for source in sorted((REPO / "corpus" / "source").glob("*.txt")):
        blocks = source.read_text(encoding="utf-8").split("\n\n")
        paragraphs += [" ".join(b.split()) for b in blocks if len(b.strip()) > 200]
    pieces, length, i = [], 0, 0
    while length < size:
        paragraph = paragraphs[i % len(paragraphs)]
        sentences = paragraph.split(". ")
        for j in range(0, len(sentences), 3):
            sentences[j] += f", said {rng.choice(invented)}"
        # and a titled name no register knows, for the review list
        sentences[-1] += f", wrote Colonel {rng.choice(string.ascii_uppercase)}obrov"
        block = ". ".join(sentences)
        pieces.append(block)
        length += len(block) + 2
        i += 1
    return "\n\n".join(pieces)


from timing import median_seconds  # noqa: E402  (bench/ is on sys.path when run)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--forms", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    registry, invented = synthetic_registry(args.forms)
    total_forms = sum(len(e.names) for e in registry.of_kind("person", "org", "place"))
    text = make_text(int(args.size_mb * 1_000_000), invented)
    blocks = text.split("\n\n")
    print(f"register: {total_forms:,} name forms ({args.forms:,} synthetic)")
    print(f"input: {len(text.encode()):,} bytes, {len(blocks):,} blocks")

    def compile_fresh():
        compile_matcher(registry)

    build = median_seconds(compile_fresh, args.runs)
    automaton = registry.derived(compile_matcher).automaton
    found = find_names(text, registry)
    whole = median_seconds(lambda: find_names(text, registry), args.runs)
    per_block = median_seconds(lambda: [find_names(b, registry) for b in blocks], args.runs)
    scan = median_seconds(lambda: sum(1 for _ in automaton.iter(fold(text))), args.runs)
    unknown = sum(1 for m in found if m.ref is None)
    print(f"names found: {len(found):,} ({unknown:,} without a register entry)")
    print(f"compile automaton:           median {build:.3f} s")
    print(f"find_names, whole text:      median {whole:.3f} s")
    print(f"find_names, block by block:  median {per_block:.3f} s")
    print(f"peer: bare automaton scan:   median {scan:.3f} s  (checks cost {whole / scan:.1f}x)")

    try:
        from tei_tools.convert import convert_text
        from tei_tools.markup import enrich  # noqa: F401  (fails while a finder is missing)
    except ImportError as missing:
        print(f"convert_text: not timed ({missing})")
        return
    document = "A LONG DOCUMENT\n\n\n30 November 1917\n\n" + "\n\n".join("    " + b for b in blocks)
    convert_text(document[:2000], registry=registry)
    full = median_seconds(lambda: convert_text(document, registry=registry), args.runs)
    print(f"convert_text 1 MB, big reg.: median {full:.3f} s  (goal < 1 s)")


if __name__ == "__main__":
    main()
