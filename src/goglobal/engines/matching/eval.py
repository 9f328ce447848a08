"""``python -m goglobal.engines.matching.eval FILE [--json]``: the ``match-eval`` command."""

import sys

from goglobal.engines.matching.cli import main

if __name__ == "__main__":
    sys.exit(main())
