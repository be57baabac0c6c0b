"""Extraction: spaCy ``Doc`` → plain records (mentions and relations)."""

from .entities import ENTITY_LABELS, mentions, values
from .relations import relations

__all__ = ["mentions", "values", "relations", "extract", "ENTITY_LABELS"]


def extract(document, doc):
    """Extract the mentions and relations of one analysed document.

    Parameters
    ----------
    document : kg.model.Document
        The document that was analysed.
    doc : spacy.tokens.Doc
        Its spaCy analysis (``doc.text == document.text``).

    Returns
    -------
    kg.model.Extraction
    """
    from ..model import Extraction

    found = mentions(doc, doc_id=document.id)
    return Extraction(
        document=document,
        mentions=tuple(found),
        relations=tuple(relations(doc, doc_id=document.id, mentions=found)),
    )
