"""From a report to a county plugin: ``county-data new`` (``new.py``, ``render.py``, the
templates), the annotation entries it drafts (``annotations.py``) and the TODO markers it
leaves for a person (``todo.py``), which reading county.yaml or annotations.yaml refuses.

Nothing is imported here: the annotation and county readers import ``todo`` alone.
"""
