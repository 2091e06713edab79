# Scenario: the tempting fix for the accounts/ledger call cycle: accounts casts the record
# to ledger instead of calling, so nothing waits in a cycle. But a report that ledger
# works on while the record waits in its mailbox reads the balance after the payment and
# the entries before it: balance 70, no entry. Forced here: ledger's report works 200 ms
# before it asks accounts for the balance, and ann pays at 100 ms. Once the report is
# done, ledger takes the record. Twin: interleaving_cast_record_gap.py.
Twin.start()
shell = self()

defmodule Accounts do
  use GenServer
  def init(balance), do: {:ok, balance}
  def handle_call(:balance, _from, balance), do: {:reply, balance, balance}

  def handle_call({:pay, amount}, _from, balance) do
    GenServer.cast(:ledger, {:record, amount})
    {:reply, :paid, balance - amount}
  end
end

defmodule Ledger do
  use GenServer
  def init(entries), do: {:ok, entries}

  def handle_call(:report, _from, entries) do
    Process.sleep(200)
    balance = GenServer.call(:accounts, :balance, :infinity)
    {:reply, {balance, entries}, entries}
  end

  def handle_call(:entries, _from, entries), do: {:reply, entries, entries}
  def handle_cast({:record, amount}, entries), do: {:noreply, entries ++ [amount]}
end

{:ok, _} = GenServer.start(Accounts, 100, name: :accounts)
{:ok, _} = GenServer.start(Ledger, [], name: :ledger)
spawn(fn -> send(shell, {:bob, GenServer.call(:ledger, :report)}) end)
Process.sleep(100)
Twin.say("ann pays 30", GenServer.call(:accounts, {:pay, 30}))
receive do: ({:bob, report} -> Twin.say("bob's report: {balance, entries}", report))
Twin.say("the ledger's entries afterwards", GenServer.call(:ledger, :entries))
