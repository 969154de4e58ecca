"""The catalogue: counties, metrics, units, and the YAML files they are read from."""
