"""Build a collection into a static edition site, incrementally and in parallel.

>>> from tei_tools.corpus import build
>>> result = build("corpus", "site", jobs=2)   # doctest: +SKIP
>>> result.exit_code, result.counts()           # doctest: +SKIP
(0, {'valid': 4, 'invalid': 0, 'unreadable': 0})

The steps: read the collection (:mod:`~tei_tools.corpus.collection`); hash
each input and reuse what the cache (:mod:`~tei_tools.corpus.cache`) says is
current; send the rest to an executor (:mod:`~tei_tools.corpus.executors`),
which runs :func:`~tei_tools.corpus.document.process_batch` and yields each
document's files and summary; write those as they arrive; then build the
collection pages (:mod:`~tei_tools.corpus.pages`) and the search index
(:mod:`~tei_tools.corpus.search`) from the summaries alone.

Every file is written atomically and only when its bytes changed; files a
previous build wrote that are no longer produced are removed, and nothing
else in the site folder is ever touched.  The manifest is written last, so
an interrupted build is simply redone where it left off.

A build owns only what it wrote: the manifest records every file with the
digest of the bytes written.  A file that is not in it, or whose bytes are no
longer those, is never replaced or deleted; it is reported as a conflict
(exit status 1) unless ``force`` takes it over.  One build at a time may write
a site (:mod:`~tei_tools.corpus.lock`); temporary files end in
``.tei-tools-tmp`` and whatever a killed build left of them is removed first.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from tei_tools.corpus.cache import (
    DEFAULT_CACHE_DIR,
    BuildCache,
    Journal,
    content_digest,
    document_key,
)
from tei_tools.corpus.citation import NUMBER_DIR
from tei_tools.corpus.collection import BuildSettings, Collection, read_collection
from tei_tools.corpus.document import DocumentResult, DocumentTask, process_batch
from tei_tools.corpus.facsimile import (
    jobs_current,
    queue_page_images,
    require_pillow_for,
    write_reduced,
    write_viewer_files,
)
from tei_tools.corpus.lock import LOCK_FILE, exclusive_lock
from tei_tools.errors import OutputConflictError, TeiToolsError, UnreadableEntryError, UsageError
from tei_tools.xml import TEMP_SUFFIX, read_input_bytes, write_atomic

log = logging.getLogger("tei_tools.corpus")

#: Called after each document is built: (documents done, documents to build, result).
Progress = Callable[[int, int, DocumentResult], None]

#: Documents per task sent to a worker: large enough to amortise the round trip,
#: small enough that the work spreads evenly over the workers.
MAX_BATCH = 16


@dataclass
class BuildResult:
    """What a build did: every document's outcome and what was (re)written."""

    site: Path
    documents: list[DocumentResult] = field(default_factory=list)
    built: int = 0  # documents processed in this run
    reused: int = 0  # documents whose cached outputs were current
    written: int = 0  # files written (changed or new)
    removed: int = 0  # stale files removed
    pages_rebuilt: bool = False
    search: str = "none"
    shadowed: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    #: files left alone because tei-tools did not write them (see ``force``)
    conflicts: list[OutputConflictError] = field(default_factory=list)
    #: temporary files of an earlier, interrupted build that were removed
    leftovers: int = 0
    #: entries of source/ and tei/ that could not be read (reported, never skipped)
    unreadable: list[UnreadableEntryError] = field(default_factory=list)
    #: what the build wants the user to know, one line each (a lock taken over)
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[DocumentResult]:
        return [d for d in self.documents if d.failed]

    @property
    def exit_code(self) -> int:
        """0 when every document is valid and every output written; 1 otherwise.

        2 when an entry of the collection could not be read at all, as for convert.
        """
        if self.unreadable:
            return 2
        return 1 if self.failed or self.conflicts else 0

    def counts(self) -> dict[str, int]:
        tally = {"valid": 0, "invalid": 0, "unreadable": 0}
        for document in self.documents:
            tally[document.status] = tally.get(document.status, 0) + 1
        return tally


