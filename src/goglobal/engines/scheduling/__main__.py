"""``python -m goglobal.engines.scheduling INSTANCE.json -o SCHEDULE.json``."""

import sys

from goglobal.engines.scheduling.cli import main

if __name__ == "__main__":
    sys.exit(main())
