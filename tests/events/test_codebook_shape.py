"""Shape of cameo.tsv and lexicon.yaml: complete, consistent, every code reachable."""

from __future__ import annotations

from importlib import resources

import yaml

from eventwire.events.codebook import PLOVER_TYPES, quad_class_of
from eventwire.events.lexicon import MODALS


def test_codebook_has_every_cameo_code(codebook):
    assert 300 <= len(codebook) <= 330
    for root in [f"{r:02d}" for r in range(1, 21)]:
        assert root in codebook


def test_every_code_is_consistent(codebook):
    for code, entry in codebook.codes.items():
        assert code[:2] in codebook, code
        assert entry.root == code[:2]
        if len(code) == 4:
            assert code[:3] in codebook, code
        assert -10.0 <= entry.goldstein <= 10.0
        assert entry.quad_class == quad_class_of(entry.root)
        assert entry.plover.type in PLOVER_TYPES, code
        assert entry.name
        assert entry.reach in ("lexicon", "parent")


def _lexicon_codes(lexicon) -> set[str]:
    codes = {s.code for s in lexicon.all_senses() if s.code != "drop"}  # "drop": no event
    for table in lexicon.modal_maps.values():
        codes.update(v for v in table.values() if v not in ("keep", "drop"))
    return codes


def test_every_code_is_reachable(codebook, lexicon):
    reachable = _lexicon_codes(lexicon)
    for code, entry in codebook.codes.items():
        if entry.reach == "lexicon":
            assert code in reachable, f"{code} marked lexicon but no pattern yields it"
        else:
            assert code not in reachable, f"{code} is yielded by a pattern: mark it 'lexicon'"


def test_lexicon_codes_exist_and_cover_roots(codebook, lexicon):
    codes = _lexicon_codes(lexicon)
    assert codes <= set(codebook.codes)
    assert {c[:2] for c in codes} == {f"{r:02d}" for r in range(1, 21)}
    assert len(codes) >= 200


def test_lexicon_senses_are_well_formed(lexicon):
    ids = [s.id for s in lexicon.all_senses()]
    assert len(ids) == len(set(ids)), "rule ids must be unique"
    for sense in lexicon.all_senses():
        assert 0 < sense.weight <= 1
        assert sense.modal in (None, *MODALS)
        assert sense.lemma == sense.lemma.lower()
        words = sense.to | sense.obj | sense.light | sense.not_obj
        assert all(isinstance(w, str) for w in words), f"{sense.id}: quote YAML words like 'on'"
    for table in lexicon.modal_maps.values():
        assert "default" in table
    for name in ("light_verbs", "speech_verbs", "intent_governors", "conditional_marks"):
        assert all(isinstance(w, str) for w in getattr(lexicon, name)), name
    assert all(isinstance(w, str) for preps in lexicon.target_preps.values() for w in preps)


def test_lexicon_yaml_has_no_duplicate_lemmas():
    text = resources.files("eventwire.events").joinpath("lexicon.yaml").read_text("utf-8")

    class Strict(yaml.SafeLoader):
        pass

    def no_dupes(loader, node, deep=False):
        keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
        dupes = {k for k in keys if keys.count(k) > 1}
        assert not dupes, f"duplicate keys {dupes}"
        return loader.construct_mapping(node, deep)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, no_dupes)
    data = yaml.load(text, Loader=Strict)
    assert set(data) >= {"verbs", "nouns", "modal_maps", "target_preps", "light_verbs"}
