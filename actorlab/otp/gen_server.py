"""GenServer: a process that loops over its mailbox, calling your callbacks.

Nothing here is new machinery: a GenServer is `spawn` + a `receive` loop, and a call is
`send` + `receive` on a fresh ref, exactly what the course builds by hand. This module
only uses actorlab's public runtime API, and follows OTP's gen_server and Elixir's
GenServer: the same messages, return tuples, exit reasons and log lines.

>>> from actorlab import reset
>>> _ = reset(log=None)
>>> class Counter(GenServer):
...     def init(self, start):
...         return ("ok", start)
...     def handle_call(self, request, from_, count):
...         return ("reply", count, count)
...     def handle_cast(self, amount, count):
...         return ("noreply", count + amount)
>>> status, pid = GenServer.start_link(Counter, 10)
>>> GenServer.cast(pid, 5)
'ok'
>>> GenServer.call(pid, "get")
15
"""
from __future__ import annotations

from typing import Any

from ..runtime import (ANY, BadArgument, Exit, OneOf, Pid, ReceiveTimeout, Ref, demonitor, exit,
                       log, monitor, now, receive, self_pid, send, spawn_link, spawn_monitor,
                       unlink, whereis)
from ..trace import short
from ..trace.protocol import (ACK, gen_call, gen_cast, gen_stop, is_gen_call, is_gen_cast,
                              is_gen_stop, is_normal, is_tagged)
from .modules import ElixirModule
from .names import (check_registrable, check_server, down_reason, on_node, register_name,
                    unregister_name, whereis_name)

DEFAULT_TIMEOUT = 5000
"""ms a call waits, as in OTP (a start waits as long as init takes)."""

START_OPTIONS = ("name", "timeout")
"""The keywords of `GenServer.start` and `start_link` after the module and its arg."""

ELIXIR_START_OPTIONS = ("debug", "hibernate_after", "spawn_opt")
"""Options of Elixir's `GenServer.start` that actorlab's lacks (and DynamicSupervisor's
`start_link`, which passes them on to `GenServer.start_link`)."""

NO_START_OPTIONS = "actorlab's has no sys debugging, no hibernation and no spawn options"
"""Why actorlab lacks `ELIXIR_START_OPTIONS`, for `refuse_options`."""

CHILD_SPEC_KEYS = ("id", "start", "restart", "shutdown", "type", "modules")
"""The keys of a child spec that `Supervisor.child_spec` and a GenServer class's keywords
may set, as Elixir's `Supervisor.child_spec/2` allows."""


