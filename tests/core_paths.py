"""Paths the core tests share."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHANGLI = ROOT / "src" / "county_data" / "counties" / "shangli"
METRICS_FILE = ROOT / "src" / "county_data" / "catalogue" / "core_metrics.yaml"
PACKAGE = ROOT / "datapackages" / "shangli"
REPORT_NAME = "000_785c74f41207e478.txt"
