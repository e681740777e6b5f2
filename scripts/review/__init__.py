"""Review: the check of a pull request: what it changes, whether the data is valid, and
whether its author may make it."""