def build(
    corpus_dir: str | Path,
    site_dir: str | Path,
    *,
    jobs: int | None = None,
    executor: str = "process",
    scheduler: str | None = None,
    quiet: bool = False,
    progress: Progress | None = None,
    search: str = "auto",
    pdf: bool | None = None,
    cache_dir: str | Path | None = None,
    force: bool = False,
) -> BuildResult:
    """Build ``corpus_dir`` into the static site ``site_dir``.

    ``jobs`` workers (default: the available cores) run the per-document work
    on the ``executor`` (``process``, or ``dask`` on the cluster at
    ``scheduler``).  ``search`` is ``auto`` (Pagefind when the ``search``
    extra is installed, else the built-in index), ``pagefind``, ``builtin`` or
    ``none``; ``pdf`` defaults to whether the ``pdf`` extra is installed.  The
    cache lives in ``SITE/.tei-tools-cache`` unless ``cache_dir`` says
    otherwise.  ``quiet`` silences the per-document log records.  A bad
    document never stops the build: it is reported in the result and on the
    validation page.  Files in ``site_dir`` that no build wrote are never
    replaced or deleted; they are listed in ``result.conflicts`` (exit status 1)
    unless ``force`` lets the build take them over.  A second build into the
    same site stops at once with :class:`~tei_tools.errors.BusyError`.
    """
    from tei_tools.corpus.executors import require_executor
    from tei_tools.corpus.search import choose_search

    started = time.perf_counter()
    collection = read_collection(corpus_dir)
    require_pillow_for(collection.folder)
    require_executor(executor)
    site = Path(site_dir)
    _refuse_site_inside_inputs(site, collection)
    mode = choose_search(search)
    settings = _effective_settings(collection, mode, pdf)
    with exclusive_lock(site / DEFAULT_CACHE_DIR / LOCK_FILE, what=str(site)) as left_by:
        leftovers = remove_temporaries(site)
        cache = BuildCache.load(Path(cache_dir) if cache_dir else site / DEFAULT_CACHE_DIR)
        writer = SiteWriter(site, cache.files, force=force, journal=cache.journal)
        result = BuildResult(
            site,
            search=mode,
            shadowed=collection.shadowed,
            leftovers=leftovers,
            unreadable=list(collection.unreadable),
        )
        if left_by is not None:
            result.notes.append(
                f"took over the lock of build {left_by}, which ended without finishing; "
                f"the files it wrote are kept and the site is completed"
            )
        _build_locked(
            collection, settings, cache, writer, result, jobs, executor, scheduler, quiet, progress
        )
    result.seconds = time.perf_counter() - started
    return result


