"""The one safe parser and atomic writing."""

from __future__ import annotations

import os
import stat

import pytest

from tei_tools.errors import HostileXMLError, InputError, NotWellFormedError
from tei_tools.xml import parse_xml_bytes, write_atomic


def test_atomic_write_replaces_a_file_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "out.xml"
    target.write_text("old", encoding="utf-8")
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xml"]


def test_writing_to_a_device_writes_into_it_instead_of_replacing_it():
    write_atomic(os.devnull, b"discarded")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_writing_to_a_fifo_keeps_the_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_atomic(fifo, b"through the pipe")
        assert os.read(reader, 100) == b"through the pipe"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        (b"", InputError, "empty file"),
        (b"<a><b></a>", NotWellFormedError, "not well-formed"),
        (
            b'<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
            HostileXMLError,
            "external entity",
        ),
        (
            b'<!DOCTYPE a SYSTEM "http://example.org/a.dtd"><a/>',
            HostileXMLError,
            "network",
        ),
    ],
)
def test_bad_xml_is_refused_with_its_reason(data, error, message):
    with pytest.raises(error, match=message):
        parse_xml_bytes(data, source="x.xml")


def test_tree_written_to_a_file_has_the_bytes_serialize_gives(tmp_path):
    from lxml import etree

    from tei_tools.xml import serialize, write_tree_atomic

    tree = etree.ElementTree(etree.fromstring("<a><b>x</b><c>ä <d/> y</c></a>"))
    write_tree_atomic(tmp_path / "out.xml", tree)
    assert (tmp_path / "out.xml").read_bytes() == serialize(tree)
    assert [p.name for p in tmp_path.iterdir()] == ["out.xml"]
