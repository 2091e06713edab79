"""The pictures: built from traces only, structurally right, rendered, replayable."""
import re
import xml.etree.ElementTree as ElementTree

import pytest

import actorlab
from actorlab import Trace, reset, self_pid, send, spawn
from actorlab.views import Replay, diagram, gallery, supervision_tree, wait_for_graph


def arrows(view):
    return [(a.sender, a.to, a.sent, a.received, a.role, a.fate) for a in view.model.arrows]


def marks(view, kind):
    return [m for m in view.model.marks if m.kind == kind]


def edge_classes(view):
    return re.findall(r'class="([^"]*)"', view.source)


def test_call_and_reply_are_labelled_and_paired():
    view = diagram(gallery.call_and_reply(), hide_system=True)
    shell, counter = actorlab.Pid(0), actorlab.Pid(1)
    roles = [(a.role, a.sender, a.to, a.fate) for a in view.model.arrows]
    assert roles == [("cast", shell, counter, "received"), ("call", shell, counter, "received"),
                     ("reply", counter, shell, "received")]
    call, reply = view.model.arrows[1], view.model.arrows[2]
    assert call.label == "call 'get'" and reply.label == "reply 5"
    assert call.received < reply.sent < reply.received
    assert [lane.name for lane in view.model.lanes] == ["shell", "counter"]
    assert "counter\n#PID<0.1.0>" in view.source


def test_the_courses_hand_built_protocol_is_labelled_too():
    from actorlab.views.model import message_role
    ref = actorlab.Ref(1)
    assert message_role(("call", actorlab.Pid(0), ref, "get"), None) == ("call", "call 'get'")
    assert message_role(("cast", ("add", 1)), None) == ("cast", "cast ('add', 1)")
    assert message_role((ref, 5), None) == ("reply", "reply 5")
    assert message_role(("call", "not", "a ref", "x"), None)[0] == "message"


def test_every_arrow_is_drawn_from_its_send_row_to_its_receive_row():
    trace = gallery.call_and_reply()
    view = diagram(trace)
    receives = {e.data["sent"]: e.step for e in trace.events if e.kind == "receive"}
    for arrow in view.model.arrows:
        assert arrow.received == receives.get(arrow.sent)
        if arrow.received:
            assert f"ev s{arrow.received} msg" in edge_classes(view)


def test_the_self_call_deadlock_shows_the_unread_call_the_cycle_and_the_deadlock():
    view = diagram(gallery.self_call_deadlock())
    server = actorlab.Pid(1)
    inner = [a for a in view.model.arrows if a.sender == server and a.to == server]
    assert len(inner) == 1 and inner[0].fate == "unread"      # it sits in the mailbox
    assert "unread" in " ".join(edge_classes(view))
    assert marks(view, "cycle")[0].text == "call cycle: server → server"
    assert marks(view, "deadlock")[0].text.startswith("DEADLOCK: shell, server")
    still = [w for w in view.model.waits if w.end is None]
    assert {w.pid for w in still} == {actorlab.Pid(0), server}
    assert next(w for w in still if w.pid == server).waiting_for == server


def test_a_process_killed_while_waiting_stops_waiting_where_it_died():
    node = actorlab.reset(log=None)
    waiter = actorlab.spawn(actorlab.receive, label="waiter")
    actorlab.exit(waiter, "kill")
    actorlab.spawn(lambda: None, label="later")
    died = next(e.step for e in node.trace.events if e.kind == "exit" and e.pid == waiter)
    (wait,) = diagram(node.trace).model.waits
    assert (wait.pid, wait.end) == (waiter, died)


def test_a_deadlock_is_marked_on_a_shown_lane_when_the_shell_is_not_shown():
    node = actorlab.reset(log=None)
    stuck = actorlab.spawn(lambda: actorlab.receive("never"), label="stuck")
    with pytest.raises(actorlab.DeadlockError):
        actorlab.receive("nothing")
    (mark,) = marks(diagram(node.trace, processes=["stuck"]), "deadlock")
    assert mark.pid == stuck and mark.text == "DEADLOCK: shell, stuck wait forever"


