"""``python -m newsledger``."""

from .cli import main

main()
