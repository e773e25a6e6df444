"""The five roles of issue 6 (no SQLAlchemy here: `pathway --help` should not load it)."""

ROLES = ("practitioner", "trainer", "adviser", "manager", "admin")
