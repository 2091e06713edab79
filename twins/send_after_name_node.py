"""Scenario: send_after's destination is a pid or a bare registered name. (name, node),
which send and monitor accept, is refused with BadArgument (Elixir's ArgumentError), and
no timer starts. Twin: send_after_name_node.exs."""
from twin import attempt, heard, say, start

from actorlab import register, self_pid, send_after

start()
register("me", self_pid())
say("send_after to {name, node}", attempt(lambda: send_after(("me", "nonode@nohost"), "hi", 100)))
say("send_after to the bare name", attempt(lambda: send_after("me", "hi", 100)))
say("the shell gets", heard(200))
