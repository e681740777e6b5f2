"""Tracker for the "Dân vận khéo" plan: load → validate → compute status → render."""
