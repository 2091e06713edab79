# Scenario: notebook 02's call, built from send and receive: the request carries the
# caller's pid and a fresh ref, and the caller waits only for a reply with that ref, so
# other messages stay in its mailbox; a cast is just a send. Nobody watches the server: a
# silent or dead server gives a timeout, and a reply that comes after the timeout is left
# in the mailbox (GenServer.call does better: twins/call_timeout.exs).
# Twin: hand_built_call.py. Times are kept far apart (100 ms vs 500 ms).
Twin.start()

defmodule Hand do
  def call(server, request, timeout \\ 5000) do
    ref = make_ref()
    send(server, {:call, self(), ref, request})
    receive do
      {^ref, reply} -> reply      # ^ref: only a message carrying this very ref
    after
      timeout -> exit(:timeout)
    end
  end

  def cast(server, message), do: send(server, {:cast, message})

  def counter(count) do
    receive do
      {:call, caller, ref, :get} ->
        send(caller, {ref, count})
        counter(count)
      {:cast, {:add, n}} ->
        counter(count + n)
      {:call, caller, ref, {:slow, ms}} ->
        Process.sleep(ms)
        send(caller, {ref, :late})
        counter(count)
    end
  end
end

server = spawn(fn -> Hand.counter(0) end)
send(self(), {:news, "lunch is ready"})
someone_elses = make_ref()
send(self(), {someone_elses, :reply})
Hand.cast(server, {:add, 5})
Twin.say("call get", Hand.call(server, :get))
Twin.say("still in the mailbox", Twin.mailbox())

silent = spawn(fn -> receive do :never -> :ok end end)
Twin.say("a silent server", Twin.attempt(fn -> Hand.call(silent, :get, 100) end))
{dead, monitor} = spawn_monitor(fn -> :ok end)
receive do
  {:DOWN, ^monitor, :process, _, reason} -> Twin.say("the dead server exited", reason)
end
Twin.say("a dead server", Twin.attempt(fn -> Hand.call(dead, :get, 100) end))
Twin.say("a slow server", Twin.attempt(fn -> Hand.call(server, {:slow, 500}, 100) end))
# Wait in a receive, not Process.sleep: on OTP 25, Process.info(self(), :messages) may not
# list a message that arrived during a Process.sleep until the process next receives.
receive do
  :nothing -> :ok
after
  1000 -> :ok
end
Twin.say("the shell's mailbox later", Twin.mailbox())
