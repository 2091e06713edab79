# Scenario: a chain a - b - c of linked processes that do not trap exits; the shell
# monitors all three, and a crashes. The DOWNs come in the order of cause and effect:
# a's, then b's, then c's (b dies only once it has a's exit signal). And a trapping
# shell linked to c gets a's DOWN before c's EXIT.
# Twin: link_cascade_down_order.py.
Twin.start()
Process.register(self(), :shell)
me = self()
c = spawn(fn -> receive do :never -> :ok end end)
b = spawn(fn -> Process.link(c); send(me, :b_ready); receive do :never -> :ok end end)
receive do :b_ready -> :ok end
a = spawn(fn -> Process.link(b); send(me, :a_ready); receive do :go -> exit(:boom) end end)
receive do :a_ready -> :ok end
Twin.name(a, "a"); Twin.name(b, "b"); Twin.name(c, "c")
for p <- [a, b, c], do: Process.monitor(p)
send(a, :go)
Twin.say("DOWNs", Twin.heard(200) |> Enum.map(fn {:DOWN, _, _, p, r} -> {p, r} end))
Process.flag(:trap_exit, true)
c = spawn_link(fn -> receive do :never -> :ok end end)
b = spawn(fn -> Process.link(c); send(me, :b_ready); receive do :never -> :ok end end)
receive do :b_ready -> :ok end
a = spawn(fn -> Process.link(b); send(me, :a_ready); receive do :go -> exit(:boom) end end)
receive do :a_ready -> :ok end
Twin.name(a, "a"); Twin.name(b, "b"); Twin.name(c, "c")
Process.monitor(a)
send(a, :go)
Twin.say("DOWN of a vs EXIT of c", Twin.heard(200) |> Enum.map(fn {:DOWN, _, _, p, r} -> {:DOWN, p, r}; {:EXIT, p, r} -> {:EXIT, p, r} end))
