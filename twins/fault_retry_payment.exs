# Scenario: a client pays, gives up after 100 ms, and tries again with the same payment.
# The bank is slow (200 ms a payment), not broken: the first payment was made; only its
# reply came too late (and was dropped: the caller had stopped waiting). A plain bank
# charges twice; an idempotent one remembers the payment's id and answers the retry
# without charging again. On the BEAM no fault is needed: a slow server is enough.
# Twin: fault_retry_payment.py.
Twin.start()

defmodule PlainBank do
  use GenServer
  def init(balance), do: {:ok, balance}
  def handle_call(:balance, _from, balance), do: {:reply, balance, balance}

  def handle_call({:pay, _id, amount}, _from, balance) do
    Process.sleep(200)
    {:reply, :paid, balance - amount}
  end
end

defmodule IdempotentBank do
  use GenServer
  def init(balance), do: {:ok, {balance, MapSet.new()}}
  def handle_call(:balance, _from, {balance, paid}), do: {:reply, balance, {balance, paid}}

  def handle_call({:pay, id, amount}, _from, {balance, paid}) do
    Process.sleep(200)

    if MapSet.member?(paid, id) do
      {:reply, :paid, {balance, paid}}
    else
      {:reply, :paid, {balance - amount, MapSet.put(paid, id)}}
    end
  end
end

pay_with_a_retry = fn bank ->
  case Twin.attempt(fn -> GenServer.call(bank, {:pay, "payment 1", 10}, 100) end) do
    {:exit, reason} ->
      Twin.say("the first try", {:exit, reason})
      GenServer.call(bank, {:pay, "payment 1", 10}, 500)

    answer ->
      answer
  end
end

for bank <- [PlainBank, IdempotentBank] do
  {:ok, pid} = GenServer.start(bank, 100)
  Twin.name(pid, "bank")
  Twin.say("#{inspect(bank)}: the retry", pay_with_a_retry.(pid))
  Twin.say("#{inspect(bank)}: the balance after paying 10", GenServer.call(pid, :balance))
  Twin.say("#{inspect(bank)}: the shell's mailbox", Twin.mailbox())
end
