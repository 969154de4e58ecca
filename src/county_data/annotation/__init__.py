"""Curated annotations: YAML to entries, and every check of them against texts and catalogue."""
