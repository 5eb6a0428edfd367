"""The version of tei-tools: the one source, at the ground of the package.

Every stage that writes it (the TEI header, the cache keys, the site's colophon, SARIF, the
language server) imports it from here, not from the package's top, which sits above them all.
``tei_tools.__version__`` is the same value, for users.
"""

__version__ = "0.1.0"
