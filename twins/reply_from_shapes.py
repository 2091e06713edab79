"""Scenario: GenServer.reply with froms that no call made. A non-tuple is refused (gen:reply
has no clause for it); (pid, tag) with any tag, an atom here, is accepted: gen:reply sends
(tag, reply) to pid. Twin: reply_from_shapes.exs."""
from twin import attempt, heard, say, start

from actorlab import GenServer, self_pid

start()
say("reply(:nobody, :x)", attempt(lambda: GenServer.reply("nobody", "x")))
say("reply({self(), :tag}, :x)", attempt(lambda: GenServer.reply((self_pid(), "tag"), "x")))
say("the shell heard", heard(100))
