"""Which analysis an article's stored results come from (its own module: the command line's reads ask
for it without loading the data types)."""

from __future__ import annotations

ANALYSIS_VERSION = 1
"""Which analysis (entities, sentences, quotes) an article's stored results come from; older ones (0:
before quotes) are brought up to date by ``reanalyze``."""
