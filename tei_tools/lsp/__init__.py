"""A language server for TEI: ``tei-tools lsp`` speaks LSP on standard input and output.

It puts tei-tools' validator in the editor: diagnostics as ``tei-tools
validate`` reports them (schema, pointers, dates), with ranges on the tag,
attribute or value; completion of elements, attributes, values and register
pointers from the grammar the document is checked against; hover with the
TEI Guidelines' glosses and the register entries pointers resolve to; go to
definition and references for pointers; quick fixes; the ``div`` outline.

The modules, from the bottom: :mod:`~tei_tools.lsp.text` (UTF-16 positions),
:mod:`~tei_tools.lsp.scanner` (tags of a buffer as typed),
:mod:`~tei_tools.lsp.document`, :mod:`~tei_tools.lsp.schema_model`,
:mod:`~tei_tools.lsp.registers`, then one module per feature, and
:mod:`~tei_tools.lsp.server` wiring them to pygls.
"""

from __future__ import annotations


def serve() -> int:
    """Run the language server on stdio (pygls is imported only now: it is an extra).

    Returns the exit status (see :func:`tei_tools.lsp.server.serve`).
    """
    from tei_tools.lsp.server import serve as run

    return run()
