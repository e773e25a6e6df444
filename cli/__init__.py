"""The `pathway` command, on top of every layer: it registers each subcommand (the catalogue's and
the rules' here, the training scenarios', the ruleset diff's, and the store's users and retention).

Nothing below imports it; `cli.main:main` is the console script and `python -m cli` runs it too.
"""