class GenServer(metaclass=ElixirModule):
    """Subclass it and define the callbacks you need; start it with `GenServer.start_link`.

    Callbacks return Elixir's tuples, with strings for atoms:

    * `init(arg)` -> `("ok", state[, extra])`, `("stop", reason)` or `"ignore"`;
    * `handle_call(request, from_, state)` -> `("reply", reply, state[, extra])`,
      `("noreply", state[, extra])`, `("stop", reason, reply, state)` or
      `("stop", reason, state)`; with "noreply", answer later with `GenServer.reply(from_, x)`;
    * `handle_cast(message, state)` and `handle_info(message, state)` ->
      `("noreply", state[, extra])` or `("stop", reason, state)`;
    * `handle_continue(arg, state)` -> as handle_cast;
    * `terminate(reason, state)`: cleanup when the server stops (see `_terminate`).

    `extra` is a timeout: a whole number of ms, 0 or more (a "timeout" message arrives if
    nothing else does) or "infinity" (no timeout); or "hibernate" (accepted; it changes
    nothing here); or `("continue", arg)`. Anything else ends the server, as in OTP, with
    `("bad_return_value", the_whole_return)`: a start returns `("error", that)`, a call
    exits with it and gets no reply.

    A GenServer is a process, not an object: keep your state in `state`, not in `self`.
    One instance of your class is made per server process, only to hold the callbacks.
    """

    # -- the callbacks, with Elixir's defaults -------------------------------------

    def init(self, arg: Any) -> Any:
        raise NotImplementedError(f"{type(self).__name__} needs an init(self, arg) callback "
                                  "returning ('ok', state)")

    def handle_call(self, request: Any, from_: tuple, state: Any) -> Any:
        raise _no_clause("call", "handle_call", 3)

    def handle_cast(self, message: Any, state: Any) -> Any:
        raise _no_clause("cast", "handle_cast", 2)

    def handle_info(self, message: Any, state: Any) -> Any:
        log(f"[error] {type(self).__name__} {self_pid()!r} received unexpected message in "
            f"handle_info/2: {short(message)}")
        return ("noreply", state)

    def handle_continue(self, arg: Any, state: Any) -> Any:
        raise RuntimeError(f"{type(self).__name__} returned ('continue', ...) but has no "
                           "handle_continue callback")

    def terminate(self, reason: Any, state: Any) -> Any:
        return "ok"

    _spec_options: dict = {}
    """What the class statement's keywords put into `child_spec` (see `__init_subclass__`)."""

    _own_start: str | None = None
    """How actorlab's own servers (the supervisors, Registry) start, which take keyword
    options and so have no `start_link_spec(arg)`: what its error tells to call instead."""

    def __init_subclass__(cls, **options: Any) -> None:
        """`class Worker(GenServer, restart="transient", shutdown=10_000)` is Elixir's
        `use GenServer, restart: :transient, shutdown: 10_000`: the keywords go into every
        spec `Worker.child_spec` makes (a subclass keeps its parent's, and may add more).

        >>> class Worker(GenServer, restart="transient"): pass
        >>> Worker.child_spec(1)["restart"]
        'transient'
        """
        super().__init_subclass__()
        unknown = [key for key in options if key not in CHILD_SPEC_KEYS]
        if unknown:     # Elixir finds it only when child_spec is called: here, at once
            raise BadArgument(f"class {cls.__name__}(GenServer, {unknown[0]}=...): the "
                              f"keywords of a GenServer class are child spec keys, "
                              f"{', '.join(CHILD_SPEC_KEYS)}")
        cls._spec_options = {**cls._spec_options, **options}

    @classmethod
    def child_spec(cls, arg: Any) -> dict:
        """How a supervisor starts this server, as the `child_spec/1` of Elixir's
        `use GenServer`: `{"id": cls.__name__, "start": ...}` and the class statement's
        keywords, nothing more (the supervisor fills in the defaults: "permanent", a
        "worker", 5000 ms). Elixir's `start` calls `Worker.start_link(arg)`; here it is
        `Worker.start_link_spec(arg)`, which is `GenServer.start_link(Worker, arg)`, so a
        server needs no start_link of its own.

        Override it to start the server another way (with a name, say).

        >>> class Worker(GenServer): pass
        >>> sorted(Worker.child_spec(1)), Worker.child_spec(1)["start"][1]
        (['id', 'start'], (1,))
        """
        return {"id": cls.__name__, "start": (cls.start_link_spec, (arg,)),
                **cls._spec_options}

    @classmethod
    def start_link_spec(cls, arg: Any) -> Any:
        """`GenServer.start_link(cls, arg)`: the start of `child_spec`'s spec. It is a
        method of the server's class, as Elixir's `Worker.start_link(arg)` is a function
        of the server's module, so that `which_children` shows `[Worker]` in the modules
        column, as OTP does (it shows the start function's module).

        actorlab's own servers have none (a `BadArgument` says how they start): their
        child_spec takes options, as Elixir's Supervisor.start_link takes children and
        options, not one arg."""
        if cls._own_start is not None:
            raise BadArgument(f"{cls.__name__} has no start_link_spec(arg), the start of a "
                              f"GenServer class's child_spec(arg): it takes options; start "
                              f"it with {cls._own_start}")
        return GenServer.start_link(cls, arg)

    # -- the client API ------------------------------------------------------------

    @staticmethod
    def start(module: type[GenServer], arg: Any = None, *, name: Any = None,
              timeout: int | str | None = None, **unknown: Any) -> Any:
        """Start a server process, unlinked: `("ok", pid)`, `("error", reason)` or "ignore".

        `name` is a string, or `("via", Registry, (registry, key))`; if a process has it
        already, the answer is `("error", ("already_started", pid))` and nothing is
        spawned. As in OTP (gen.erl), the start waits for `init` as long as it takes
        unless given a `timeout` in ms, after which it kills the server and answers
        `("error", "timeout")`. A server that dies before init answers (an exit signal,
        a linked process's crash) gives `("error", its exit reason)`: as proc_lib:start,
        the start monitors it from the spawn on. An unlinked server is its own parent:
        an exit signal from the process that started it is, to a server that traps
        exits, just a message for `handle_info`.

        Any other keyword is a `BadArgument`: Elixir's `debug`, `hibernate_after` and
        `spawn_opt` are not here, and Elixir would ignore a misspelt option.
        """
        refuse_options("GenServer.start", unknown, START_OPTIONS, ELIXIR_START_OPTIONS,
                       NO_START_OPTIONS)
        return _start(module, arg, name, timeout, link=False)

    @staticmethod
    def start_link(module: type[GenServer], arg: Any = None, *, name: Any = None,
                   timeout: int | str | None = None, **unknown: Any) -> Any:
        """`start`, linked to the caller, which becomes the server's parent (what
        supervisors use): if the parent exits, a server that traps exits runs `terminate`
        with the parent's reason and exits with it.

        As proc_lib:start_link, it holds no monitor: if the server dies before init
        answers, a caller that traps exits gets `("error", its exit reason)` (the EXIT is
        taken from its mailbox), and a caller that does not dies with it, of the link.
        Its keywords are `start`'s."""
        refuse_options("GenServer.start_link", unknown, START_OPTIONS, ELIXIR_START_OPTIONS,
                       NO_START_OPTIONS)
        return _start(module, arg, name, timeout, link=True)

    @staticmethod
    def whereis(server: Any) -> Pid | tuple[str, str] | None:
        """The pid of `server` (a pid, a name, `(name, node)` or a via-name), or None if
        nothing has that name; `(name, node)` for a name on another node, as in Elixir.

        >>> GenServer.whereis("nobody"), GenServer.whereis(("counter", "other@host"))
        (None, ('counter', 'other@host'))
        """
        return whereis_name(server)

    @staticmethod
    def call(server: Any, request: Any, timeout: int | str | None = DEFAULT_TIMEOUT) -> Any:
        """Send `request` and wait for the reply, at most `timeout` ms (None or "infinity":
        forever; exit reasons say "infinity", as OTP's do). A timeout that is not a whole
        number of ms, 0 or more, raises BadArgument, and nothing is sent.

        Exits (raises `Exit`) with `(reason, ("GenServer", "call", [server, request,
        timeout]))` when the server is unknown or dead ("noproc"), dies before replying
        (its exit reason), does not reply in time ("timeout"), is the caller itself
        ("calling_self", OTP 25's check), or is a name on another node
        (`("nodedown", node)`: this node is not part of a cluster). A server cut off by
        a partition (its DOWN says "noconnection") gives `("nodedown", "nonode@nohost")`,
        as gen:call turns that DOWN into the server's node going down (with no timeout,
        gen:call keeps "noconnection" for a server of its own node, and so does this).
        """
        timeout, as_written = _forever(timeout)
        where = ("GenServer", "call", [server, request, as_written])
        pid = _running(whereis_name(server), where)
        # The monitor's ref is also an alias: the tag of the request. If we stop waiting,
        # the alias goes with the monitor, and a late reply is dropped, as in OTP 24+.
        tag = monitor(pid, alias=True)
        send(pid, gen_call((self_pid(), tag), request))
        try:
            answer = receive(OneOf((tag, ANY), ("DOWN", tag, ANY, ANY, ANY)),
                             timeout=timeout, waiting_for=pid)
        except ReceiveTimeout:
            demonitor(tag, flush=True)
            raise Exit(("timeout", where)) from None
        if len(answer) == 5:                    # the DOWN: the server died first
            raise Exit((down_reason(answer[4], forever=timeout is None), where))
        demonitor(tag, flush=True)
        return answer[1]

    @staticmethod
    def cast(server: Any, message: Any) -> str:
        """Send `message` to the server's `handle_cast` without waiting; always "ok"."""
        if server is not None:      # Elixir's nil is an atom: a cast to it is :ok, too
            check_server(server)    # a mistake to fix, not a server that is gone: not rescued
        if isinstance(server, str) or type(server) is tuple and len(server) == 2:
            # A name, or (name, node): sent by name, as Elixir's cast does. The name is
            # looked up when it is sent (or, for a message a fault delays, when it
            # arrives), and a name nobody has is no error.
            if type(server) is tuple or whereis(server) is not None:
                send(server, gen_cast(message))
            return "ok"
        try:
            pid = whereis_name(server)
        except BadArgument:         # e.g. an unknown registry: Elixir's cast rescues it too
            return "ok"
        if type(pid) is Pid:        # not None, nor a name on another node
            send(pid, gen_cast(message))
        return "ok"

    @staticmethod
    def reply(from_: tuple, reply: Any) -> str:
        """Answer a call later (after returning "noreply" from handle_call); "ok".

        `from_` is the pair handle_call got, (caller's pid, tag), passed whole: anything
        else raises BadArgument in the caller (OTP's gen:reply has no clause for it). As
        gen:reply does, the answer is the message `(tag, reply)`, sent to the tag if it is
        an alias (the tag of a `GenServer.call`: a call that gave up waiting has dropped
        its alias, and with it the late reply), else to the pid (a from_ made by hand, or
        the from_ of a "$gen_call" sent by hand, with any tag).
        """
        if not (type(from_) is tuple and len(from_) == 2 and type(from_[0]) is Pid):
            raise BadArgument(f"GenServer.reply: {short(from_)} is not a caller to answer: "
                              "pass the from_ that handle_call got, whole, the pair (pid, tag)")
        caller, tag = from_
        is_alias = type(tag) is Ref and tag.owner is not None   # made by alias() or a call
        send(tag if is_alias else caller, (tag, reply))
        return "ok"

    @staticmethod
    def stop(server: Any, reason: Any = "normal", timeout: int | str | None = None) -> str:
        """Stop the server: it runs `terminate(reason, state)` and exits. "ok" once it has.

        As OTP's proc_lib:stop, it is a request the server acknowledges before it stops
        (sys:terminate), then a wait for the server's end, both within `timeout` ms.
        Exits with `(why, ("GenServer", "stop", [server, reason, timeout]))` if the
        server is not running ("noproc"), is the caller ("calling_self"), takes longer
        than `timeout` ("timeout"; it goes on stopping), ends with another reason (say,
        its `terminate` raised), or ends without acknowledging
        (`(its reason, ("sys", "terminate", [pid, reason, timeout]))`). A plain process,
        not a GenServer, ignores the request: as on the BEAM, a stop without a timeout
        then waits forever (actorlab's DeadlockError says what for).
        """
        wait, as_written = _forever(timeout)
        where = ("GenServer", "stop", [server, reason, as_written])
        found = whereis_name(server)
        if on_node(found):          # as on the BEAM: proc_lib:stop cannot monitor it
            raise BadArgument(f"cannot stop {short(server)}: it is on another node, and "
                              "this node is not part of a cluster")
        pid = _running(found, where)
        deadline = None if wait is None else now() + wait
        tag = monitor(pid, alias=True)      # as a call's: the tag of the acknowledgement
        send(pid, gen_stop((self_pid(), tag), reason))
        down = ("DOWN", tag, ANY, ANY, ANY)
        try:
            answer = receive(OneOf((tag, ANY), down), timeout=wait, waiting_for=pid)
            if len(answer) == 2:            # acknowledged: now wait for its end
                left = None if deadline is None else max(0, deadline - now())
                answer = receive(down, timeout=left, waiting_for=pid)
            elif answer[4] != "noproc":     # it ended without acknowledging
                why = down_reason(answer[4], forever=wait is None)     # sys:terminate's call
                raise Exit(((why, ("sys", "terminate", [pid, reason, as_written])), where))
        except ReceiveTimeout:
            demonitor(tag, flush=True)
            raise Exit(("timeout", where)) from None
        if answer[4] != reason:
            raise Exit((answer[4], where))
        return "ok"