def test_a_crash_with_links_shows_the_crash_the_killed_partner_and_the_exit_message():
    view = diagram(gallery.crash_with_links())
    crash = marks(view, "crash")
    assert len(crash) == 1 and crash[0].text.startswith("crash: ZeroDivisionError")
    assert marks(view, "killed")[0].text.startswith("exit ZeroDivisionError")
    exits = [a for a in view.model.arrows if a.role == "exit"]
    assert len(exits) == 1 and exits[0].to == actorlab.Pid(0) and exits[0].fate == "received"


def test_monitors_draw_down_messages():
    view = diagram(gallery.monitors())
    downs = [a for a in view.model.arrows if a.role == "down"]
    assert [a.label for a in downs] == ["DOWN 'normal'", "DOWN 'noproc'"]
    assert len(marks(view, "monitor")) == 2


def test_timeouts_and_the_dropped_late_reply():
    view = diagram(gallery.timeouts())
    assert [m.text for m in marks(view, "timeout")] == ["timeout after 100 ms",
                                                       "timeout after 50 ms"]
    late = [a for a in view.model.arrows if a.role == "reply"]
    assert late[-1].fate == "dropped"
    assert any(m.kind == "woke" for m in view.model.marks)          # the server's sleep


def test_dropped_sends_end_in_a_cross_and_unread_ones_in_a_mailbox():
    view = diagram(gallery.dropped_sends())
    fates = {a.message: a.fate for a in view.model.arrows}
    assert fates == {"hello?": "dropped", "unread": "unread"}
    classes = " ".join(edge_classes(view))
    assert "dropped" in classes and "unread" in classes


def test_a_twelve_process_fan_out_has_twelve_lanes_in_pid_order():
    view = diagram(gallery.fan_out(11))
    assert [lane.name for lane in view.model.lanes] == ["shell"] + [f"w{i}" for i in range(11)]
    xs = [view.x(lane.pid) for lane in view.model.lanes]
    assert xs == sorted(xs) and len(set(xs)) == 12
    assert len(view.model.rows) == len(set(view.model.rows))       # one event per row


def test_options_choose_processes_and_a_window_of_steps():
    trace = gallery.fan_out()
    only = diagram(trace, processes=["shell", "w3"])
    assert [lane.name for lane in only.model.lanes] == ["shell", "w3"]
    assert all({a.sender, a.to} <= {actorlab.Pid(0), actorlab.Pid(4)} for a in only.model.arrows)
    window = diagram(trace, steps=(20, 40))
    assert min(window.model.rows) >= 20 and max(window.model.rows) <= 40
    early = diagram(trace, steps=(1, 6))                  # only w0..w2 exist by step 6
    assert [lane.name for lane in early.model.lanes] == ["shell", "w0", "w1", "w2"]
    assert window.text.splitlines()[0].endswith(f"steps 20-40 of {len(trace)}")
    long = diagram(trace, max_rows=30)
    assert len(long.model.rows) <= 30 and long.model.last == len(trace)
    with pytest.raises(ValueError, match="no process called 'nobody'"):
        diagram(trace, processes=["nobody"])


def test_lanes_follow_the_order_of_processes():
    trace = gallery.fan_out()
    view = diagram(trace, processes=["w3", "shell", "w1"])
    assert [lane.name for lane in view.model.lanes] == ["w3", "shell", "w1"]
    assert view.x(actorlab.Pid(4)) < view.x(actorlab.Pid(0)) < view.x(actorlab.Pid(2))


@pytest.mark.parametrize("options, says", [
    ({"max_rows": 0}, "max_rows is the number of rows to show"),
    ({"max_rows": 2.5}, "max_rows is the number of rows to show"),
    ({"steps": (9, 4)}, "steps is a pair (first, last)"),
    ({"steps": 4}, "steps is a pair (first, last)"),
    ({"processes": "shell"}, "processes is a list of pids or names, not 'shell'"),
    ({"width": 0}, "width is the number of characters"),
])
def test_bad_options_are_refused_in_words_and_render_in_two_lines(options, says):
    trace = gallery.fan_out()
    with pytest.raises(actorlab.BadArgument, match=re.escape(says)) as caught:
        diagram(trace, **options)
    shown = caught.value._render_traceback_()
    assert shown[0].startswith(f"BadArgument: {says}") and len(shown) <= 2


