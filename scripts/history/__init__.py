"""History: the data file's versions read from git, and what each change did, in words."""
