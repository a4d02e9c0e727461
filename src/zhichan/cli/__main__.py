"""``python -m zhichan.cli``."""

from zhichan.cli import main

main()
