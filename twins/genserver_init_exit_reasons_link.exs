# Scenario: start_link from a caller that does not trap exits, for an init that calls
# exit/1. The server's exit reaches the caller along the link, as start_link returns
# {:error, reason}: any reason but :normal takes the caller down with that same reason,
# :shutdown and {:shutdown, _} too. An exit reason :kill travels along the link as a
# plain reason: the caller ends with :kill, not :killed. (The caller sleeps 100 ms after
# start_link; with :normal it then ends normally.)
# Twin: genserver_init_exit_reasons_link.py.
Twin.start()

defmodule Quits do
  use GenServer
  def init(reason), do: exit(reason)
end

for reason <- [:normal, :shutdown, {:shutdown, :x}, :kill] do
  {_caller, ref} =
    spawn_monitor(fn ->
      GenServer.start_link(Quits, reason)
      Process.sleep(100)
    end)

  receive do
    {:DOWN, ^ref, :process, _, why} -> Twin.say("init exits with #{inspect(reason)}: the caller exits with", why)
  end
end
