# Scenario: a supervised server is killed while it handles a call. The caller exits with
# the server's reason, {:killed, {GenServer, :call, ...}}; the supervisor starts the server
# again, under a new pid that takes its name; a call by name then reaches the new one.
# On the BEAM the kill is staged: the server tells the test it is handling the call and
# waits, and the test kills it then. actorlab injects the same kill as a fault
# (faults.kill("accounts", after=1)). Twin: fault_kill_mid_call.py.
Twin.start()
test = self()

defmodule Accounts do
  use GenServer
  def start_link(test), do: GenServer.start_link(Accounts, test, name: :accounts)
  def init(test), do: {:ok, test}

  def handle_call({:pay, amount}, _from, test) do
    send(test, {:handling, self()})
    receive do: (:go -> :ok)
    {:reply, {:paid, amount}, test}
  end

  def handle_call(:ping, _from, test), do: {:reply, :pong, test}
end

{:ok, _sup} = Supervisor.start_link([{Accounts, test}], strategy: :one_for_one)
first = Process.whereis(:accounts)
Twin.name(first, "accounts")

client =
  spawn(fn ->
    send(test, {:client, Twin.attempt(fn -> GenServer.call(:accounts, {:pay, 5}) end)})
  end)

Twin.name(client, "client")
receive do: ({:handling, ^first} -> Process.exit(first, :kill))
receive do: ({:client, answer} -> Twin.say("the client's call", answer))
Process.sleep(100)
now = Process.whereis(:accounts)
Twin.say("accounts runs again, under a new pid", now != nil and now != first)
Twin.say("a call by name reaches it", GenServer.call(:accounts, :ping))
