# Scenario: a server that uses notebook 02's hand-built call on itself. While it runs the
# code for :summary it is not in its loop, so its own request for the mean waits in its
# mailbox, unread. With a timeout, both sides time out: the server's call to itself first
# (and the server exits), then its client's. Without a timeout the BEAM would hang here
# forever; actorlab raises DeadlockError instead. The client reports to the shell, which
# prints in an order its receives force. Twin: hand_built_self_call.py.
# Times are kept far apart (100, 500 and 1000 ms).
Twin.start()
shell = self()

defmodule Stats do
  def call(server, request, timeout) do
    ref = make_ref()
    send(server, {:call, self(), ref, request})
    receive do
      {^ref, reply} -> reply
    after
      timeout -> exit(:timeout)
    end
  end

  def loop(numbers) do
    receive do
      {:call, caller, ref, :mean} ->
        send(caller, {ref, Enum.sum(numbers) / length(numbers)})
        loop(numbers)
      {:call, caller, ref, :summary} ->
        mean = call(self(), :mean, 500)
        send(caller, {ref, {:summary, length(numbers), mean}})
        loop(numbers)
    end
  end
end

{stats, monitor} = spawn_monitor(fn -> Stats.loop([1, 2, 3, 6]) end)
Twin.name(stats, "stats")
Twin.say("the mean", Stats.call(stats, :mean, 1000))

spawn(fn ->
  send(shell, {:client_got, Twin.attempt(fn -> Stats.call(stats, :summary, 1000) end)})
end)
Process.sleep(100)
{:messages, waiting} = Process.info(stats, :messages)
Twin.say("in stats' mailbox, unread", waiting)
receive do
  {:DOWN, ^monitor, :process, _, reason} -> Twin.say("stats exited", reason)
end
receive do
  {:client_got, result} -> Twin.say("the client got", result)
end
