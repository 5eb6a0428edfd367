"""Converting many files at once: the batch behind ``tei-tools convert``, with one error policy.

Each file is converted with what its collection says about it: the
collection's profile (``tei-tools.toml``), its own registers
(``registers/*.xml``) after any given ones, its editors' decisions
(``review/STEM.toml``, found as ``build`` finds them) and its page images.

The error policy, the same for every caller:

* one file: its error is raised (:class:`~tei_tools.errors.TeiToolsError`);
* several files: a file that fails is kept with its message and the batch
  goes on; the batch's exit status is the highest exit code among the
  failures (2 when an entry could not be read at all);
* an output that cannot be written stops the batch (a
  :class:`~tei_tools.errors.UsageError` naming the output), since every
  later output would most likely fail the same way.

The batch reads and writes through the functions it is given, so the CLI
keeps ``-`` for stdin and stdout and the library stays free of terminals.

>>> from lxml import etree
>>> written = {}
>>> batch = ConvertBatch()
>>> outcomes = list(batch.run(
...     [("a.txt", "a.xml"), ("b.txt", "b.xml")],
...     read=lambda source: {"a.txt": b"A TITLE\\n\\n    Text.\\n", "b.txt": b""}[source],
...     write=lambda target, conversion: written.setdefault(target, conversion),
... ))
>>> sorted(written), batch.summary.failed, batch.summary.status
(['a.xml'], [('b.txt', 'empty file: there is no text to convert')], 1)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from tei_tools.convert import Conversion, convert
from tei_tools.errors import MissingExtraError, TeiToolsError, UsageError
from tei_tools.findings import Finding
from tei_tools.reading.profiles import Profile, load_profile, profile_for_file
from tei_tools.reading.source import decode_text

if TYPE_CHECKING:
    from tei_tools.markup.registers import Registry

Source = TypeVar("Source")
Target = TypeVar("Target")

#: From this many characters on, a document's paragraphs are set aside as they are made
#: (``convert(..., set_aside=True)``): its tree would cost some 8.6 times the input.
SET_ASIDE_FROM = 1_000_000


@dataclass(frozen=True)
class Outcome:
    """What became of one file of a batch: its conversion, or the error it failed with.

    The conversion is written already; a large one's tree holds placeholders for the
    paragraphs it set aside (:attr:`~tei_tools.convert.Conversion.spool`, closed by then).
    """

    name: str
    conversion: Conversion | None = None
    error: TeiToolsError | None = None

    def warnings(self) -> list[str]:
        """One line per review decision that could not be applied."""
        review = self.conversion.review if self.conversion else None
        return review.messages(self.name) if review else []


@dataclass
class BatchSummary:
    """How a batch went: files converted, files failed (name, message), the findings."""

    converted: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    #: The highest exit code among the failures (1 at least when any file failed).
    worst: int = 1

    @property
    def status(self) -> int:
        """The batch's exit status: 0 when every file converted."""
        return self.worst if self.failed else 0


class ConvertBatch(Generic[Source, Target]):
    """Converts files one after the other with the policy of this module.

    ``profile`` replaces a collection's layout (as ``--profile`` does), not its
    header facts; ``registers`` are read after the shipped registers and
    before a collection's own.  A document of ``set_aside_from`` characters
    or more is written from a tree without its paragraphs (:mod:`tei_tools.tei.spool`).
    """

    def __init__(
        self,
        *,
        encoding: str = "utf-8",
        profile: Profile | None = None,
        registers: Sequence[Path] = (),
        markup: bool = True,
        set_aside_from: int = SET_ASIDE_FROM,
    ) -> None:
        self.encoding = encoding
        self.set_aside_from = set_aside_from
        self.profile = profile
        self.registers = tuple(registers)
        self.markup = markup
        self.summary = BatchSummary()
        # Read once per batch: a folder of a collection compiles its name matcher once.
        self._registries: dict[Path | None, Registry | None] = {}

    def run(
        self,
        jobs: Sequence[tuple[Source, Target]],
        *,
        read: Callable[[Source], bytes],
        write: Callable[[Target, Conversion], None],
        name: Callable[[Source], str] = str,
    ) -> Iterator[Outcome]:
        """Convert each ``(source, target)`` pair, yielding each file's outcome as it is done.

        ``write`` writes a conversion (:meth:`~tei_tools.convert.Conversion.write`) once;
        its set-aside paragraphs are let go after it.
        """
        self._require_extras(jobs)
        for source, target in jobs:
            label = name(source)
            try:
                conversion = self.convert(read(source), label, source)
                try:
                    write(target, conversion)
                finally:
                    conversion.close()
            except TeiToolsError as error:
                if len(jobs) == 1:
                    raise
                self.summary.failed.append((label, error.message))
                self.summary.worst = max(self.summary.worst, error.exit_code)
                yield Outcome(label, error=error)
                continue
            except OSError as error:
                raise UsageError(f"cannot write {target}: {error.strerror or error}") from None
            self.summary.converted += 1
            self.summary.findings.extend(conversion.findings)
            yield Outcome(label, conversion)

    @staticmethod
    def _require_extras(jobs: Sequence[tuple[Source, Target]]) -> None:
        """Stop before the first file when any file has page images and Pillow is missing
        (one line for the batch, not one failure per file)."""
        from tei_tools.reading.page_images import find_page_images

        if any(isinstance(source, Path) and find_page_images(source) for source, _ in jobs):
            MissingExtraError.unless_importable("PIL", "reading page images", "facsimile", "Pillow")

    def convert(self, data: bytes, name: str, source: object = None) -> Conversion:
        """One file's bytes, converted with what its collection (if ``source`` is a path) says."""
        from tei_tools.markup.decisions.store import decisions_for, reviewed_collection
        from tei_tools.reading.page_images import find_page_images

        path = source if isinstance(source, Path) else None
        collection = reviewed_collection(path) if path is not None and self.markup else None
        text = decode_text(data, encoding=self.encoding, source=name)
        del data  # the bytes are not needed once decoded (a copy of the input, issue 26)
        return convert(
            text,
            source_name=name,
            profile=self.profile_of(path),
            registry=self._registry(collection),
            markup=self.markup,
            decisions=decisions_for(collection, path.stem) if collection and path else None,
            page_images=find_page_images(path) if path is not None else None,
            set_aside=len(text) >= self.set_aside_from,
        )

    def profile_of(self, path: Path | None) -> Profile:
        """The profile a file is converted with: its collection's, the given layout over it."""
        found = profile_for_file(path, self.profile) if path is not None else None
        return found or self.profile or load_profile("generic")

    def _registry(self, collection: Path | None) -> Registry | None:
        """The given registers, then the collection's own; None for the shipped ones alone."""
        if collection not in self._registries:
            from tei_tools.markup.decisions.store import collection_register_files

            files = [*self.registers]
            if collection is not None:
                files += collection_register_files(collection)
            registry = None
            if files and self.markup:
                from tei_tools.markup.registers import load_registry

                registry = load_registry(files)
            self._registries[collection] = registry
        return self._registries[collection]


__all__ = ["SET_ASIDE_FROM", "BatchSummary", "ConvertBatch", "Outcome"]