def refuse_options(action: str, options: dict, accepted: tuple[str, ...],
                   elixir_only: tuple[str, ...] = (), lacks: str = "") -> None:
    """`BadArgument` for the first of `options` that is not `accepted`: one of Elixir's
    options actorlab lacks (`elixir_only`, and `lacks` says why), or a misspelt one.
    Elixir ignores an option it does not know; here it is refused, so that a typo does
    not pass for an option that did nothing.

    >>> refuse_options("GenServer.start", {"name": "a", "nmae": "b"}, START_OPTIONS)
    Traceback (most recent call last):
    ...
    actorlab.runtime.errors.BadArgument: GenServer.start has no option nmae=: drop it; the options are name and timeout
    """
    for option in options:
        if option in accepted:
            continue
        module = action.split(".")[0]
        note = f" (Elixir's {module} has it, {lacks})" if option in elixir_only else ""
        listed = (f"{', '.join(accepted[:-1])} and {accepted[-1]}" if len(accepted) > 1
                  else accepted[0])
        raise BadArgument(f"{action} has no option {option}={note}: drop it; the options "
                          f"are {listed}")


def missing_callback(reason: Any) -> str | None:
    """Which callback a server did not define, if `reason` is the error that GenServer's
    default raised when the server was called ("handle_call") or cast to ("handle_cast");
    else None.

    >>> from actorlab import reset
    >>> _ = reset(log=None)
    >>> class Bare(GenServer):
    ...     def init(self, arg):
    ...         return ("ok", arg)
    >>> _, pid = GenServer.start(Bare)
    >>> try:
    ...     GenServer.call(pid, "hello")
    ... except Exit as exit_:
    ...     missing_callback(exit_.reason[0])
    'handle_call'
    """
    return getattr(reason, "missing_callback", None) if isinstance(reason, RuntimeError) else None


