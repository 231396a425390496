"""Stable ids."""

from __future__ import annotations

import hashlib
import unicodedata


def normalise_for_id(text: str) -> str:
    """NFC, whitespace collapsed: the same article read twice, or with other line endings, hashes alike."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def article_id(source_text: str, url: str | None = None) -> str:
    """16 hex digits of SHA-256 over the normalised text, plus the URL when one is known."""
    h = hashlib.sha256(normalise_for_id(source_text).encode("utf-8"))
    if url:
        h.update(b"\x00" + url.strip().encode("utf-8"))
    return h.hexdigest()[:16]
