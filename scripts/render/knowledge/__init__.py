"""The knowledge base's pages: cited documents, glossary, calendar, Word templates, and
the links and tooltips added to every page."""
