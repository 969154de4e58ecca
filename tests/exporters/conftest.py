from __future__ import annotations

import pytest

from county_data.exporters.formats import ExportData


@pytest.fixture(scope="session")
def shangli_data() -> ExportData:
    """Shangli assembled once (built-in plugin only), as every exporter receives it."""
    from county_data.api import assemble_county
    from county_data.plugins.registry import load_registry

    assembled = assemble_county("shangli", registry=load_registry(entry_points=False))
    return ExportData(assembled.county, assembled.frames, assembled.files)
