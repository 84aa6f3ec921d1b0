"""``python -m secretariat_rules``."""

from .cli import main

main()
