"""Training and rule review, above the rules: run scenarios through `rules.evaluate` and compare
them with their model answers (`runner`, `batch`), measure how far trainees agree (`agreement`),
and decide every scenario and saved case under two catalogues (`ruleset_diff`).

Reading and checking scenario files needs no rules and stays in `pathway.scenarios`.
"""
