"""``python -m rjdesk_hub``: the same as ``rjdesk-hub``."""

import sys

from rjdesk_hub.cli import main

sys.exit(main())
