"""The national panel: every built county package combined into one Data Package (``combine.py``)."""
