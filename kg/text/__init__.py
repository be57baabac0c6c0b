"""Text helpers used by reading, extraction, resolution and the RDF mapping: cleaning, names, time."""
