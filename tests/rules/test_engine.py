"""durable-rules' sharp edges, each measured here and designed around (rules/engine.py)."""

from __future__ import annotations

import random
import threading

import durable_rules_engine
import pytest
from durable.lang import m, when_all

from pathway import load_catalogue
from rules import RulesError, engine, evaluate
from tests.conftest import make_case

FAULTY = "test_faulty_ruleset"


def _define_faulty(emit):
    @when_all(m.kind == "boom")
    def boom(c):
        raise ValueError("a defect in an action")

    @when_all(m.kind == "fine")
    def fine(c):
        emit(c.s.sid, {"ok": True})

    @when_all((m.kind == "echo") & (m.size > 0))
    def echo(c):
        emit(c.s.sid, {"payload": c.m.payload, "size": c.m.size})


engine.register(FAULTY, _define_faulty)  # once per process; register() is idempotent


def _random_case(rng, catalogue, size=15):
    pool = [i.id for i in catalogue.indicators if not i.age_band and catalogue.admits(i, False, 0)]
    return make_case(rng.sample(pool, size), caf=rng.choice(["none", "open_improving", "open_not_improving"]))


def test_five_thousand_evaluations_in_one_process_leave_no_state_behind():
    """Past 1024 live states durable-rules raises MemoryError: each evaluation must delete its own."""
    case = make_case(["additional.lack_routine", "extensive.children_who_go_missing"])
    first = evaluate(case)
    for _ in range(5000):
        assert evaluate(case).level == first.level
    # nor its findings list, kept by state while it runs (mutation run, 2026-12-01: never removing
    # them, a leak in a long-running server, went unnoticed)
    assert engine._COLLECTED == {}


def test_threads_evaluating_at_once_get_the_same_answers_as_one_thread():
    catalogue = load_catalogue()
    rng = random.Random(7)
    cases = [_random_case(rng, catalogue) for _ in range(40)]
    expected = [evaluate(c) for c in cases]
    results: dict[int, list] = {}
    errors = []

    def worker(n):
        try:
            results[n] = [evaluate(c) for c in cases for _ in range(3)]
        except Exception as exc:  # pragma: no cover - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    for n in range(8):
        assert results[n] == [e for e in expected for _ in range(3)]


def test_registering_a_ruleset_again_is_a_no_op():
    engine.register(FAULTY, _define_faulty)
    assert engine.run(FAULTY, [{"kind": "fine"}]) == [{"ok": True}]


def test_an_exception_inside_an_action_is_raised_not_returned():
    with pytest.raises(RulesError, match="a rule action failed"):
        engine.run(FAULTY, [{"kind": "boom"}])
    assert engine.run(FAULTY, [{"kind": "fine"}]) == [{"ok": True}]  # the engine is still usable


def test_a_fact_no_rule_matches_is_an_error_not_a_crash():
    with pytest.raises(RulesError, match="matched no rule"):
        engine.run(FAULTY, [{"kind": "unknown"}])


def test_a_ruleset_never_registered_is_refused():
    with pytest.raises(RulesError, match="not registered"):
        engine.run("never_registered", [{"kind": "fine"}])


def test_the_rulesets_stay_small_rules_over_attributes_not_one_per_indicator():
    # 178 indicators: a ruleset of one rule per indicator would pass 100. The guidance ruleset grew
    # past 40 with review 6's readings (step within early help, disability below Child in Need,
    # mismatched answers, closed day teams at night), each a rule over attributes; review 10 added three
    # more (a caller not CAF trained about a disabled child: route and words; consent refused beside a CAF);
    # review 13 three (Appendix 3's referral steps, the pre-birth planning meeting, the p9 criterion pointer),
    # which brought it to 65: the bound is still far below one rule per indicator.
    for name in ("fsp_2014_needs", "fsp_2014_guidance"):
        assert 5 < engine.rule_count(name) < 80, name


