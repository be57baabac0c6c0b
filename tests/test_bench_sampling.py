"""The judging samples (bench/sample_entities.py, bench/sample_statements.py): seeded, and fair to documents."""

from collections import Counter

from bench.sample_entities import stratified


def test_a_sample_gives_each_document_a_fair_share_and_repeats_with_its_seed():
    by_doc = {f"doc{d}": [f"doc{d}-item{i}" for i in range(10 + d)] for d in range(20)}
    sample = stratified(by_doc, 80, seed=18)
    assert len(sample) == len(set(sample)) == 80
    assert set(Counter(doc for _, doc in sample).values()) == {4}
    assert all(item.startswith(doc) for item, doc in sample)
    assert stratified(by_doc, 80, seed=18) == sample
    assert stratified(by_doc, 80, seed=19) != sample


def test_a_small_document_gives_what_it_has():
    sample = stratified({"a": ["a1"], "b": ["b1", "b2", "b3"]}, 4, seed=1)
    assert sorted(item for item, _ in sample) == ["a1", "b1", "b2", "b3"]
