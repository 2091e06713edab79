# Scenario: the runtime's send and monitor accept {name, node()} for a registered name on
# this node (:nonode@nohost when the node is not part of a cluster). A monitor made that
# way names the process as {name, node} in its DOWN. Unlike send to a bare name nobody
# has, which raises, send to {name, node()} for a name nobody has is silently dropped.
# A monitor of such a name gives a DOWN with :noproc at once.
# Twin: name_node_send_monitor.py (needs actorlab's runtime to accept (name, node)).
Twin.start()
shell = self()

echo = spawn(fn -> receive do: (message -> send(shell, {:echo, message})) end)
Process.register(echo, :echo)
here = {:echo, :nonode@nohost}
ref = Process.monitor(here)
Twin.say("send returns", send(here, :hello))
receive do: ({:echo, message} -> Twin.say("the echo got", message))
receive do: ({:DOWN, ^ref, :process, who, reason} -> Twin.say("the DOWN names", {who, reason}))

Twin.say("send to a bare name nobody has", Twin.attempt(fn -> send(:nobody, :hello) end))
Twin.say("send to {name, node} nobody has", Twin.attempt(fn -> send({:nobody, :nonode@nohost}, :hello) end))
ref = Process.monitor({:nobody, :nonode@nohost})
receive do: ({:DOWN, ^ref, :process, who, reason} -> Twin.say("monitor {name, node} nobody has", {who, reason}))
