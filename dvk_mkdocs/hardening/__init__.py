"""The hardening plugin: what every page of the site gets once the content is made."""
