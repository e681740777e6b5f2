"""Site-wide post-processing of built HTML pages (security headers in meta tags, links)."""
