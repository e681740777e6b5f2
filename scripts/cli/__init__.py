"""The command line: `python -m scripts.cli validate|diff|export`."""
