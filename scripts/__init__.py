"""The project's Python core: data loading, validation, status and rendering. No MkDocs here."""
