"""The plugin manager: built-ins, entry points (with a fake distribution), objects, order."""

from __future__ import annotations

import importlib.metadata
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "plugins"))

import idlib_test_plugins as tp

from idlib_corpus import hookimpl
from idlib_corpus.errors import IdlibCorpusError, PluginError
from idlib_corpus.options import Options
from idlib_corpus.pipeline import Pipeline
from idlib_corpus.plugins import (
    BUILTIN_PLUGINS,
    DISABLE_AUTOLOAD_ENV,
    HOOK_ORDER,
    IdlibPluginManager,
    PluginLoadWarning,
    call_order,
    get_plugin_manager,
    list_plugins,
)

TEXT = "Leaders met at a summit in Sochi.\nTurkish troops entered Idlib on Thursday."
#: A real article with a headline the built-in metadata plugin recognises.
SEED = (Path(__file__).resolve().parents[1] / "seeds" / "002_21285f5f3d74523a.txt").read_text(
    encoding="utf-8"
)


class FakeDist:
    """Just what the manager reads of an ``importlib.metadata.Distribution``."""

    def __init__(self, name: str, version: str, *eps: tuple[str, str]) -> None:
        self.metadata = {"name": name}
        self.version = version
        self.entry_points = [
            importlib.metadata.EntryPoint(ep_name, value, "idlib_corpus") for ep_name, value in eps
        ] + [importlib.metadata.EntryPoint("unrelated", "os:path", "console_scripts")]


