"""Scenario: some names cannot be registered: "undefined" (what Erlang's whereis answers
for a name nobody has), and None, True or False (not strings): each raises BadArgument
(Elixir's ArgumentError). The process can still take a proper name afterwards.
Twin: register_reserved_names.exs."""
from twin import attempt, say, start

from actorlab import receive, register, spawn, whereis

start()
pid = spawn(lambda: receive("stop"))
say("register :undefined", attempt(lambda: register("undefined", pid)))
say("register nil", attempt(lambda: register(None, pid)))
say("register true", attempt(lambda: register(True, pid)))
say("whereis :undefined", whereis("undefined"))
say("register :ok", attempt(lambda: register("ok", pid)))