def _build_locked(
    collection: Collection,
    settings: BuildSettings,
    cache: BuildCache,
    writer: SiteWriter,
    result: BuildResult,
    jobs: int | None,
    executor: str,
    scheduler: str | None,
    quiet: bool,
    progress: Progress | None,
) -> None:
    """The build proper, once the site is locked and cleared of leftovers."""
    from tei_tools.corpus.executors import make_executor
    from tei_tools.corpus.site_files import (
        finish_search,
        pagefind_state,
        update_pagers,
        write_collection_pages,
    )

    site, mode = result.site, result.search
    fingerprint = settings.fingerprint()
    results: dict[str, DocumentResult] = {}
    tasks: list[DocumentTask] = []
    for document in collection.documents:
        try:
            data = read_input_bytes(document.path)
        except TeiToolsError as exc:
            results[document.stem] = _unreadable(document, exc)
            continue
        decisions = _review_decisions(collection, document)
        page_images = _page_images_signature(document)
        key = document_key(data + decisions + page_images.encode(), fingerprint, document.kind)
        cached = cache.hit(document.stem, key, site)
        if cached is not None and not jobs_current(cached["record"].get("images", [])):
            cached = None  # a page image changed: the document and its copies are redone
        if cached is not None:
            results[document.stem] = DocumentResult.from_record(cached["record"])
            for name in cached["files"]:
                writer.keep(name)
            result.reused += 1
            continue
        tasks.append(
            DocumentTask(
                document.stem,
                document.kind,
                str(document.path),
                data,
                settings,
                decisions,
                page_images,
            )
        )

    new_documents: dict[str, dict] = {}
    pending_images: list[list[str]] = []  # page images whose web copies the site lacks
    if tasks:
        runner = make_executor(
            executor,
            jobs=jobs,
            scheduler=scheduler,
            timeout=BATCH_TIMEOUT,
            on_failure=_failed_batch,
        )
        try:
            for done, built in enumerate(_run(runner, tasks, jobs), start=1):
                names = sorted(built.files)
                for name in names:
                    writer.write(name, built.files[name])
                built.files = {}
                names += queue_page_images(writer, built.images, pending_images)
                new_documents[built.stem] = {"files": names}
                results[built.stem] = built
                result.built += 1
                _log_document(built, quiet)
                if progress is not None:
                    progress(done, len(tasks), built)
        finally:
            runner.close()

    result.documents = [results[stem] for stem in sorted(results)]
    from tei_tools.corpus.executors import default_jobs

    for message in write_reduced(writer, pending_images, jobs or default_jobs()):
        log.warning("%s", message)
    write_viewer_files(writer, result.documents)
    from tei_tools.corpus.document import edition_for
    from tei_tools.corpus.iiif import write_collection

    write_collection(writer, result.documents, edition_for(settings))
    _write_cmif(writer, collection, result.documents, site)
    cache.documents = _cache_records(collection, results, new_documents, cache, fingerprint, tasks)
    pages_key = _pages_key(result.documents, fingerprint, mode)
    search_state = pagefind_state(site, mode, result.built, len(result.documents), pages_key)
    if pages_key != cache.pages_key or result.built or not writer.pages_present(mode):
        write_collection_pages(writer, result.documents, settings, mode, search_state, cache.folder)
        _write_front_matter(writer, result.documents, settings)
        result.pages_rebuilt = True
    else:
        writer.keep_pages(mode)
    update_pagers(writer, result.documents, set(new_documents), cache.folder)
    result.removed = writer.remove_stale()
    if result.pages_rebuilt:
        finish_search(writer, mode, search_state, pages_key)
    cache.files = writer.files
    cache.pages_key = pages_key
    cache.save()
    result.written = writer.written
    result.conflicts = writer.conflicts


def _write_cmif(
    writer: SiteWriter, collection: Collection, documents: list[DocumentResult], site: Path
) -> None:
    """``cmif.xml`` beside the documents: the letters' correspondence facts (CMIF).

    Written when some letter names its sender or addressee; a collection whose
    settings lack what CMIF needs (publisher, licence, editor) is told so once.
    """
    from tei_tools.corpus.cmif import collection_cmif, site_letters
    from tei_tools.export.cmif import CMIF_FILE
    from tei_tools.xml import TEI_NS, serialize

    letters = site_letters(site, [d.stem for d in documents if not d.failed])
    if not any(tree.find(f".//{{{TEI_NS}}}correspDesc") is not None for _, tree in letters):
        return
    try:
        tree = collection_cmif(collection, letters)
    except TeiToolsError as error:
        log.warning("%s not written: %s", CMIF_FILE, error.message)
        return
    writer.write(CMIF_FILE, serialize(tree))


def _write_front_matter(writer: SiteWriter, documents: list[DocumentResult], settings) -> None:
    """The front-matter pages, ``cite.js`` and the number addresses (``n/NUMBER.html``);
    with a base URL, ``sitemap.xml`` and ``robots.txt``.

    Written with the other collection pages, when any of them is due: they
    are single passes over the summaries, and unchanged bytes are not rewritten.
    """
    from tei_tools.corpus.citation import CITE_SCRIPT, cite_script, number_pages
    from tei_tools.corpus.document import edition_for, profile_for, registry_for
    from tei_tools.corpus.front_matter import FrontMatterInput, front_matter_pages, sitemap_files

    writer.write(CITE_SCRIPT, cite_script())
    edition = edition_for(settings)
    given = FrontMatterInput(
        edition, profile_for(settings), registry_for(settings), settings.dual_dates_before
    )
    for name, data in front_matter_pages(documents, given).items():
        writer.write(name, data)
    summaries = [d.summary for d in documents if d.summary is not None]
    for name, data in (
        *number_pages(edition, summaries).items(),
        *sitemap_files(edition, summaries).items(),
    ):
        writer.write(name, data)


