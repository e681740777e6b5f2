"""Validate: what is wrong in a parsed data file, each problem on its line (the schema and
the rules a schema cannot say)."""
