from rjdesk.cli import main

raise SystemExit(main())