def _no_clause(action: str, callback: str, arity: int) -> RuntimeError:
    """Elixir's error for a call or cast to a server that does not define `callback`.

    Its text is Elixir's, word for word (the twins compare it with the BEAM's), and it
    stays a RuntimeError, as in Elixir; the callback's name rides along as an attribute,
    so that `missing_callback` recognises it without reading the text.
    """
    error = RuntimeError(f"attempted to {action} GenServer {self_pid()!r} but no "
                         f"{callback}/{arity} clause was provided")
    error.missing_callback = callback
    return error


def _running(pid: Pid | tuple | None, where: tuple) -> Pid:
    """The pid to call or stop (what `whereis_name` found), or the exit OTP gives when
    there is none to use."""
    if pid is None:
        raise Exit(("noproc", where))
    if type(pid) is not Pid:                    # (name, node) on another node
        raise Exit((("nodedown", pid[1]), where))
    me = self_pid()
    if pid == me and pid.node == me.node:      # (a pid from before reset() is refused later)
        raise Exit(("calling_self", where))
    return pid


# -- starting: spawn, then wait for the new process to say how init went -----------

def _is_timeout(value: Any) -> bool:
    """OTP's `timeout()`: a whole number of ms, 0 or more, or "infinity" (no timeout).

    >>> [_is_timeout(t) for t in (0, 100, "infinity", -1, 1.5, True, "soon")]
    [True, True, True, False, False, False, False]
    """
    return value == "infinity" or (type(value) is int and value >= 0)


