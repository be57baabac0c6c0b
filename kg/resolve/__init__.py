"""Resolution: merge mentions into entities, within and across documents."""

from .aliases import parse_aliases, read_aliases
from .groups import type_family
from .link import link_entities, name_keys

__all__ = ["link_entities", "read_aliases", "parse_aliases", "type_family", "name_keys"]
