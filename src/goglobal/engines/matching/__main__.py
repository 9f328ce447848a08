"""``python -m goglobal.engines.matching FILE [--json]`` (the same as ``goglobal match-eval``)."""

import sys

from goglobal.engines.matching.cli import main

if __name__ == "__main__":
    sys.exit(main())