def _forever(timeout: int | str | None) -> tuple[int | None, int | str]:
    """A client's timeout for `receive` (None: forever) and as OTP writes it in exit
    reasons. Anything but a `timeout()` (or None) is refused, as gen.erl's guard does,
    before the client sends anything.

    >>> _forever("infinity"), _forever(None), _forever(50)
    ((None, 'infinity'), (None, 'infinity'), (50, 50))
    """
    if timeout is None or timeout == "infinity":
        return None, "infinity"
    if not _is_timeout(timeout):
        whole = (" (a float often comes from `/`, where `//` keeps an int)"
                 if isinstance(timeout, float) else "")
        raise BadArgument(f"a timeout is a whole number of milliseconds, 0 or more, or "
                          f"\"infinity\", not {short(timeout)}: pass whole milliseconds"
                          f"{whole}, or \"infinity\" (or None) to wait as long as it takes")
    return timeout, timeout


def _start(module: type[GenServer], arg: Any, name: Any, timeout: int | str | None, *,
           link: bool) -> Any:
    wait = _forever(timeout)[0]      # a bad timeout spawns nothing
    if not (isinstance(module, type) and issubclass(module, GenServer)):
        raise BadArgument(f"GenServer.start needs a GenServer subclass, not {short(module)}: "
                          "define class Counter(GenServer) and pass Counter itself")
    if name is not None:
        check_registrable(name)
        holder = whereis_name(name)     # as gen.erl does: a taken name spawns nothing
        if holder is not None:
            return ("error", ("already_started", holder))
    starter = self_pid()
    label = name if isinstance(name, str) else module.__name__

    def initial_call(arg: Any) -> None:
        # gen.erl: the caller of start_link is the parent; an unlinked server is its own.
        _init_it(starter, starter if link else self_pid(), module, arg, name)

    # Reports and traces show the initial call as OTP does: Counter.init(arg).
    initial_call.__qualname__ = f"{module.__name__}.init"
    if link:
        return _sync_start_link(spawn_link(initial_call, arg, label=label), wait)
    return _sync_start(*spawn_monitor(initial_call, arg, label=label), wait)


