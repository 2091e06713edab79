# Scenario: deferred replies answered by a callback timeout. handle_call keeps each
# caller's `from` and returns {:noreply, froms, 500}; when the 500 ms pass with no
# message, handle_info(:timeout, ...) answers every caller kept. A second call arriving
# while the first waits cancels that timeout, and its handle_call asks for 500 ms again,
# so both callers are answered together, oldest first, when that one runs out.
# Twin: genserver_deferred_reply_on_timeout.py.
Twin.start()

defmodule Later do
  use GenServer
  def init(_), do: {:ok, []}
  def handle_call(:later, from, froms), do: {:noreply, [from | froms], 500}
  def handle_info(:timeout, froms) do
    for {from, i} <- Enum.with_index(Enum.reverse(froms)), do: GenServer.reply(from, {:answer, i})
    {:noreply, []}
  end
end

{:ok, server} = GenServer.start(Later, nil)
Twin.say("one call", GenServer.call(server, :later))
task = Task.async(fn -> GenServer.call(server, :later) end)
Process.sleep(100)
Twin.say("a call while the task's waits", GenServer.call(server, :later))
Twin.say("the task's call", Task.await(task))