def test_a_process_spawned_by_a_hidden_one_says_by_whom():
    view = diagram(gallery.fan_out(), processes=["w0"])
    assert [m.text for m in marks(view, "spawned")] == ["spawned by shell"]


def _svg_root(svg):
    return ElementTree.fromstring(svg.split("?>", 1)[-1].split("-->", 1)[-1]
                                  if svg.startswith("<?xml") else svg)


NS = "{http://www.w3.org/2000/svg}"


def _word_boxes(svg, marks=True):
    """(classes, (x0, y0, x1, y1)) of every text drawn for a step, from the SVG: its
    anchor and size, and a width of half its size a character (about the real font's).
    marks=False leaves out the one-character marks drawn on a lane (✖ ■ ● ✉ ✕)."""
    boxes = []
    for group in _svg_root(svg).iter(f"{NS}g"):
        classes = group.get("class", "").split()
        if "ev" not in classes or "stepno" in classes:
            continue
        for text in group.iter(f"{NS}text"):
            if not marks and len(text.text) == 1:
                continue
            x, y, size = (float(text.get(a)) for a in ("x", "y", "font-size"))
            width = len(text.text) * size * 0.5
            x0 = x - width if text.get("text-anchor") == "end" else x
            boxes.append((classes, (x0, y - size * 0.72, x0 + width, y + size * 0.2)))
    return boxes


def _lane_xs(svg):
    """The x of every lifeline in the SVG, read off its header."""
    return sorted({float(group.find(f"{NS}text").get("x"))
                   for group in _svg_root(svg).iter(f"{NS}g")
                   if "lane" in group.get("class", "").split()
                   and group.find(f"{NS}text") is not None})


def _lines(svg):
    """The straight message arrows of the SVG, (x0, y0, x1, y1)."""
    lines = []
    for group in _svg_root(svg).iter(f"{NS}g"):
        path = group.find(f"{NS}path")
        if "msg" in group.get("class", "").split() and path is not None:
            numbers = [float(n) for n in re.findall(r"-?[\d.]+", path.get("d"))]
            lines.append((numbers[0], numbers[1], numbers[-2], numbers[-1]))
    return lines


def a_note_crossed_on_the_right():
    """near's wait begins while launcher's message to far passes right of near's lane."""
    node = reset(log=None)

    def launcher():
        far = spawn(lambda: (actorlab.sleep(10), actorlab.receive()), label="far")
        send(far, "hi")
        spawn(actorlab.receive, label="near")

    spawn(launcher, label="launcher")
    actorlab.run_for(20)
    return diagram(node.trace, processes=["launcher", "near", "far"])


def a_race():
    """ann and bob, started together, each send the shell their name: who is first races."""
    def first():
        shell = self_pid()

        def launcher():
            for name in ("ann", "bob"):
                spawn(lambda name=name: send(shell, name), label=name)

        spawn(launcher, label="launcher")
        return actorlab.receive()

    return diagram(actorlab.explore(first).replay("bob").trace)


@pytest.mark.parametrize("scenario", ["sleepy", "lost_update", "crossed"])
def test_no_arrow_runs_through_a_note(scenario):
    """A note beside a lane (a wait, a mark) goes where no arrow crosses its words."""
    node = reset(log=None)
    if scenario == "sleepy":                   # notebook 01's sleepy Bob
        bob = spawn(lambda: (actorlab.sleep(1000), send(*actorlab.receive())), label="bob")
        send(bob, (self_pid(), "hi"))
        actorlab.receive()
        view = diagram(node.trace)
    elif scenario == "lost_update":            # notebook 08's lost update, crossing lanes
        view = diagram(gallery.fan_out(11), processes=["w3", "shell", "w5"])
    else:
        view = a_note_crossed_on_the_right()
    svg = view.svg()
    boxes = [box for classes, box in _word_boxes(svg)
             if "waitlabel" in classes or "mark" in classes]
    assert boxes and _lines(svg)
    for x0, y0, x1, y1 in _lines(svg):
        for t in [i / 200 for i in range(201)]:
            x, y = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
            inside = [b for b in boxes if b[0] < x < b[2] and b[1] < y < b[3]]
            assert not inside, f"an arrow runs through the words at {inside[0]}"


