"""The kg ontology (``kg.ttl``) and its companion data files, installed as ``kg.ontology``."""
