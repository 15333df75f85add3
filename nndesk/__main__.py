"""``python -m nndesk``: the same as the ``nndesk`` command."""

import sys

from nndesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
