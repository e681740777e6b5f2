"""The JSON Schema pipeline: schema files read and compiled, data checked, errors explained
in Vietnamese on their line."""
