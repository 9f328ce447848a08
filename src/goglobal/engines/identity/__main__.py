"""``python -m goglobal.engines.identity FILE [--json]`` runs ``identity-eval``."""

from goglobal.engines.identity.cli import main

raise SystemExit(main())
