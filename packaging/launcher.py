"""Entry point of the frozen app: the same as `redactie` (PyInstaller needs a script, not a console entry)."""

import sys

from redactie.cli import main

if __name__ == "__main__":
    sys.exit(main())
