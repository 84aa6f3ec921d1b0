"""``python -m secretariat_rules``: the console script (:mod:`.cli.fast_exit`)."""

from .cli.fast_exit import console_main

console_main()
