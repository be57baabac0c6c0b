"""Places linked to GeoNames, and the names of one place made one node.

**Linking.** An entity that is a place (GPE, LOC) gets the GeoNames place its names stand for
(:attr:`kg.model.Entity.geonames`, written as ``owl:sameAs <https://sws.geonames.org/ID/>`` with its
country's ISO code) when every document naming it reads them as the same place. In a document,
a name stands for (:func:`choose`):

1. the only place of that name the document's other places support (:func:`document_context`:
   the countries and US states it names; a country supports its cities, but a US city only its
   state does, and the US supports its states): "Paris" beside "Texas" is Paris, Texas, and
   beside "the US" alone still Paris, France;
2. else, when none does, the broadest place of that name if it is the only one of its kind
   ("Georgia": the country), or the most populous city if it has ten times the people of the next
   ("Paris": Paris, France);
3. else nothing: "Paris" in a document that names both France and Texas stays unlinked.

The choice depends on the sets of names of each document only, so it is the same whatever the
order of the documents; ``kg remove`` links the remaining documents' names again with their
countries and states (:func:`is_context_name`). An entity already in the graph being added to keeps
the link it has.

**One node.** Names that the gazetteer knows as one continent, country or US state, whatever the
context (:func:`kg.lang.places.place_key`: "US", "U.S.", "United States", "America"), are one
group in a document (:func:`place_targets`, rule ``gazetteer``) and share a key across documents
(:func:`place_link_keys`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace

from ..lang.places import PLACE_KEY, Place, lookup, place_key
from ..model import Entity, Extraction, MergeRule
from ..vocab import AREA_LABELS

__all__ = [
    "choose",
    "document_context",
    "is_context_name",
    "link_places",
    "place_targets",
    "place_link_keys",
    "is_place_key",
    "DOMINANCE",
    "UNAIDED_CITY",
    "NAMESAKE_CITY",
]

#: How many times the people of the next city of the same name the most populous must have to be
#: chosen without context.
DOMINANCE = 10

#: A city of this many people is linked without a country or state of the text to support it.
UNAIDED_CITY = 1_000_000

#: A city this big makes a state or country of its name ambiguous ("Washington").
NAMESAKE_CITY = 100_000


def _context_codes(name: str) -> set[str]:
    """The codes a name adds to its document's context: a country's ("FR"), a US state's ("US", "US-TX")."""
    broad = [p for p in lookup(name) if p.kind in ("country", "state")]
    if len(broad) != 1:
        return set()
    place = broad[0]
    return {place.country or ""} | ({f"US-{place.region}"} if place.kind == "state" else set())


def is_context_name(name: str) -> bool:
    """Whether a name is one country or one US state (of those the gazetteer knows by that name),
    so that it tells which place the other names of its document are."""
    return bool(_context_codes(name))


def document_context(names: Iterable[str]) -> frozenset[str]:
    """The countries ("FR") and US states ("US-TX") a document's names name.

    >>> sorted(document_context(["Paris", "Texas", "Smith"]))
    ['US', 'US-TX']
    """
    return frozenset(set().union(set(), *(_context_codes(name) for name in names)) - {""})


def _supported(place: Place, context: frozenset[str]) -> bool:
    if place.kind == "continent":
        return False
    if place.kind in ("country", "state"):
        return place.country in context
    if place.country == "US":  # a city of the US is supported by its state: the US is named too often
        return f"US-{place.region}" in context
    return place.country in context


def choose(name: str, context: frozenset[str]) -> Place | None:
    """The place ``name`` stands for in a document of ``context`` (:func:`document_context`), or None.

    >>> choose("Paris", frozenset()).country, choose("Paris", frozenset({"US", "US-TX"})).region
    ('FR', 'TX')
    >>> choose("Paris", frozenset({"FR", "US", "US-TX"})) is None
    True
    """
    places = lookup(name)
    if not places:
        return None
    top = places[0]
    # A state or country that a sizeable city of its own shares its name with ("Washington", "New York") is the city
    # when the city is a big one; otherwise the text seldom says which, so neither is linked.
    namesakes = [p for p in places if p.kind == "city" and p.country == top.country and p.population >= NAMESAKE_CITY]
    if top.kind in ("country", "state") and namesakes:
        return namesakes[0] if namesakes[0].population >= UNAIDED_CITY else None
    supported = [p for p in places if _supported(p, context)]
    if supported:
        return supported[0] if len(supported) == 1 else None
    same_kind = [p for p in places if p.kind == top.kind]
    if top.kind == "city" and top.population < UNAIDED_CITY:
        return None  # a town no country or state of the text supports may be a word ("Mobile") or a namesake
    if len(same_kind) == 1:
        return top
    if top.kind == "city" and top.population >= DOMINANCE * max(same_kind[1].population, 1):
        return top
    return None


def link_places(
    entities: Mapping[str, Entity], extractions: Iterable[Extraction], key_of: Mapping[tuple[str, str], str]
) -> dict[str, Entity]:
    """``entities`` with the GeoNames place of each place entity that every document naming it
    reads as one place (see the module); ``key_of`` maps (document id, surface form) to the key
    of its entity."""
    chosen: dict[str, set[Place | None]] = defaultdict(set)
    for extraction in extractions:
        doc_id = extraction.document.id
        surfaces = {m.text for m in extraction.mentions}
        context = document_context(surfaces)
        for surface in sorted(surfaces):
            key = key_of.get((doc_id, surface))
            entity = entities.get(key) if key is not None else None
            if entity is None or entity.iri is not None or entity.type not in AREA_LABELS or not lookup(surface):
                continue
            chosen[entity.key].add(choose(surface, context))
    linked = dict(entities)
    for key, places in chosen.items():
        if len(places) == 1 and None not in places:
            place = next(iter(places))
            assert place is not None  # for the type checker: None was excluded above
            linked[key] = replace(entities[key], geonames=place.geonames, country_code=place.country)
    return linked


def place_targets(surface_of: Mapping[str, str], label_of: Mapping[str, str]) -> dict[str, tuple[str, MergeRule]]:
    """Name key → (the name key it joins, "gazetteer"): the place names of one document that the
    gazetteer knows as one place whatever the context ("US", "America" → "United States")."""
    by_place: dict[str, list[str]] = defaultdict(list)
    for key, surface in surface_of.items():
        found = place_key(surface) if label_of[key] in AREA_LABELS else None
        if found is not None:
            by_place[found].append(key)
    target: dict[str, tuple[str, MergeRule]] = {}
    for keys in by_place.values():
        # the root: a full name before a short form, then the longest, then the first alphabetically
        root = min(keys, key=lambda k: (" " not in surface_of[k], -len(surface_of[k]), surface_of[k]))
        target.update((k, (root, "gazetteer")) for k in keys if k != root)
    return target


def place_link_keys(names: Iterable[str]) -> set[str]:
    """The keys by which a group of ``names`` joins the groups of other documents that name the
    same place under another name (:func:`kg.lang.places.place_key`)."""
    return {key for key in (place_key(name) for name in names) if key is not None}


def is_place_key(key: str) -> bool:
    """Whether a group key is a place's (:func:`place_link_keys`), not a name's."""
    return key.startswith(PLACE_KEY)