def test_durable_rules_background_dispatchers_never_run():
    """Its timer threads call into the engine without our lock; they raced here (error 307)."""
    evaluate(make_case(["additional.lack_routine"]))
    assert engine.dispatcher_threads() == []


def test_the_dispatcher_detector_sees_the_stock_hosts_threads():
    """So the test above can fail: a stock durable-rules host does start them."""
    import subprocess
    import sys

    code = (
        "import time; from durable import engine as e; h = e.Host(); time.sleep(0.3);"
        "from rules.engine import dispatcher_threads; print(len(dispatcher_threads()))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert int(out.stdout.strip()) >= 1


def test_an_engine_failure_is_a_rules_error(monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("simulated failure inside the C engine")

    monkeypatch.setattr(durable_rules_engine, "assert_facts", broken)
    with pytest.raises(RulesError, match="the rules engine failed"):
        engine.run(FAULTY, [{"kind": "fine"}])


def test_a_failing_action_leaves_no_state_behind():
    """The state is deleted when an action raises mid-run, so 1024 failures do not exhaust the engine."""
    for _ in range(1100):
        with pytest.raises(RulesError, match="a rule action failed"):
            engine.run(FAULTY, [{"kind": "boom"}])
    assert engine.run(FAULTY, [{"kind": "fine"}]) == [{"ok": True}]


def _durable_rules_own_loop(name, facts):
    """The findings as durable-rules' own host runs the actions (Closure, Promise, its callbacks)."""
    with engine._LOCK:
        sid = f"own{next(engine._SIDS)}"
        engine._COLLECTED[sid] = []
        try:
            state = engine._HOST.assert_facts(name, [{**fact, "sid": sid} for fact in facts])
            assert "exception" not in state
            return engine._COLLECTED[sid]
        finally:
            engine._COLLECTED.pop(sid)
            engine._HOST.delete_state(name, sid)


def test_the_engines_action_loop_gives_what_durable_rules_own_loop_gives(monkeypatch):
    """rules.engine drives the C engine itself: every finding, in order, as durable-rules' Host gives."""
    catalogue = load_catalogue()
    rng = random.Random(11)
    posted = []
    real_run = engine.run

    def recording(name, facts):
        posted.append((name, facts))
        return real_run(name, facts)

    monkeypatch.setattr(engine, "run", recording)
    for _ in range(150):
        context = {"caf": rng.choice(["none", "open_improving", "open_not_improving"]), "open_to_social_care": rng.random() < 0.2}
        evaluate(make_case(rng.sample([i.id for i in catalogue.indicators if catalogue.admits(i, False, 96)], rng.randint(0, 15)), **context))
    monkeypatch.undo()
    assert {name for name, _ in posted} == {"fsp_2014_needs", "fsp_2014_guidance"}
    for name, facts in posted:
        assert engine.run(name, facts) == _durable_rules_own_loop(name, facts)


def test_a_lost_needs_result_is_an_error_not_a_wrong_level(monkeypatch):
    """If the engine drops a finding, the decision would silently under-call: refuse instead."""
    real_run = engine.run
    monkeypatch.setattr(engine, "run", lambda name, facts: [] if name == "fsp_2014_needs" else real_run(name, facts))
    with pytest.raises(RulesError, match="no finding"):
        evaluate(make_case(["immediate.trafficking_victim"]))


def test_a_lost_route_is_an_error(monkeypatch):
    real_run = engine.run
    monkeypatch.setattr(engine, "run", lambda name, facts: [f for f in real_run(name, facts) if f.get("type") != "route"])
    with pytest.raises(RulesError, match="no route"):
        evaluate(make_case(["additional.lack_routine"]))


def test_two_routes_are_an_error(monkeypatch):
    """The route rules exclude one another: two routes mean a rule overlaps, never a silent pick."""
    real_run = engine.run
    monkeypatch.setattr(engine, "run", lambda name, facts: real_run(name, facts) + [f for f in real_run(name, facts) if f.get("type") == "route"])
    with pytest.raises(RulesError, match="2 routes"):
        evaluate(make_case(["additional.lack_routine"]))


def test_importing_rules_registers_nothing():
    """Start-up registers explicitly (the web app, the command line); an import has no side effect."""
    import subprocess
    import sys

    code = "import rules, rules.engine as e; assert not e._REGISTERED, e._REGISTERED; rules.ensure_registered(); assert len(e._REGISTERED) == 2"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


def test_the_engine_is_given_only_what_the_conditions_read_and_an_action_reads_the_whole_fact():
    """The C engine parses each posted fact and serialises it again per action: it gets the
    attributes the conditions compare; an action still sees every attribute of its own fact."""
    assert engine._RULESETS[FAULTY][2] == ("kind", "size")
    facts = [{"kind": "echo", "size": 2, "payload": [{"a": 1}, "b"]}, {"kind": "echo", "size": 1, "payload": ["c"]}]
    assert sorted(engine.run(FAULTY, facts), key=lambda f: f["size"]) == [{"payload": ["c"], "size": 1}, {"payload": [{"a": 1}, "b"], "size": 2}]
    with pytest.raises(RulesError, match="asserted twice"):  # as durable-rules refuses the same fact twice
        engine.run(FAULTY, [facts[0], dict(facts[0])])


@pytest.mark.parametrize(
    "definition",
    [
        {"r_0": {"all": [{"m": {"$mt": {"name": "a.*"}}}]}},  # a regular expression: not understood
        {"r_0": {"all": [{"m": {"kind": "x"}}], "pri": 1}},  # a salience
        {"r_0": {"all": [{"first": {"kind": "x"}}, {"second": {"kind": "y"}}]}},  # a join of two facts
        {"r_0": {"all": [{"m": {"$gt": {"amount": {"$m": {"$add": {"$l": {"$m": "a"}, "$r": 1}}}}}}]}},  # arithmetic
        {"r_0": {"all": [{"m": {"fact_position": 1}}]}},  # the attribute the engine adds itself
    ],
)
def test_a_ruleset_the_engine_cannot_read_has_its_facts_posted_whole(definition):
    assert engine.matched_attributes(definition) is None


def test_the_attributes_a_condition_reads_include_those_it_compares_with():
    definition = {"r_0": {"all": [{"m": {"$and": [{"kind": "d"}, {"$or": [{"$gt": {"level_rank": {"$m": "current_rank"}}}, {"$neq": {"caller": None}}]}]}}]}}
    assert engine.matched_attributes(definition) == ("caller", "current_rank", "kind", "level_rank")


def test_run_each_gives_each_fact_what_running_it_alone_gives(monkeypatch):
    """The what-if list decides its nearby cases in one state: each case's findings, in order, must
    be those it gets alone, across the batch boundary and with a case repeated."""
    catalogue = load_catalogue()
    rng = random.Random(5)
    posted = []
    real_run = engine.run
    monkeypatch.setattr(engine, "run", lambda name, facts: posted.append((name, facts)) or real_run(name, facts))
    for _ in range(2 * engine.BATCH + 10):  # more facts than two batches
        evaluate(_random_case(rng, catalogue, size=rng.randint(0, 15)))
    monkeypatch.undo()
    needs = [facts[0] for name, facts in posted if name == "fsp_2014_needs"]
    facts = needs + needs[:3]
    assert len(facts) > 2 * engine.BATCH
    assert engine.run_each("fsp_2014_needs", facts) == [engine.run("fsp_2014_needs", [f]) for f in facts]
    assert engine.run_each("fsp_2014_needs", []) == []


def test_decide_levels_gives_each_case_what_decide_level_gives():
    from pathway.models import CaseError
    from rules.evaluate import decide_level, decide_levels

    catalogue = load_catalogue()
    rng = random.Random(6)
    cases = [_random_case(rng, catalogue, size=rng.randint(0, 12)) for _ in range(40)]
    cases.insert(7, make_case(["not.an.indicator"]))
    decided = decide_levels(cases)
    assert isinstance(decided[7], CaseError)
    assert [d for i, d in enumerate(decided) if i != 7] == [decide_level(c) for i, c in enumerate(cases) if i != 7]


def _define_fresh(emit):
    @when_all(m.kind == "fine")
    def fine(c):
        emit(c.s.sid, {"ok": True})

    @when_all(m.a.b == 1)
    def nested(c):
        emit(c.s.sid, {"nested": c.m.a.b})


def test_the_first_fact_a_new_ruleset_sees_may_match_no_rule_and_is_refused_not_a_crash():
    """The C engine segfaulted when a ruleset's very first fact matched nothing and its state was
    deleted (the test above passed only because earlier tests had warmed FAULTY): registration now
    fires a warm-up rule once. Run alone, this crashed the process before the fix."""
    engine.register("test_fresh_unmatched", _define_fresh)
    with pytest.raises(RulesError, match="matched no rule"):
        engine.run("test_fresh_unmatched", [{"kind": "unknown"}])
    assert engine.run("test_fresh_unmatched", [{"kind": "fine"}]) == [{"ok": True}]


def test_a_batch_with_one_unmatched_fact_on_a_new_ruleset_is_refused_not_a_crash():
    engine.register("test_fresh_batch", _define_fresh)
    with pytest.raises(RulesError, match="matched no rule"):
        engine.run_each("test_fresh_batch", [{"kind": "fine"}, {"kind": "unknown"}])
    assert engine.run_each("test_fresh_batch", [{"kind": "fine"}, {"kind": "fine"}]) == [[{"ok": True}], [{"ok": True}]]


def test_the_warm_up_rule_is_not_counted_and_never_fires_on_a_real_fact():
    engine.register("test_fresh_count", _define_fresh)
    assert engine.rule_count("test_fresh_count") == 2
    assert engine.run("test_fresh_count", [{"kind": "fine", "a": {"b": 2}}]) == [{"ok": True}]


def test_a_condition_on_a_nested_attribute_sees_it():
    """Only the attributes conditions read are posted to the C engine; a dotted name (`m.a.b`) is
    not a top-level attribute, so such a ruleset is posted whole facts (it had silently never fired)."""
    engine.register("test_fresh_nested", _define_fresh)
    assert engine.run("test_fresh_nested", [{"kind": "other", "a": {"b": 1}}]) == [{"nested": 1}]
    assert engine.matched_attributes({"r": {"all": [{"m": {"a.b": 1}}]}}) is None
    assert engine.matched_attributes({"r": {"all": [{"m": {"$gt": {"a": {"$m": "b.c"}}}}]}}) is None
    assert engine.matched_attributes({"r": {"all": [{"m": {"$gt": {"a": {"$m": "b"}}}}]}}) == ("a", "b")


@pytest.mark.parametrize(
    "condition",
    [
        {"$and": ["kind"]},  # a part that is not a condition
        {"$or": {"kind": "x"}},  # and/or over something not a list
        {"$gt": 5},  # a comparison of nothing named
        {"$gt": {"$size": 1}},  # a comparison of an operator
        {"$lt": {"a.b": 1}},  # a comparison of a nested attribute
        {"$iany": {"kind": 1}},  # an operator the module does not know
        {"$iall": 1},  # ...with one value
        {"kind": [1, 2]},  # a constant that is not one value
        {"kind": {"$s": 1}},  # an operand that is not another attribute of the fact
    ],
)
def test_a_condition_the_module_does_not_understand_has_its_facts_posted_whole(condition):
    """Anything the attribute reader does not understand must give None (post whole facts), never a
    partial list: a missed attribute would be absent from the posted fact and its rule would never
    fire (mutation run, 2026-12-01: accepting these went unnoticed)."""
    assert engine.matched_attributes({"r_0": {"all": [{"m": condition}]}}) is None
    assert engine.matched_attributes({"r_0": {"all": [{"m": {"$and": [{"kind": "x"}, condition]}}]}}) is None


def test_a_rule_over_two_facts_has_its_facts_posted_whole_even_when_the_first_is_unnamed():
    assert engine.matched_attributes({"r_0": {"all": [{"m": {"a": 1}}, {"m_1": {"b": 2}}]}}) is None


def test_the_dispatcher_thread_check_sees_a_dispatcher_and_nothing_else():
    """The check that durable-rules started no background dispatcher (above) must be able to see one:
    a timer running a function named like durable-rules' own, and not an ordinary timer (mutation
    run, 2026-12-01: every mutant of the check survived, since 'none found' was all it was asked)."""

    def dispatch_ruleset(index):  # the name durable-rules' Host gives its timer's function (durable/engine.py)
        pass

    import functools

    timers = [threading.Timer(60, dispatch_ruleset, (0,)), threading.Timer(60, lambda: None), threading.Timer(60, functools.partial(print))]
    for timer in timers:  # the last runs a function with no name
        timer.start()
    try:
        assert engine.dispatcher_threads() == timers[:1]
    finally:
        for timer in timers:
            timer.cancel()


def test_run_each_with_one_fact_and_decide_levels_with_one_case():
    """A batch of one (a what-if list with one nearby case): mutation run, 2026-12-01: reading the
    second fact's findings list at the start crashed every batch of one, and no test had one."""
    from rules.evaluate import decide_level, decide_levels

    engine.register("test_fresh_single", _define_fresh)
    assert engine.run_each("test_fresh_single", [{"kind": "fine"}]) == [[{"ok": True}]]
    case = make_case(["additional.lack_routine"])
    [one] = decide_levels([case])
    assert one == decide_level(case)


def test_an_action_reads_a_fact_as_durable_rules_content_reads_it(monkeypatch):
    """`c.m` (rules.engine._as_read, speed14) gives what durable-rules' Content gives for every attribute
    of the real facts, a missing one (None), an item, `in` and items(); the real facts take the quicker
    reading, and a fact with a dict value, or an attribute named like the reader's own, is read as a Content."""
    from durable.engine import Content

    catalogue = load_catalogue()
    rng = random.Random(5)
    posted: list[dict] = []
    real_run = engine.run
    monkeypatch.setattr(engine, "run", lambda name, facts: posted.extend(facts) or real_run(name, facts))
    for _ in range(60):
        evaluate(make_case(rng.sample([i.id for i in catalogue.indicators if catalogue.admits(i, False, 96)], rng.randint(0, 15)), caf="open_not_improving"))
    monkeypatch.undo()
    assert {f["kind"] for f in posted} == {"case", "decision"}
    for fact in posted:
        fast, content = engine._as_read(dict(fact)), Content(dict(fact))
        assert type(fast) is engine._Fact
        for name in [*fact, "not_an_attribute", "_d", "sid"]:
            assert getattr(fast, name) == getattr(content, name), name
            assert fast[name] == content[name] and (name in fast) == (name in content)
        assert dict(fast.items()) == dict(content.items()) == fact
    nested = {"kind": "x", "payload": {"a": 1}}
    assert type(engine._as_read(nested)) is Content and engine._as_read(nested).payload.a == 1
    assert type(engine._as_read({"kind": "x", "items": 1})) is Content
    written = engine._as_read({"kind": "x", "size": 1})
    written.size = None  # as Content: None deletes
    written.more = Content({"a": 1})  # a Content is stored as its dict
    assert dict(written.items()) == {"kind": "x", "more": {"a": 1}}


def test_the_fact_reader_s_own_attribute_is_the_fact_itself_as_content_s_is():
    """mut15 (speed14's reader, a hand mutant: `_Fact._d` a copy of the fact survived the test above, which
    compares `_d` by value): Content's `_d` is the fact itself, so a write through it is the fact's; the quicker
    reader's must be too."""
    from durable.engine import Content

    fact = {"kind": "x", "size": 1}
    assert Content(fact)._d is fact
    assert engine._as_read(fact)._d is fact
