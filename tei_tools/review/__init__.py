"""The editorial review application: ``tei-tools review CORPUS`` in the browser.

The decisions it records, their anchors and how they are applied live in
:mod:`tei_tools.markup.decisions` (``convert`` and ``build`` apply them without
this package), and are imported from there only.  Here: a review session over a
corpus (:mod:`.session`), the collection's own register files
(:mod:`.registers`), the document view's HTML (:mod:`.render`), the Starlette
application (:mod:`.app`) and its server (:mod:`.server`).  The web
dependencies are the ``review`` extra and are imported only by :mod:`.app`
and :mod:`.server`.
"""
