"""From validated tables to a Frictionless data package on disk: schemas, descriptor, files, validation."""
