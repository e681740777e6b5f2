"""Load: read the data files (data/*.yml) through the validator into plain model objects."""