def remove_temporaries(site: Path) -> int:
    """Remove the temporary files and folders an interrupted run left in ``site``.

    They are recognised by their name (``*.tei-tools-tmp``, see
    :func:`tei_tools.xml.write_atomic`), so nothing else is touched; symbolic
    links are not followed.  Called under the site's lock, so no other build
    is writing them.
    """
    import shutil

    removed = 0
    if not site.is_dir():
        return 0
    for folder, subfolders, files in os.walk(site):
        for name in [n for n in subfolders if n.endswith(TEMP_SUFFIX)]:
            shutil.rmtree(os.path.join(folder, name))
            subfolders.remove(name)
            removed += 1
        for name in files:
            if name.endswith(TEMP_SUFFIX):
                os.unlink(os.path.join(folder, name))
                removed += 1
    return removed


#: Seconds a batch of documents may run in a worker process before it is stopped (and its
#: documents reported as not built): a document that hangs must not hang the build.
BATCH_TIMEOUT = 900.0


def _failed_batch(batch: list[DocumentTask], error: BaseException) -> list[DocumentResult]:
    """The documents of a batch whose worker was stopped or died: failed, the build goes on."""
    from tei_tools.corpus.document import failed_result

    return [failed_result(task, f"not built: {error}") for task in batch]


def _run(runner, tasks: list[DocumentTask], jobs: int | None) -> Iterator[DocumentResult]:
    from tei_tools.corpus.executors import default_jobs

    workers = jobs or default_jobs()
    size = max(1, min(MAX_BATCH, len(tasks) // (workers * 4) or 1))
    batches = [tasks[i : i + size] for i in range(0, len(tasks), size)]
    for batch_results in runner.map_unordered(process_batch, batches):
        yield from batch_results


def _page_images_signature(document) -> str:
    """A source's page images (``images/STEM/``) by listing and ``stat``: none is opened."""
    if document.kind != "source":
        return ""  # a TEI file names its images; the cached record's are checked instead
    from tei_tools.reading.page_images import page_images_signature

    return page_images_signature(document.path)


def _review_decisions(collection: Collection, document) -> bytes:
    """The bytes of the editors' decisions on a source document (empty when none).

    They are part of the document's cache key: a new decision rebuilds the
    document, and nothing else.
    """
    from tei_tools.markup.decisions.store import decisions_bytes

    if document.kind != "source":
        return b""
    return decisions_bytes(collection.folder, document.stem)


def pdf_available() -> bool:
    """Whether PDFs can be made here: WeasyPrint installed *and* its system libraries present.

    ``pip install weasyprint`` succeeds without Pango, and only the import
    fails; "auto" must then mean no PDFs, not a failed build.
    """
    from tei_tools.errors import MissingExtraError
    from tei_tools.export.pdf import require_weasyprint

    try:
        require_weasyprint()
    except MissingExtraError:
        return False
    return True


def _effective_settings(collection: Collection, mode: str, pdf: bool | None) -> BuildSettings:
    from tei_tools.corpus.document import profile_for

    settings = collection.settings
    if pdf is None:
        pdf = pdf_available()
    title = settings.title
    if not title:
        title = profile_for(settings).collection_title or collection.folder.resolve().name
    return replace(
        settings, title=title, pdf=bool(pdf), search_terms=mode in ("builtin", "pagefind")
    )


def _refuse_site_inside_inputs(site: Path, collection: Collection) -> None:
    """Refuse a site folder that is, contains or is inside ``source/`` or ``tei/``.

    The site gets ``tei/`` and ``text/`` folders of its own, so a site that is
    the collection folder itself (or any folder above it) would write over the
    hand-edited TEI.  ``-o CORPUS/site`` is fine.
    """
    resolved = site.resolve()
    for folder in (collection.folder / "source", collection.folder / "tei"):
        folder = folder.resolve()
        if resolved == folder or folder in resolved.parents:
            where = "is" if resolved == folder else "is inside"
            raise UsageError(
                f"the site folder {where} the collection's {folder.name}/ folder; "
                "choose another, e.g. -o CORPUS/site",
                file=str(site),
            )
        if resolved in folder.parents:
            raise UsageError(
                f"the site folder contains the collection's {folder.name}/ folder, whose files "
                "the site's own would replace; choose another, e.g. -o CORPUS/site",
                file=str(site),
            )


def _unreadable(document, exc: TeiToolsError) -> DocumentResult:
    problem: dict[str, object] = {
        "file": str(document.path),
        "line": exc.line,
        "column": exc.column,
        "severity": "fatal",
        "message": exc.message,
        "rule": "input",
    }
    return DocumentResult(
        document.stem, document.kind, str(document.path), "unreadable", None, [problem]
    )


def _log_document(built: DocumentResult, quiet: bool) -> None:
    if quiet:
        return
    if built.failed:
        first = built.problems[0] if built.problems else {}
        log.warning("%s: %s: %s", built.path, built.status, first.get("message", ""))
    else:
        log.info("%s: %s", built.path, built.status)


def _cache_records(
    collection, results, new_documents, cache: BuildCache, fingerprint, tasks
) -> dict:
    """The manifest's document part: the key, record and files of every document."""
    keys = {
        task.stem: document_key(
            task.data + task.decisions + task.page_images.encode(), fingerprint, task.kind
        )
        for task in tasks
    }
    records = {}
    for stem, document in results.items():
        if stem in new_documents:
            records[stem] = {"key": keys[stem], "record": document.record(), **new_documents[stem]}
        elif stem in cache.documents and stem not in keys:
            records[stem] = cache.documents[stem]
    return records


def _pages_key(documents: list[DocumentResult], fingerprint: str, mode: str) -> str:
    digest = hashlib.sha256(f"{fingerprint}\0{mode}".encode())
    for document in documents:
        # The fields the pages show, not record(): asdict() deep-copies every word list.
        summary = document.summary
        shown: tuple[object, ...] = (document.stem, document.status, document.problems)
        if summary is not None:
            shown += (summary.title, summary.when, summary.date_label, summary.julian)
            shown += (summary.refs, summary.citations, summary.terms)
            shown += (summary.resp, summary.changes, summary.editorial, summary.availability)
        digest.update(repr(shown).encode())
    return digest.hexdigest()


#: The collection pages every build writes (besides the search files).
COLLECTION_PAGES = (
    "site.css",
    "favicon.svg",
    "site.js",
    "cards.js",
    "index.html",
    "chronology.html",
    "persons.html",
    "orgs.html",
    "places.html",
    "bibliography.html",
    "validation.html",
    "search.html",
    # The front matter and the citation script (_write_front_matter).
    "about.html",
    "editorial.html",
    "licence.html",
    "credits.html",
    "changes.html",
    "cite.js",
)

#: Written only when the collection names a base_url: kept, not required, between builds.
SITEMAP_FILES = ("sitemap.xml", "robots.txt")


#: The manifest's digest for a folder a build made as a whole (Pagefind's index).
FOLDER_DIGEST = "folder"


class SiteWriter:
    """Writes site files atomically, only when their bytes changed, and removes stale ones.

    It replaces or deletes only files of the previous build's manifest whose
    bytes are still what was written; any other file is a conflict, left
    alone and reported (``force`` takes such files over).
    """

    def __init__(
        self,
        site: Path,
        previous: dict[str, str],
        *,
        force: bool = False,
        journal: Journal | None = None,
    ) -> None:
        self.site = site
        self.previous = previous
        self.force = force
        #: Files an interrupted build wrote after its last manifest (see :class:`Journal`).
        self.journal = journal
        self.files: dict[str, str] = {}
        self.written = 0
        self.conflicts: list[OutputConflictError] = []
        self.refused: set[str] = set()

    def write(self, name: str, data: bytes) -> None:
        digest = content_digest(data)
        target = self.site / name
        if self.previous.get(name) == digest and target.is_file():
            self.files[name] = digest
            return
        if not self._may_replace(name, target):
            return
        if self.journal is not None:
            self.journal.record(name, digest)  # before the file: a crash leaves it known
        write_atomic(target, data)
        self.files[name] = digest
        self.written += 1

    def _may_replace(self, name: str, target: Path) -> bool:
        """Whether ``target`` is absent, still the file a build wrote, or ``force`` is on.

        "A build" is this one too: a page written earlier in the same build (a
        document page whose previous/next links are filled in afterwards) is ours.
        """
        if not os.path.lexists(target) or self.force:
            return True
        ours = {self.files.get(name), self.previous.get(name)}
        if self.journal is not None:
            ours.add(self.journal.earlier.get(name))
        ours.discard(None)
        if target.is_file() and not target.is_symlink() and ours:
            if content_digest(target.read_bytes()) in ours:
                return True
            reason = "was changed since tei-tools wrote it"
        else:
            reason = "was not written by tei-tools"
        self.refused.add(name)
        self.conflicts.append(
            OutputConflictError(
                f"left alone: the file {reason} (--force replaces it)", file=str(target)
            )
        )
        return False

    def keep(self, name: str) -> None:
        """Carry a file of the previous build over unchanged."""
        if name in self.previous:
            self.files[name] = self.previous[name]

    def owns_folder(self, name: str) -> bool:
        if self.previous.get(name + "/") == FOLDER_DIGEST:
            return True
        # Manifests written before folders were recorded: a Pagefind index beside
        # a search page of ours is the one an earlier build installed.
        return (
            "search.html" in self.previous and (self.site / name / "pagefind-entry.json").is_file()
        )

    def claim_folder(self, name: str) -> bool:
        """Whether the folder ``name`` may be replaced as a whole (recording it as ours)."""
        target = self.site / name
        if self.owns_folder(name) or self.force or not os.path.lexists(target):
            self.files[name + "/"] = FOLDER_DIGEST
            return True
        self.conflicts.append(
            OutputConflictError(
                "left alone: the folder was not written by tei-tools (--force replaces it)",
                file=str(target),
            )
        )
        return False

    def _page_names(self, mode: str) -> list[str]:
        from tei_tools.corpus.search import PAGEFIND_DIR, builtin_files

        names = list(COLLECTION_PAGES)
        if mode in ("builtin", "pagefind"):
            names += builtin_files()
        if mode == "pagefind" and not (self.site / PAGEFIND_DIR).is_dir():
            names.append(PAGEFIND_DIR + "/missing")
        return names

    def pages_present(self, mode: str) -> bool:
        return all(
            name in self.previous and (self.site / name).is_file()
            for name in self._page_names(mode)
        )

    def keep_pages(self, mode: str) -> None:
        from tei_tools.corpus.search import PAGEFIND_DIR

        for name in (*self._page_names(mode), *SITEMAP_FILES):
            self.keep(name)
        for name in self.previous:
            if name.startswith(NUMBER_DIR + "/"):
                self.keep(name)  # the number addresses, written with the front matter
        if mode == "pagefind":
            self.keep(PAGEFIND_DIR + "/")

    def remove_stale(self) -> int:
        """Remove files the previous build wrote and this one did not; nothing else."""
        removed = 0
        for name in sorted(set(self.previous) - set(self.files) - self.refused):
            if self.previous[name] == FOLDER_DIGEST:
                continue  # a folder is removed by its own step (site_files.finish_search)
            target = self.site / name
            if target.is_file() and self._may_replace(name, target):
                target.unlink()
                removed += 1
        return removed
