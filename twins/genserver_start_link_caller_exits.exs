# Scenario: start_link from a process that does not trap exits. If init fails, start_link
# returns {:error, reason}, but the server's exit reaches the caller through the link, so
# the caller dies with the same reason: a raise or a {:stop, reason} takes it down. A
# :normal exit does not: {:stop, :normal} and :ignore leave the caller running (it then
# ends by itself, normally, 100 ms later). Twin: genserver_start_link_caller_exits.py.
Twin.start()

defmodule Failing do
  use GenServer
  def init(:raise), do: raise("boom")
  def init(:stop), do: {:stop, :no_way}
  def init(:stop_normal), do: {:stop, :normal}
  def init(:ignore), do: :ignore
end

for what <- [:raise, :stop, :stop_normal, :ignore] do
  {_caller, ref} = spawn_monitor(fn ->
    GenServer.start_link(Failing, what)
    Process.sleep(100)
  end)

  receive do: ({:DOWN, ^ref, :process, _, reason} -> Twin.say("init #{what}: the caller exits with", reason))
end
