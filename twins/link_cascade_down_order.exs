# Scenario: a chain a - b - c of linked processes that do not trap exits; the shell
# monitors all three, and a crashes. The DOWNs come in the order of cause and effect:
# a's, then b's, then c's (b dies only once it has a's exit signal). And a trapping
# shell linked to c gets a's DOWN before c's EXIT.
# Twin: link_cascade_down_order.py.
Twin.start()
me = self()

# c, started by start_c (spawn, or spawn_link to the shell); b linked to c; a linked to
# b, and waiting for :go to crash.
chain = fn start_c ->
  c = start_c.(fn -> receive do: (:never -> :ok) end)
  b = spawn(fn -> Process.link(c); send(me, :ready); receive do: (:never -> :ok) end)
  receive do: (:ready -> :ok)
  a = spawn(fn -> Process.link(b); send(me, :ready); receive do: (:go -> exit(:boom)) end)
  receive do: (:ready -> :ok)
  Twin.name(a, "a")
  Twin.name(b, "b")
  Twin.name(c, "c")
  {a, b, c}
end

{a, b, c} = chain.(&spawn/1)
for p <- [a, b, c], do: Process.monitor(p)
send(a, :go)
Twin.say("DOWNs", Twin.heard(200) |> Enum.map(fn {:DOWN, _, _, p, r} -> {p, r} end))

Process.flag(:trap_exit, true)
{a, _b, _c} = chain.(&spawn_link/1)
Process.monitor(a)
send(a, :go)
Twin.say("DOWN of a vs EXIT of c",
  Twin.heard(200) |> Enum.map(fn {:DOWN, _, _, p, r} -> {:DOWN, p, r}; exit -> exit end))