def test_a_note_that_must_go_left_of_its_lane_is_tied_to_it():
    view = a_note_crossed_on_the_right()
    (note,) = [line for line in view.source.splitlines()
               if "s7 waitlabel" in line and "label=" in line]
    assert 'label="waits for any message\\r"' in note         # left of near, ending there
    near = view.x(view.model.names and next(lane.pid for lane in view.model.lanes
                                            if lane.name == "near"))
    leader = [line for line in view.source.splitlines()
              if "s7 waitlabel" in line and "penwidth=0.8" in line]
    ends = [float(x) for x in re.findall(r'pos="([\d.]+),', "\n".join(
        line for line in view.source.splitlines() if "s7 waitlabel" in line and "point" in line))]
    assert leader and max(ends) == pytest.approx(near - 1) and min(ends) < near - 10


SCENES = {**{name: lambda s=scenario: diagram(s()) for name, scenario in gallery.ALL.items()},
          "docs_width": lambda: diagram(gallery.self_call_deadlock(), width=36,
                                        processes=["server", "shell"]),
          "fan_out_11": lambda: diagram(gallery.fan_out(11)),
          "crossed": a_note_crossed_on_the_right, "race": a_race}


LOUD = {"crash", "killed", "cycle", "deadlock", "runaway", "fault", "race"}
"""The classes of notes that must be read whole, and so may run on across other lanes."""


@pytest.mark.parametrize("scene", sorted(SCENES))
def test_no_words_lie_across_a_lifeline_or_its_bars(scene):
    """Words over a lane would hide its waiting bar, or read as that lane's. Only a note
    that must be read whole (a crash, a cycle, a deadlock, a race) runs on across lanes,
    from beside the lane it is about; every word has a white halo, legible over lines."""
    svg = SCENES[scene]().svg()
    lanes = _lane_xs(svg)
    assert len(lanes) >= 2
    for classes, (x0, _, x1, _) in _word_boxes(svg, marks=False):
        if LOUD & set(classes):
            continue
        across = [x for x in lanes if x0 < x + 4 and x1 > x - 4]     # a bar is 8 wide
        assert not across, f"{classes} words from {x0:.0f} to {x1:.0f} cross the lane at {across}"
    texts = [t for t in _svg_root(svg).iter(f"{NS}text")]
    assert texts and all(t.get("paint-order") == "stroke" and t.get("stroke") == "white"
                         for t in texts)


def test_a_crash_note_stays_beside_the_lane_it_is_about():
    view = diagram(gallery.crash_with_links())
    svg = view.svg()
    for classes, (x0, _, _, _) in _word_boxes(svg, marks=False):
        if "crash" in classes:
            step = int(next(c for c in classes if c.startswith("s") and c[1:].isdigit())[1:])
            (mark,) = [m for m in view.model.marks if m.step == step and m.kind == "crash"]
            assert 0 < x0 - view.x(mark.pid) < 20        # just right of its own lane


def test_a_flat_arrow_has_its_words_above_it():
    """An arrow to a message never taken runs along its row: its label sits above it."""
    svg = diagram(gallery.dropped_sends()).svg()
    flat = [(x0, x1, y0) for x0, y0, x1, y1 in _lines(svg) if y0 == y1]
    labels = [box for classes, box in _word_boxes(svg) if "msglabel" in classes]
    assert flat and labels
    for x0, x1, y in flat:
        over = [b for b in labels if b[0] < max(x0, x1) and b[2] > min(x0, x1)
                and b[1] - 2 < y < b[3] + 2]              # 2 points clear, or it touches
        assert not over, f"the arrow at y={y} runs through the words at {over}"


