# Scenario: GenServer.call gives up after its timeout and exits with
# {:timeout, {GenServer, :call, [server, request, timeout]}}; the server is not stopped, and
# its reply, when it comes, is dropped (the call's alias is gone, OTP 24+): the caller's
# mailbox stays empty, and the next call gets its own reply.
# Twin: call_timeout.py. Times are kept far apart (100 ms, 500 ms, 1000 ms).
Twin.start()

defmodule Slow do
  use GenServer
  def init(state), do: {:ok, state}
  def handle_call({:work, ms}, _from, state) do
    Process.sleep(ms)
    {:reply, :done, state}
  end
end

{:ok, slow} = GenServer.start(Slow, nil)
Twin.name(slow, "slow")
Twin.say("the call", Twin.attempt(fn -> GenServer.call(slow, {:work, 500}, 100) end))
# Wait in a receive, not Process.sleep: on OTP 25, Process.info(self(), :messages) may not
# list a message that arrived during a Process.sleep until the process next receives.
receive do
  :nothing -> :ok
after
  1000 -> :ok
end
Twin.say("the shell's mailbox after the reply was sent", Twin.mailbox())
Twin.say("the server is alive", Process.alive?(slow))
Twin.say("the next call", GenServer.call(slow, {:work, 0}))
