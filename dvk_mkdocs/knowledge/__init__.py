"""The knowledge base plugin: cited documents, glossary, guidance, calendar, Word templates."""
