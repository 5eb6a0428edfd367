"""Write docs/problems.md from tei_tools/data/problems/kinds.toml.

Run: ``python scripts/make_problem_docs.py`` (``--check`` exits 1 when the page is stale).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAGE = REPO / "docs" / "problems.md"

INTRO = """# Problem kinds

<!-- Written by scripts/make_problem_docs.py from tei_tools/data/problems/kinds.toml; edit that file. -->

Every problem `tei-tools validate` reports carries a stable **code**, its kind, besides its message.
Tools act on the code and the other fields, never on the message's wording, which may improve from
release to release:

| field | what |
|---|---|
| `code` | the kind, one of the codes below (SARIF `ruleId`, the language server's diagnostic `code`, JUnit's failure `type`) |
| `rule` | the checker: `rng`, `xsd`, `schematron`, `pointer`, `date`, `xinclude`, `dtd`, `xml`, `hostile`, `input`, `schema`, `internal` (SARIF `properties.check`) |
| `file`, `line`, `column` | where; the column is where Jing puts it: the end of the start tag, the end tag of an incomplete element, the end of stray text |
| `path` | the element, as `/TEI/text/body/div[2]/p[3]` (SARIF `logicalLocations`) |
| `attribute`, `value` | the attribute at fault and its value, or the stray text's first words |
| `expected` | the names that may stand there, or the values a closed list allows |
| `suggestion` | a did-you-mean: the allowed name or `#id` nearest to what was written |
| `severity` | `error`, `warning` or `fatal` (the file could not be read) |

"""


def render() -> str:
    sys.path.insert(0, str(REPO))
    from tei_tools.validate.problem_kinds import problem_kinds

    lines = [INTRO.rstrip("\n"), ""]
    check = None
    for kind in problem_kinds().values():
        if kind.check != check:
            check = kind.check
            lines += [f"## Checker `{check}`", ""]
        lines += [
            f"### `{kind.code}`",
            "",
            kind.summary + ".",
            "",
            "```text",
            kind.example,
            "```",
            "",
        ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the page is stale")
    args = parser.parse_args()
    text = render()
    if args.check:
        return 0 if PAGE.read_text(encoding="utf-8") == text else 1
    PAGE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
