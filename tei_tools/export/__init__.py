"""Writers from TEI: plain text, HTML (screen and print) and PDF.

Each format is one module (``text``, ``html``, ``pdf``); ``elements`` holds
what they share about TEI so that all of them show the same reading text.
"""
