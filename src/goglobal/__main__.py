from goglobal.cli import main

raise SystemExit(main())
