"""Per-article extractors: pure functions over a parsed spaCy ``Doc``."""

from .claims import extract_claims
from .entities import extract_entities
from .events import extract_events
from .quantities import extract_quantities
from .times import extract_times

__all__ = ["extract_claims", "extract_entities", "extract_events", "extract_quantities", "extract_times"]
