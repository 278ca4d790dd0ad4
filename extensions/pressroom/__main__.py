"""``python -m pressroom`` runs the command line."""

import sys

from pressroom.cli import main

sys.exit(main())