def test_a_race_line_lies_under_the_arrows_and_never_along_one():
    """The race line joins two sends; each send's arrow starts on the same row and may
    head the same way. The line is see-through, drawn before any arrow (so under them),
    and no stretch of it longer than a crossing lies on an arrow."""
    view = a_race()
    (race,) = view.model.races
    edges = [line for line in view.source.splitlines() if " -> " in line]
    first_race = next(i for i, line in enumerate(edges) if " race" in line)
    first_arrow = next(i for i, line in enumerate(edges) if " msg" in line)
    assert first_race < first_arrow
    assert re.search(r'race"[^\]]*color="#ff7f0e[0-9a-f]{2}"', "\n".join(edges))
    (ax, ay), (bx, by) = view.race_ends(race)
    arrows = [(view.x(a.sender), view.y(a.sent), view.x(a.to), view.y(a.received))
              for a in view.model.arrows if a.received in view.row_of and a.sender != a.to]
    assert arrows

    def distance(px, py, x0, y0, x1, y1):
        t = max(0, min(1, ((px - x0) * (x1 - x0) + (py - y0) * (y1 - y0)) /
                       ((x1 - x0) ** 2 + (y1 - y0) ** 2)))
        return ((px - x0 - t * (x1 - x0)) ** 2 + (py - y0 - t * (y1 - y0)) ** 2) ** 0.5

    length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
    points = [(ax + (bx - ax) * i / 400, ay + (by - ay) * i / 400) for i in range(401)]
    for arrow in arrows:
        near = sum(distance(x, y, *arrow) < 3 for x, y in points) / 400 * length
        assert near < 12, f"the race line runs {near:.0f} points along the arrow {arrow}"


def test_hide_system_hides_otp_bookkeeping():
    trace = gallery.call_and_reply()
    full, quiet = diagram(trace), diagram(trace, hide_system=True)
    assert any(a.role == "system" for a in full.model.arrows)
    assert not any(a.role == "system" for a in quiet.model.arrows)
    assert not marks(quiet, "monitor") and len(quiet.model.rows) < len(full.model.rows)


@pytest.mark.parametrize("name", sorted(gallery.ALL))
def test_every_scenario_renders_to_valid_svg_without_the_graphviz_version(name):
    svg = diagram(gallery.ALL[name]()).svg()
    ElementTree.fromstring(svg.split("?>", 1)[1].split("-->", 1)[-1]
                           if svg.startswith("<?xml") else svg)
    assert "<svg" in svg and "Generated by graphviz" not in svg


def test_message_text_never_breaks_or_injects_into_the_svg():
    reset(log=None)
    nasty = '<b>bold</b> & "quotes" \\n back\\slash </svg>'
    pid = spawn(lambda: None)
    send(pid, nasty)
    svg = diagram(actorlab.current_node().trace, width=80).svg()
    root = ElementTree.fromstring(svg[svg.index("<svg"):])
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert repr(nasty) in texts                   # shown exactly as Python prints it


def test_a_saved_trace_draws_the_identical_diagram():
    trace = gallery.crash_with_links()
    again = Trace.from_json(trace.to_json())
    assert diagram(again).source == diagram(trace).source
    assert wait_for_graph(again).source == wait_for_graph(trace).source


def test_the_wait_for_graph_of_a_deadlock_marks_the_cycle():
    graph = wait_for_graph(gallery.self_call_deadlock())
    assert graph.cycle == [actorlab.Pid(1)]
    assert graph.edges == {actorlab.Pid(0): actorlab.Pid(1), actorlab.Pid(1): actorlab.Pid(1)}
    assert graph.text.splitlines()[0] == "Deadlock after step 9 of 9: 2 waiting"
    assert 'color="#d62728"' in graph.source and "cycle: server → server" in graph.source
    assert "waits for server's reply" in graph.source.replace("&#x27;", "'")


def test_a_wait_for_graph_says_calls_and_replies_as_the_diagrams_do():
    class Caller(actorlab.GenServer):
        def init(self, other):
            return ("ok", other)

        def handle_call(self, request, from_, other):
            return ("reply", actorlab.GenServer.call(other, request, None), other)

    node = reset(log=None)
    actorlab.GenServer.start(Caller, "b", name="a")
    actorlab.GenServer.start(Caller, "a", name="b")
    with pytest.raises(actorlab.Exit):
        actorlab.GenServer.call("a", "ping", 100)
    cycle = next(e.step for e in node.trace.events if e.kind == "cycle")
    source = wait_for_graph(node.trace, cycle).source.replace("&#x27;", "'")
    assert "waits for b's reply" in source and "waits for a's reply" in source
    assert "mailbox: 1 message:\ncall 'ping'" in source      # a's call, as b's mailbox holds it
    # Narrow enough to keep its natural size, so its words are as big as a two-box graph's.
    assert '<svg width="100%"' not in wait_for_graph(node.trace, cycle).svg()


