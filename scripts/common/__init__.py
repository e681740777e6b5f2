"""The shared base: strict YAML reading with positions, problems, Vietnamese text, dates,
Vietnam's clock, Markdown escaping and the JSON Schema pipeline. Imports nothing else of
scripts/; everything else may import it."""
