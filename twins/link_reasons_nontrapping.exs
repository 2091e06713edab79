# Scenario: a go-between starts a server with start_link, and the server stops with
# normal, shutdown, {shutdown, x} or another reason. The go-between, which does not trap
# exits, survives only normal; the server's DOWN comes before the go-between's.
# Twin: link_reasons_nontrapping.py.
Twin.start()
Process.register(self(), :shell)

defmodule Q do
  use GenServer
  def init(_), do: {:ok, nil}
  def handle_cast({:stop, r}, s), do: {:stop, r, s}
end

for r <- [:normal, :shutdown, {:shutdown, :bye}, :other] do
  # a middle process (not trapping) start_links the server, and is monitored by the shell
  {mid, mref} = spawn_monitor(fn ->
    {:ok, q} = GenServer.start_link(Q, nil)
    send(:shell, {:server, q})
    Process.sleep(400)
    send(:shell, :mid_alive)
  end)
  q = receive do {:server, q} -> q end
  qref = Process.monitor(q)
  GenServer.cast(q, {:stop, r})
  msgs = Twin.heard(600) |> Enum.map(fn
    {:DOWN, ^qref, _, _, why} -> {:server_down, why}
    {:DOWN, ^mref, _, _, why} -> {:mid_down, why}
    m -> m end)
  _ = mid
  Twin.say("stop #{inspect(r)}", msgs)
end