def test_a_view_with_nothing_to_draw_says_so_in_the_picture():
    node = reset(log=None)
    spawn(lambda: None)
    for view, words in ((supervision_tree(node.trace), "no supervisors in this trace yet"),
                        (wait_for_graph(node.trace), "nobody is waiting")):
        svg = view.svg()
        assert words in svg, f"an empty {type(view).__name__} shows a blank picture"
        width = float(re.search(r'<svg width="([\d.]+)pt"', svg).group(1))
        assert width > 50


def test_the_supervision_tree_follows_restarts():
    tree = supervision_tree(gallery.supervision())
    assert tree.text.splitlines()[1:] == [
        "  app #PID<0.1.0>",
        "    counter: #PID<0.5.0> alive, restarted 2 times",
        "    cache: #PID<0.3.0> alive",
    ]
    assert "\t1 -> 5\n" in tree.source and "\t1 -> 3\n" in tree.source


def test_a_restarted_child_is_as_tall_as_its_siblings_and_lanes_say_the_child_ids():
    trace = gallery.supervision()
    tree = supervision_tree(trace)
    children = re.findall(r'\t[35] \[label="([^"]*)"', tree.source)
    assert len(children) == 2 and all(label.count("\n") == 2 for label in children), children
    names = [lane.name for lane in diagram(trace).model.lanes]
    assert {"counter", "cache", "counter#2"} <= set(names), names


def test_a_supervisor_without_children_is_drawn_and_says_so():
    node = reset(log=None)
    actorlab.DynamicSupervisor.start_link(name="rooms")
    tree = supervision_tree(node.trace)
    assert tree.text.splitlines()[1:] == ["  rooms #PID<0.1.0> (no children yet)"]
    assert "no children yet" in tree.svg()


def test_a_wait_names_whose_reply_it_wants_even_when_that_lane_is_hidden():
    node = reset(log=None)
    _, server = actorlab.GenServer.start(Sleeper, None, name="slow")
    with pytest.raises(actorlab.Exit):
        actorlab.GenServer.call("slow", "nap", 10)
    svg = diagram(node.trace, processes=["shell"]).svg()
    assert "waits for slow&#39;s reply" in svg and "#PID&lt;0.1.0&gt;&#39;s reply" not in svg


class Sleeper(actorlab.GenServer):
    def init(self, arg):
        return ("ok", arg)

    def handle_call(self, request, from_, state):
        actorlab.sleep(100)
        return ("reply", "yawn", state)


def test_the_replay_steps_with_the_right_mailboxes():
    trace = gallery.self_call_deadlock()
    player = Replay(trace)
    seen = {}
    player.go_to(0)
    for _ in player.steps:
        seen[player.step] = {name: mailbox for name, _, _, mailbox in player.rows()}
        player.forward()
    server_call = (self_pid(), actorlab.Ref(1), "twice")
    assert seen[3]["server"] == [server_call]             # sent, not yet received
    assert seen[4]["server"] == []                        # received
    assert seen[5]["server"] == [(actorlab.Pid(1), actorlab.Ref(2), "once")]
    assert seen[9]["server"] == [(actorlab.Pid(1), actorlab.Ref(2), "once")]  # never read


def test_a_replay_frame_shows_only_the_steps_so_far_and_highlights_the_current_one():
    player = Replay(gallery.call_and_reply())
    player.go_to(5)
    frame = player.frame_svg()
    style = re.search(r"<style>(.*?)</style>", frame).group(1)
    shown = style.split("{display:inline}")[0]
    assert f"#{player.id} .s4," in shown and shown.endswith(f"#{player.id} .s5")
    assert f"#{player.id} .s6" not in style
    assert f"#{player.id} .s5 text{{fill:#d62728" in style          # the current step
    assert frame.count("<style>") == 1 and f'id="{player.id}"' in frame


