"""newsledger: a sourced ledger of who claims what, through whom, how sure and when, from news reports."""

from .errors import ConfigError, NewsledgerError, ReadError, StoreBusyError, StoreError
from .model import Article, Claim, Event, Extraction, Heading, Mention, Quantity, RemovedSpan, TimeExpr
from .pipeline import Options, run
from .readers import RawDocument, read_inputs
from .store import Store

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Claim",
    "ConfigError",
    "Event",
    "Extraction",
    "Heading",
    "Mention",
    "NewsledgerError",
    "Options",
    "Quantity",
    "RawDocument",
    "ReadError",
    "RemovedSpan",
    "Store",
    "StoreBusyError",
    "StoreError",
    "TimeExpr",
    "__version__",
    "read_inputs",
    "run",
]
