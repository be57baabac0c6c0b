"""Resolution: merge mentions into entities, within and across documents."""

from .aliases import parse_aliases, read_aliases
from .link import Aliases, EntityTable, KnownEntity, link_entities, name_keys, type_family

__all__ = ["link_entities", "EntityTable", "KnownEntity", "Aliases", "read_aliases", "parse_aliases",
           "type_family", "name_keys"]