def test_the_replay_widget_moves_with_its_slider():
    player = Replay(gallery.call_and_reply())
    box = player.widget()
    box.slider.value = 3
    assert player.index == 3 and player.frame_svg() in box.picture.value
    assert player.event_text().startswith(f"step {player.step} of ")
    bundle = player._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["image/svg+xml"] == player.final_svg()            # the static fallback
    assert "inflight{" not in bundle["image/svg+xml"]
    final_style = re.search(r"<style>(.*?)</style>", player.final_svg()).group(1)
    assert "font-weight" not in final_style                          # nothing highlighted
    assert bundle["text/plain"].startswith("Replay of ")


def test_a_shutdown_is_an_end_on_purpose_and_a_supervisor_waits_for_a_down():
    """Grey ■ for 'shutdown', as for 'normal' (OTP logs no crash for either), red ✖ for a
    kill; a supervisor stopping a child waits for its DOWN, not a reply."""
    class Slow(actorlab.GenServer):
        def init(self, arg):
            actorlab.trap_exit(True)            # so that terminate runs, and takes time
            return ("ok", arg)

        def terminate(self, reason, state):
            actorlab.sleep(50)

    node = reset(log=None)
    _, sup = actorlab.Supervisor.start_link(
        [{"id": "rooms", "start": (actorlab.GenServer.start_link, (Slow, None))}],
        strategy="one_for_one")
    actorlab.Supervisor.terminate_child(sup, "rooms")
    view = diagram(node.trace)
    assert [m.text for m in marks(view, "exit")] == ["exit 'shutdown'"] and not marks(view, "killed")
    assert "waits for Slow&#39;s DOWN" in view.svg()


def test_possessives_of_names_ending_in_s():
    from actorlab.views.render import possessive
    assert (possessive("ann"), possessive("Rooms")) == ("ann's", "Rooms'")


def test_an_otp_message_to_the_shell_is_drawn_as_it_is_for_the_shell_is_no_genserver():
    node = reset(log=None)
    actorlab.GenServer.cast(self_pid(), ("said", "ann", "hello"))
    [arrow] = diagram(node.trace).model.arrows
    assert (arrow.role, arrow.label) == ("message", "('$gen_cast', ('said', 'ann', 'hello'))")


def test_an_exit_reason_is_written_out_past_the_lane_width():
    node = reset(log=None)
    pid = spawn(actorlab.receive, label="worker")
    actorlab.exit(pid, ("bad_return_value", "a long reason to read in full"))
    assert "exit (&#39;bad_return_value&#39;, &#39;a long reason to read in full&#39;)" in \
        diagram(node.trace).svg()


def test_the_supervision_tree_greys_an_end_on_purpose_and_reddens_a_crash():
    """A child ended with "shutdown" is grey, as the sequence diagrams draw it; one killed
    is pink; a dead supervisor says why on its box."""
    class Idle(actorlab.GenServer):
        def init(self, arg):
            return ("ok", arg)

    node = reset(log=None)
    actorlab.trap_exit(True)
    _, sup = actorlab.Supervisor.start_link(
        [{"id": name, "start": (actorlab.GenServer.start_link, (Idle, name))}
         for name in ("quiet", "victim")], strategy="one_for_one", max_restarts=0)
    quiet, victim = [pid for _, pid, _, _ in actorlab.Supervisor.which_children(sup)][::-1]
    actorlab.Supervisor.terminate_child(sup, "quiet")
    actorlab.exit(victim, "kill")
    source = supervision_tree(node.trace).source
    nodes = {int(n): (text, fill) for n, text, fill in
             re.findall(r'\t(\d+) \[label="([^"]*)" fillcolor="(#[0-9a-f]+)"', source)}
    assert nodes[quiet.number][1] == "#e8e8e8" and nodes[victim.number][1] == "#fde0e0"
    assert "dead: 'shutdown'" in nodes[sup.number][0]     # it gave up, after the kill
