# Scenario: a deferred reply. handle_call returns {:noreply, state} and keeps the caller's
# `from`; the caller waits; a later callback answers with GenServer.reply(from, reply). The
# door answers each :wait only when it opens, and at once after that. The guests report
# to the shell, which takes their reports in a fixed order. Twin: deferred_reply.py.
# The shell waits 100 ms before opening, so both guests are surely waiting on the BEAM; it
# waits in a receive, not Process.sleep, so that Twin.mailbox() shows what has arrived.
# GenServer.reply takes the whole `from`, {pid, tag}: a pid alone fails its guard.
Twin.start()
shell = self()

defmodule Door do
  use GenServer
  def init(_), do: {:ok, %{open: false, waiting: []}}
  def handle_call(:wait, _from, %{open: true} = state), do: {:reply, "come in", state}
  def handle_call(:wait, from, state), do: {:noreply, %{state | waiting: state.waiting ++ [from]}}
  def handle_cast(:open, state) do
    for caller <- state.waiting, do: GenServer.reply(caller, "come in")
    {:noreply, %{open: true, waiting: []}}
  end
end

{:ok, door} = GenServer.start_link(Door, nil)
guest = fn -> send(shell, {GenServer.call(door, :wait), self()}) end
ann = spawn(guest)
bob = spawn(guest)
Twin.name(ann, "ann")
Twin.name(bob, "bob")
receive do
  :nothing -> :ok
after
  100 -> :ok
end
Twin.say("before the door opens", Twin.mailbox())
GenServer.cast(door, :open)
receive do
  {answer, ^ann} -> Twin.say("ann was told", answer)
end
receive do
  {answer, ^bob} -> Twin.say("bob was told", answer)
end
Twin.say("after it opened", GenServer.call(door, :wait))
Twin.say("reply given a pid, not from", Twin.attempt(fn -> GenServer.reply(self(), "x") end))
