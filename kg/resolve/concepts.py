"""Concepts: the things relations name by a common noun phrase ("truce", "the east"), merged by label.

Two arguments name the same concept when their lemmatised labels normalise alike
(:func:`kg.text.names.normalise_name`: "Truce" and "truce"); the concept's one label is the
form written most often (ties: the alphabetically first), the others are its alternative labels.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..model import Extraction
from ..text.names import normalise_name

__all__ = ["Concept", "ConceptTable"]


@dataclass(frozen=True, slots=True)
class Concept:
    """One concept: its label and the other forms it was written in (sorted)."""

    label: str
    alt_labels: tuple[str, ...] = ()


class ConceptTable:
    """The concepts a set of extractions names, counted over all of them.

    >>> from kg.model import Argument, Document, Extraction, Relation
    >>> def said(label): return Relation("d", Argument("the side", "side", 0, 8), "reject",
    ...                                  Argument(label, label, 9, 14), "", 0, 14)
    >>> table = ConceptTable.from_extractions([Extraction(Document("d", ""), (), (said("Truce"), said("truce"),
    ...                                                                          said("truce")))])
    >>> list(table)
    [Concept(label='side', alt_labels=()), Concept(label='truce', alt_labels=('Truce',))]
    """

    def __init__(self) -> None:
        # normalised label -> label as lemmatised -> how often; dicts keep the order concepts were met in
        self._counts: dict[str, dict[str, int]] = {}

    @classmethod
    def from_extractions(cls, extractions: Iterable[Extraction]) -> ConceptTable:
        """The table of every concept the relations of ``extractions`` name."""
        table = cls()
        for extraction in extractions:
            table.add(extraction)
        return table

    def add(self, extraction: Extraction) -> None:
        """Count the concepts of one extraction: subjects, objects and attributions that are
        neither a named entity nor a reported clause."""
        for relation in extraction.relations:
            for argument in (relation.subject, relation.object, relation.attribution):
                if (
                    argument is not None
                    and not argument.clause
                    and argument.mention is None
                    and argument.via != "unresolved"  # a pronoun left unresolved names no concept
                ):
                    labels = self._counts.setdefault(normalise_name(argument.label), {})
                    labels[argument.label] = labels.get(argument.label, 0) + 1

    def __iter__(self) -> Iterator[Concept]:
        """The concepts, in the order they were first met."""
        for labels in self._counts.values():
            label = min(labels.items(), key=lambda item: (-item[1], item[0]))[0]
            yield Concept(label, tuple(sorted(set(labels) - {label})))

    def __len__(self) -> int:
        return len(self._counts)
