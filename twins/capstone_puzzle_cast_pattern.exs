# Scenario: a deadlock puzzle of the capstone, with no cycle. The shell joins a room as a
# member and waits for {:said, who, text}; but GenServer.cast wraps what it sends in
# {:"$gen_cast", message}, so the message in the shell's mailbox never matches: the
# shell would wait forever (here, 100 ms). Twin: capstone_puzzle_cast_pattern.py.
Twin.start()

defmodule Megaphone do
  use GenServer
  def init(members), do: {:ok, members}
  def handle_call({:join, member}, _from, members), do: {:reply, :ok, members ++ [member]}

  def handle_cast(message, members) do
    for member <- members, do: GenServer.cast(member, message)
    {:noreply, members}
  end
end

{:ok, megaphone} = GenServer.start(Megaphone, [])
Twin.say("join", GenServer.call(megaphone, {:join, self()}))
Twin.say("cast", GenServer.cast(megaphone, {:said, :ann, "hello, all"}))

receive do
  {:said, who, text} -> Twin.say("the shell heard", {who, text})
after
  100 -> Twin.say("nothing matched; the shell's mailbox holds", Twin.mailbox())
end
