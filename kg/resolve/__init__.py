"""Resolution: merge mentions into entities, within and across documents."""

from .link import EntityTable, link_entities
from .normalise import normalise_name

__all__ = ["link_entities", "EntityTable", "normalise_name"]
