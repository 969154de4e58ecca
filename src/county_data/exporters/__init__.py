"""Export formats: the Exporter record and the writers shipped with county_data."""
