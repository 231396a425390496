"""Exceptions raised by newsledger.

    NewsledgerError
    ├── ReadError        an input file could not be read or parsed (names the file and the reason)
    ├── StoreError       the store could not be opened, migrated or written
    │   └── StoreBusyError   another process holds the store's write lock
    └── ConfigError      a bad setting or option value

Library code raises these and never prints or exits; the CLI turns them into one-line messages.
"""

from __future__ import annotations


class NewsledgerError(Exception):
    """Base class of every error newsledger raises on purpose."""


class ReadError(NewsledgerError):
    """An input could not be read or parsed."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type[ReadError], tuple[str, str]]:
        # Errors travel between worker processes as results: pickle with both fields.
        return (type(self), (self.path, self.reason))


class StoreError(NewsledgerError):
    """The store could not be opened, migrated or written."""


class StoreBusyError(StoreError):
    """Another process is writing to the store."""


class ConfigError(NewsledgerError):
    """A setting or option has a bad value."""
