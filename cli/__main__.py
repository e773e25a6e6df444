"""`python -m cli` is the `pathway` command."""

import sys

from cli.main import main

sys.exit(main())
