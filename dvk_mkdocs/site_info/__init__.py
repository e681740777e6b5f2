"""The site's voice: who runs it, and the note about time every page carries."""