def _sync_start(pid: Pid, ref: Ref, wait: int | None) -> Any:
    """OTP 25's proc_lib:sync_start: wait for the ack of the server spawned with the
    monitor `ref`. The monitor is set by the spawn itself, before the server runs, so
    a server that dies before its ack (an exit signal, a linked process's crash) is
    still seen: the answer is `("error", its exit reason)`."""
    try:
        answer = receive(OneOf((ACK, pid, ANY), ("DOWN", ref, ANY, ANY, ANY)),
                         timeout=wait, waiting_for=pid)
    except ReceiveTimeout:
        demonitor(ref, flush=True)
        return _kill_flush(pid)
    if answer[0] == "DOWN":
        return ("error", answer[4])
    demonitor(ref, flush=True)
    return answer[2]


def _sync_start_link(pid: Pid, wait: int | None) -> Any:
    """OTP 25's proc_lib:sync_start_link: no monitor, the link says it all. A caller
    that traps exits gets the server's EXIT if it dies before its ack, and takes it
    from its mailbox: the answer is `("error", its exit reason)`. A caller that does not
    trap exits dies with the server, of the link (unless the reason is "normal")."""
    try:
        answer = receive(OneOf((ACK, pid, ANY), ("EXIT", pid, ANY)),
                         timeout=wait, waiting_for=pid)
    except ReceiveTimeout:
        return _kill_flush(pid)
    return ("error", answer[2]) if answer[0] == "EXIT" else answer[2]


def _kill_flush(pid: Pid) -> tuple[str, str]:
    """A start that timed out: unlink first (its death is no news to the caller), kill
    the server, and take an EXIT of it that came meanwhile, as proc_lib does.
    Returns the start's answer, `("error", "timeout")`."""
    unlink(pid)
    exit(pid, "kill")
    try:
        receive(("EXIT", pid, ANY), timeout=0)
    except ReceiveTimeout:
        pass
    return ("error", "timeout")


def _init_it(starter: Pid, parent: Pid, module: type[GenServer], arg: Any, name: Any) -> None:
    """The first thing a server process does: take its name, run init, tell the starter.

    The name was free a moment ago, when the starter looked; another process may have
    taken it since.
    """
    if name is not None and register_name(name, self_pid()) != "yes":
        send(starter, (ACK, self_pid(), ("error", ("already_started", whereis_name(name)))))
        return
    callbacks = module()
    try:
        result = callbacks.init(arg)
    except Exit as exit_:
        _ack_and_exit(starter, name, ("error", exit_.reason), exit_.reason)
    except Exception as error:
        _ack_and_exit(starter, name, ("error", error), error)
    if result == "ignore":
        _ack_and_exit(starter, name, "ignore", "normal")
    if is_tagged(result, "stop", 2):
        _ack_and_exit(starter, name, ("error", result[1]), result[1])
    state_and_extra = _goes_on(result, "ok", 2)
    if state_and_extra is None:
        bad = ("bad_return_value", result)
        _ack_and_exit(starter, name, ("error", bad), bad)
    send(starter, (ACK, self_pid(), ("ok", self_pid())))
    _Server(callbacks, parent, name).loop(*state_and_extra)


def _ack_and_exit(starter: Pid, name: Any, answer: Any, reason: Any) -> None:
    if name is not None:
        unregister_name(name)
    send(starter, (ACK, self_pid(), answer))
    exit(reason)


# -- the loop ----------------------------------------------------------------------

