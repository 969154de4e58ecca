"""Who makes and publishes the packages, and where they live: one place for every record that says so.

The descriptor, the exports, DCAT and JSON-LD all read these names; change the
homepage or contact here and every record follows on the next build.
"""

from __future__ import annotations

from county_data.catalogue.county import County

PUBLISHER = "county_data developers"
HOMEPAGE = "https://github.com/county-data/county_data"
CONTACT_EMAIL = "county-data@users.noreply.github.com"
#: Where ``datapackages/<slug>/`` is downloadable; DCAT download URLs are relative to it.
BASE_URL = f"{HOMEPAGE}/raw/main/datapackages/"


def package_url(county: County, base_url: str = BASE_URL) -> str:
    """The folder a county's package files are downloaded from (ends with '/')."""
    return f"{base_url.rstrip('/')}/{county.slug}/"


def package_id(county: County) -> str:
    """A stable, globally unique identifier: the package's place in the project."""
    return f"{HOMEPAGE}/tree/main/datapackages/{county.slug}"


def creator() -> dict[str, object]:
    """The project as Data Package v2 contributor: it made the data and publishes it; write to the email."""
    return {"title": PUBLISHER, "path": HOMEPAGE, "email": CONTACT_EMAIL, "roles": ["creator", "publisher", "contact"]}