@pytest.fixture
def fake_dists(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Install fake distributions: ``fake_dists(FakeDist(...), ...)``."""
    monkeypatch.delenv(DISABLE_AUTOLOAD_ENV, raising=False)

    def install(*dists: FakeDist) -> None:
        monkeypatch.setattr(importlib.metadata, "distributions", lambda: list(dists))

    return install


def test_builtins_registered_under_stable_names() -> None:
    pm = get_plugin_manager(load_entrypoints=False)
    for name, module in BUILTIN_PLUGINS:
        assert pm.get_plugin(name).__name__ == module
        assert pm.origin(name)[0] == "builtin"


def test_entry_point_plugin_loaded_with_its_distribution(fake_dists) -> None:  # type: ignore[no-untyped-def]
    fake_dists(FakeDist("idlib-extra", "2.5", ("extra", "idlib_test_plugins:entry_point_plugin")))
    pm = get_plugin_manager()
    assert pm.get_plugin("extra") is tp.entry_point_plugin
    info = {p.name: p for p in list_plugins(pm)}["extra"]
    assert (info.distribution, info.version, info.kind) == ("idlib-extra", "2.5", "entrypoint")
    assert info.hooks == ("idlib_annotate",)
    # and it runs: its annotations reach the document
    result = Pipeline(options=Options()).parse(TEXT, id="t")
    assert result.ok


def test_entry_point_output_reaches_results(fake_dists) -> None:  # type: ignore[no-untyped-def]
    fake_dists(FakeDist("idlib-summit", "1.0", ("summits", "idlib_test_plugins:summit_plugin")))
    tp.summit_plugin = tp.SummitFinder("summits")  # type: ignore[attr-defined]
    try:
        result = Pipeline().parse(TEXT, id="t")
    finally:
        del tp.summit_plugin  # type: ignore[attr-defined]
    assert [m.kind.value for m in result.meetings] == ["summit"]
    assert result.meetings[0].evidence[0].slice(TEXT) == "Leaders met at a summit in Sochi."


def test_broken_entry_point_is_reported_and_left_out(fake_dists) -> None:  # type: ignore[no-untyped-def]
    fake_dists(
        FakeDist("idlib-broken", "0.1", ("broken", "idlib_no_such_module_xyz:plugin")),
        FakeDist("idlib-extra", "2.5", ("extra", "idlib_test_plugins:entry_point_plugin")),
    )
    with pytest.warns(PluginLoadWarning, match=r"'broken' \(from idlib-broken 0.1\).*"
                                               r"ModuleNotFoundError.*idlib_no_such_module_xyz"):
        pipe = Pipeline()
    assert not pipe.pm.has_plugin("broken")
    assert pipe.pm.has_plugin("extra")  # the good one after it still loads
    assert [p.name for p in pipe.pm.load_problems] == ["broken"]  # type: ignore[attr-defined]
    assert pipe.problems[0].plugin == "broken"
    assert pipe.parse(TEXT, id="t").ok  # the run goes on


def test_broken_entry_point_raises_in_strict_mode(fake_dists) -> None:  # type: ignore[no-untyped-def]
    fake_dists(FakeDist("idlib-broken", "0.1", ("broken", "idlib_no_such_module_xyz:plugin")))
    with pytest.raises(PluginError) as info:
        Pipeline(options=Options(strict=True))
    assert (info.value.plugin, info.value.hook) == ("broken", "load")


def test_entry_point_with_unknown_hook_is_left_out(fake_dists) -> None:  # type: ignore[no-untyped-def]
    tp.misspelt = tp.MisspeltHook("misspelt")  # type: ignore[attr-defined]
    fake_dists(FakeDist("idlib-typo", "1.0", ("typo", "idlib_test_plugins:misspelt")))
    try:
        with pytest.warns(PluginLoadWarning, match="idlib_anotate"):
            pm = get_plugin_manager()
    finally:
        del tp.misspelt  # type: ignore[attr-defined]
    assert not pm.has_plugin("typo")


def test_autoload_can_be_disabled_by_environment(fake_dists, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    fake_dists(FakeDist("idlib-extra", "2.5", ("extra", "idlib_test_plugins:entry_point_plugin")))
    monkeypatch.setenv(DISABLE_AUTOLOAD_ENV, "1")
    assert not get_plugin_manager().has_plugin("extra")
    monkeypatch.setenv(DISABLE_AUTOLOAD_ENV, "0")  # "0" means not disabled
    assert get_plugin_manager().has_plugin("extra")
    assert not get_plugin_manager(load_entrypoints=False).has_plugin("extra")


def test_blocked_names_are_not_registered(fake_dists) -> None:  # type: ignore[no-untyped-def]
    fake_dists(FakeDist("idlib-extra", "2.5", ("extra", "idlib_test_plugins:entry_point_plugin")))
    pm = get_plugin_manager(tp.WordAnnotator("mine", "x"),
                            blocked=["extra", "idlib_corpus.metadata", "mine"])
    names = {p.name for p in list_plugins(pm)}
    assert not names & {"extra", "idlib_corpus.metadata", "mine"}
    assert "idlib_corpus.actors" in names
    # blocking the built-in metadata plugin really removes its output
    r = Pipeline(options=Options(blocked=("idlib_corpus.metadata",))).parse(SEED, id="t")
    assert r.article.title is None
    assert Pipeline().parse(SEED, id="t").article.title is not None


def test_entry_points_register_in_name_order_whatever_the_path_order(fake_dists) -> None:  # type: ignore[no-untyped-def]
    a = FakeDist("idlib-a", "1", ("a", "idlib_test_plugins:entry_point_plugin"))
    b = FakeDist("idlib-b", "1", ("b", "idlib_test_plugins:entry_point_plugin"))
    fake_dists(b, a)
    # the same object under two names cannot register twice: the first (by name) wins
    with pytest.warns(PluginLoadWarning, match="'b'"):
        pm = get_plugin_manager()
    assert pm.has_plugin("a") and not pm.has_plugin("b")


def test_passed_object_with_misspelt_hook_is_a_clear_error() -> None:
    with pytest.raises(IdlibCorpusError, match=r"idlib_anotate.*known hooks"):
        get_plugin_manager(tp.MisspeltHook("typo"), load_entrypoints=False)


def test_passed_object_with_wrong_argument_name_is_a_clear_error() -> None:
    class BadArgs:
        @hookimpl
        def idlib_annotate(self, document):  # type: ignore[no-untyped-def]
            return None

    with pytest.raises(IdlibCorpusError, match="does not fit the hookspecs"):
        get_plugin_manager(BadArgs(), load_entrypoints=False)


def test_same_object_twice_is_a_clear_error() -> None:
    p = tp.WordAnnotator("twice", "x")
    with pytest.raises(IdlibCorpusError, match="'twice' cannot be registered"):
        get_plugin_manager(p, p, load_entrypoints=False)


def test_call_order_follows_tryfirst_trylast_then_name() -> None:
    pm = get_plugin_manager(
        tp.LastTitle("z-last", "L"), tp.FirstTitle("b-first", "B"),
        tp.FirstTitle("a-first", "A"), tp.Counter("m-plain"),
        load_entrypoints=False,
    )
    names = [i.plugin_name for i in call_order(pm, "idlib_article_metadata")]
    # built-in metadata plugin is trylast too; within a band, by name
    assert names == ["a-first", "b-first", "m-plain", "idlib_corpus.metadata", "z-last"]


def test_tryfirst_metadata_overrides_builtin_trylast_loses() -> None:
    pipe = Pipeline([tp.LastTitle("late", "LATE"), tp.FirstTitle("early", "EARLY")],
                    options=Options(load_entrypoints=False))
    assert pipe.parse(SEED, id="t").article.title == "EARLY"
    builtin = Pipeline(options=Options(load_entrypoints=False)).parse(SEED, id="t").article
    assert builtin.title is not None
    pipe = Pipeline([tp.LastTitle("late", "LATE")], options=Options(load_entrypoints=False))
    # both trylast: by name, the built-in "idlib_corpus.metadata" comes before "late"
    assert pipe.parse(SEED, id="t").article.title == builtin.title


@pytest.mark.parametrize("reverse", [False, True])
def test_output_does_not_depend_on_registration_order(reverse: bool) -> None:
    plugins = [
        tp.SummitFinder("s1", "summit"),
        tp.SummitFinder("s2", "troops", kind=tp.MeetingKind.VISIT),
        tp.ActorNamer("n1", "Sochi", "person:sochi-one", title="Mayor"),
        tp.ActorNamer("n2", "Sochi", "person:sochi-one", title="Governor"),
        tp.WordAnnotator("w1", "Idlib"),
        tp.WordAnnotator("w2", "Turkish"),
    ]
    baseline = Pipeline(plugins, options=Options(load_entrypoints=False)).parse(TEXT, id="t")
    shuffled = list(reversed(plugins)) if reverse else plugins[2:] + plugins[:2]
    again = Pipeline(shuffled, options=Options(load_entrypoints=False)).parse(TEXT, id="t")
    assert again == baseline
    assert [m.kind.value for m in baseline.meetings] == ["summit", "visit"]
    # same actor id from two plugins: merged; the title of the first by name (n1) wins
    (actor,) = [a for a in baseline.actors if a.id == "person:sochi-one"]
    assert actor.title == "Mayor"


def test_list_plugins_and_hook_order_constant() -> None:
    pm = get_plugin_manager(tp.Raising("r"), tp.SummitFinder("s"), load_entrypoints=False)
    infos = {p.name: p for p in list_plugins(pm)}
    assert infos["r"].hooks == ("idlib_annotate",)
    assert infos["r"].kind == "object"
    assert list(infos) == sorted(infos)
    hooks_in_spec = {name for name in dir(pm.hook) if name.startswith("idlib_")}
    assert set(HOOK_ORDER) == hooks_in_spec


def test_manager_type() -> None:
    assert isinstance(get_plugin_manager(load_entrypoints=False), IdlibPluginManager)
