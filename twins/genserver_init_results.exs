# Scenario: what GenServer.start answers for each thing init can do: {:ok, pid} for
# {:ok, state}; :ignore for :ignore; {:error, reason} for {:stop, reason}, for an exit, for
# a raise (the exception), and {:error, {:bad_return_value, value}} for anything else.
# terminate is not called when init fails. With start_link and a caller that traps exits,
# the answer is the same, and the server's exit (:normal for :ignore) arrives as an
# {:EXIT, pid, reason} message afterwards. Twin: genserver_init_results.py.
Twin.start()
Process.register(self(), :shell)

defmodule Starter do
  use GenServer
  def init(:ok), do: {:ok, nil}
  def init(:ignore), do: :ignore
  def init(:stop), do: {:stop, :no_way}
  def init(:exit), do: exit(:bye)
  def init(:raise), do: raise("boom")
  def init(:bad), do: :what
  def terminate(reason, _state), do: send(:shell, {:terminate, reason})
end

cases = [:ignore, :stop, :exit, :raise, :bad]

for what <- cases do
  Twin.say("start, init #{what}", GenServer.start(Starter, what))
end

Twin.say("the shell's mailbox", Twin.mailbox())
Process.flag(:trap_exit, true)

for what <- cases do
  Twin.say("start_link, init #{what}", GenServer.start_link(Starter, what))
  receive do: ({:EXIT, _pid, reason} -> Twin.say("then an EXIT", reason))
end

Twin.say("the shell's mailbox", Twin.mailbox())
