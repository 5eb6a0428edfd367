"""Benchmark: the review application on a 1 MB document.

Serves a corpus holding one 1 MB transcription (the same text as
``bench/convert.py``) with the real server (uvicorn on 127.0.0.1) and measures
over HTTP, as the browser sees it:

- opening the document's review page: as ``tei-tools review`` serves it
  (the documents are converted and drawn in the background at start), again,
  and without that preparation (the first request converts);
- recording a decision (accept, each time on another mark): the answer
  includes the redrawn paragraph;

and, as the peer measured in the same run, a plain ``convert`` of the same
text.  Goals (issue 12): the page opens in under 1 s, a decision answers in
under 100 ms.

    python bench/review.py [--size-mb 1.0] [--runs 5] [--decisions 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import httpx  # noqa: E402
from convert import make_text  # noqa: E402  (bench/ is on sys.path when run)
from timing import median_seconds  # noqa: E402

from tei_tools.convert import convert_text  # noqa: E402
from tei_tools.review.app import TOKEN_HEADER  # noqa: E402
from tei_tools.review.server import serving_in_thread  # noqa: E402
from tei_tools.review.session import ReviewSession  # noqa: E402
from tei_tools.xml import serialize  # noqa: E402

TOKEN = "bench-token"
STEM = "1918-01-01_long"


def open_page(base: str, cookies: httpx.Cookies) -> float:
    start = time.perf_counter()
    response = httpx.get(f"{base}/doc/{STEM}", cookies=cookies, timeout=60)
    elapsed = time.perf_counter() - start
    response.raise_for_status()
    return elapsed


def login(base: str) -> httpx.Cookies:
    response = httpx.get(f"{base}/?token={TOKEN}", follow_redirects=False, timeout=60)
    return response.cookies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--decisions", type=int, default=20)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    text = make_text(int(args.size_mb * 1_000_000))
    print(f"input: {len(text.encode()):,} bytes")
    convert_text("WARM UP\n\n5 March 1918\n\n    Trotsky.\n")

    with tempfile.TemporaryDirectory(prefix="tei-tools-bench-review-") as folder:
        corpus = Path(folder)
        (corpus / "source").mkdir()
        (corpus / "source" / f"{STEM}.txt").write_text(text, encoding="utf-8")

        cold_times, prepared_times, warm_times = [], [], []
        for _ in range(args.runs):
            session = ReviewSession(corpus, editor="bench")
            with serving_in_thread(session, TOKEN) as base:
                cookies = login(base)
                cold_times.append(open_page(base, cookies))
                warm_times.append(open_page(base, cookies))
            # As `tei-tools review` runs: the documents are prepared in the background at start.
            session = ReviewSession(corpus, editor="bench")
            session.prepare()
            with serving_in_thread(session, TOKEN) as base:
                prepared_times.append(open_page(base, login(base)))
        cold, warm = statistics.median(cold_times), statistics.median(warm_times)
        prepared = statistics.median(prepared_times)

        session = ReviewSession(corpus, editor="bench")
        with serving_in_thread(session, TOKEN) as base:
            cookies = login(base)
            open_page(base, cookies)
            state = session.document(STEM)
            size = len(state.current.getroot().findall(".//{*}persName"))
            marks = [
                (m.start, m.end)
                for block in state.current_stream.blocks[: args.decisions * 4]
                for m in state.current_stream.inside(block)[1]
                if m.element.tag.endswith(("persName", "placeName", "orgName"))
            ][: args.decisions]
            version = state.decisions.version
            headers = {TOKEN_HEADER: TOKEN, "origin": base}
            decision_times = []
            with httpx.Client(cookies=cookies, headers=headers, timeout=60) as client:
                for start, end in marks:
                    body = {"version": version, "action": "accept", "start": start, "end": end}
                    began = time.perf_counter()
                    answer = client.post(f"{base}/api/doc/{STEM}/decide", json=body)
                    decision_times.append(time.perf_counter() - began)
                    answer.raise_for_status()
                    version = answer.json()["version"]
        decide = statistics.median(decision_times)

    peer = median_seconds(lambda: serialize(convert_text(text)), args.runs)
    print(f"document: {len(state.current_stream.blocks):,} blocks, {size:,} persName marks")
    print(f"review page, prepared at start:      median {prepared:.3f} s  (goal < 1 s)")
    print(f"review page, opened again:           median {warm:.3f} s  (goal < 1 s)")
    print(f"review page, not prepared (converts): median {cold:.3f} s")
    print(
        f"record a decision (HTTP round trip): median {decide * 1000:.1f} ms over {len(decision_times)}  (goal < 100 ms)"
    )
    print(
        f"peer: plain convert of the same text: median {peer:.3f} s  (first open costs {cold / peer:.2f}x a convert)"
    )


if __name__ == "__main__":
    main()