class _Server:
    """The running loop of one server: receive, dispatch by message shape, repeat."""

    def __init__(self, callbacks: GenServer, parent: Pid, name: Any) -> None:
        self.callbacks = callbacks
        self.parent = parent
        self.name = name
        self.last_message: Any = None

    def loop(self, state: Any, extra: Any) -> None:
        while True:
            timeout, continue_with = _after(extra)
            if continue_with is not None:
                state, extra = self._dispatch("handle_continue", continue_with, state)
                continue
            try:
                message = receive(timeout=timeout)
            except ReceiveTimeout:
                message = "timeout"
            self.last_message = message
            state, extra = self._handle(message, state)

    def _handle(self, message: Any, state: Any) -> tuple[Any, Any]:
        if is_gen_call(message):
            _, from_, request = message
            return self._dispatch("handle_call", request, state, from_)
        if is_gen_cast(message):
            return self._dispatch("handle_cast", message[1], state)
        if is_gen_stop(message):        # acknowledged first, as sys:terminate is
            GenServer.reply(message[1], "ok")
            self._terminate(message[2], state)
        if is_tagged(message, "EXIT", 3) and message[1] == self.parent:
            self._terminate(message[2], state)     # only seen when trapping exits
        return self._dispatch("handle_info", message, state)

    def _dispatch(self, callback: str, message: Any, state: Any,
                  from_: tuple | None = None) -> tuple[Any, Any]:
        """Run a callback; act on the tuple it returns. Returns (state, extra)."""
        args = (message, from_, state) if callback == "handle_call" else (message, state)
        try:
            result = getattr(self.callbacks, callback)(*args)
        except Exit as exit_:       # e.g. a call it made failed: end with that exit reason
            self._terminate(exit_.reason, state)
        except Exception as error:
            self._terminate(error, state)
        # The whole return is checked before replying, as gen_server.erl does: a reply
        # with a bad timeout is a bad return value, and the caller gets no reply.
        after_reply = _goes_on(result, "reply", 3) if from_ is not None else None
        if after_reply is not None:
            GenServer.reply(from_, result[1])
            return after_reply
        after_noreply = _goes_on(result, "noreply", 2)
        if after_noreply is not None:
            return after_noreply
        if from_ is not None and is_tagged(result, "stop", 4):
            _, reason, reply, state = result
            self._terminate(reason, state, reply_to=(from_, reply))
        if is_tagged(result, "stop", 3):
            self._terminate(result[1], result[2])
        self._terminate(("bad_return_value", result), state)

    def _terminate(self, reason: Any, state: Any, reply_to: tuple | None = None) -> None:
        """End the server, on purpose or after a callback failed: run `terminate`, then
        reply (if there is a reply to send), log the report (unless the reason is normal),
        and exit with `reason`.

        As in gen_server.erl (`try terminate(...) after reply(From, Reply) end`),
        `terminate` runs before the reply of a `("stop", reason, reply, state)`, and the
        reply is sent even if `terminate` fails; a `terminate` that fails makes its own
        failure the exit reason.
        """
        try:
            self.callbacks.terminate(reason, state)
        except Exit as exit_:
            reason = exit_.reason
        except Exception as error:
            reason = error
        if reply_to is not None:
            GenServer.reply(*reply_to)
        if not is_normal(reason):
            self._report(reason, state)
        exit(reason)

    def _report(self, reason: Any, state: Any) -> None:
        """Elixir's "GenServer terminating" error report."""
        what = (f"** ({type(reason).__name__}) {reason}" if isinstance(reason, BaseException)
                else f"** (stop) {short(reason, 200)}")
        log(f"[error] GenServer {self_pid()!r} terminating\n{what}\n"
            f"Last message: {short(self.last_message)}\nState: {short(state)}")


def _goes_on(result: Any, tag: str, size: int) -> tuple[Any, Any] | None:
    """(state, extra) if a callback's `result` lets the server go on: `(tag, ..., state)`
    of `size` elements, or that followed by a valid extra (None if there is none); else
    None. OTP accepts as extra a `timeout()`, "hibernate" or ("continue", arg).

    >>> _goes_on(("noreply", "s"), "noreply", 2), _goes_on(("noreply", "s", 50), "noreply", 2)
    (('s', None), ('s', 50))
    >>> _goes_on(("noreply", "s", -1), "noreply", 2), _goes_on(("reply", "r", "s"), "noreply", 2)
    (None, None)
    """
    if is_tagged(result, tag, size):
        return result[size - 1], None
    if is_tagged(result, tag, size + 1):
        extra = result[size]
        if _is_timeout(extra) or extra == "hibernate" or is_tagged(extra, "continue", 2):
            return result[size - 1], extra
    return None


def _after(extra: Any) -> tuple[int | None, Any]:
    """What a valid extra (see `_goes_on`) asks for: (receive timeout, continue argument);
    None, "infinity" and "hibernate" set no timeout."""
    if is_tagged(extra, "continue", 2):
        return None, extra[1]
    return (extra if type(extra) is int else None), None

