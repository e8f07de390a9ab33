"""The compiled search's on-disk cache goes stale with any matcher module, not only its own."""

import shutil

from matcher import compiled, fit, relevance, search


def test_every_compiled_function_is_stamped_with_the_whole_package():
    for function in (search._search, fit.soft_factor, relevance.relevance):
        locator = function._cache._impl._locator
        assert isinstance(locator, compiled._PackageStamped)
        assert locator.get_source_stamp()[1] == compiled.package_stamp()


def test_a_weight_changed_in_another_module_changes_the_stamp(tmp_path, monkeypatch):
    for path in compiled.HERE.glob("*.py"):
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.setattr(compiled, "HERE", tmp_path)
    compiled.package_stamp.cache_clear()
    before = compiled.package_stamp()
    weights = tmp_path / "relevance.py"
    weights.write_text(weights.read_text().replace("IN_FIELD = ", "IN_FIELD = 1 + "))
    compiled.package_stamp.cache_clear()
    try:
        assert compiled.package_stamp() != before
    finally:
        monkeypatch.undo()
        compiled.package_stamp.cache_clear()
