"""Catalogue records for data portals: DCAT-AP 3 (Turtle) and schema.org Dataset (JSON-LD)."""
