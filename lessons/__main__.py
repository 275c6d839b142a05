"""``python -m lessons`` runs the ``lessons`` command."""

import sys

from lessons.cli import main

sys.exit(main())
