# Scenario: two servers that call each other: `accounts` calls `ledger` to record a
# payment, `ledger` calls `accounts` for the balance in a report. One after the other, both
# complete. When a payment and a report cross (each handler does 100 ms of work first, so
# they do), each server waits for the other: only the calls' timeouts end it, and the
# crash spreads to both servers and both clients. Twin: interleaving_mutual_call.py.
Twin.start()

defmodule Accounts do
  use GenServer
  def init(balance), do: {:ok, balance}
  def handle_call(:balance, _from, balance), do: {:reply, balance, balance}

  def handle_call({:pay, amount}, _from, balance) do
    Process.sleep(100)
    :ok = GenServer.call(:ledger, {:record, amount}, 200)
    {:reply, :paid, balance - amount}
  end
end

defmodule Ledger do
  use GenServer
  def init(entries), do: {:ok, entries}
  def handle_call({:record, amount}, _from, entries), do: {:reply, :ok, entries ++ [amount]}

  def handle_call(:report, _from, entries) do
    Process.sleep(100)
    balance = GenServer.call(:accounts, :balance, 1000)
    {:reply, {balance, entries}, entries}
  end
end

GenServer.start(Accounts, 100, name: :accounts)
GenServer.start(Ledger, [], name: :ledger)
Twin.say("one after the other, pay", GenServer.call(:accounts, {:pay, 30}))
Twin.say("one after the other, report", GenServer.call(:ledger, :report))

shell = self()
spawn(fn -> send(shell, {:ann, Twin.attempt(fn -> GenServer.call(:accounts, {:pay, 30}) end)}) end)
spawn(fn -> send(shell, {:bob, Twin.attempt(fn -> GenServer.call(:ledger, :report) end)}) end)
receive do: ({:ann, result} -> Twin.say("at the same time, pay", result))
receive do: ({:bob, result} -> Twin.say("at the same time, report", result))
Twin.say("accounts and ledger still running", [Process.whereis(:accounts), Process.whereis(:ledger)])
