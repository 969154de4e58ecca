"""Frozen source texts: report bytes to text, checksums and sections."""
