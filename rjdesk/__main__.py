from rjdesk.launcher import main

raise SystemExit(main())
