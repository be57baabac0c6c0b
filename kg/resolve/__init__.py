"""Resolution: merge mentions into entities, within and across documents."""

from .aliases import parse_aliases, read_aliases
from .link import link_entities

__all__ = ["link_entities", "read_aliases", "parse_aliases"]
