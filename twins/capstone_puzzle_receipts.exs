# Scenario: a deadlock puzzle of the capstone. A room that wants a receipt from each
# member calls them (1 s at most); the greeter, a member, calls the room back while it
# handles the call. Each waits for the other: after 1 s the room's call times out and
# the room crashes, the greeter's call to the dead room exits, and so does the shell's.
# Twin: capstone_puzzle_receipts.py.
Twin.start()

defmodule ReceiptRoom do
  use GenServer
  def init(members), do: {:ok, members}
  def handle_call(:members, _from, members), do: {:reply, members, members}

  def handle_cast(message, members) do
    for member <- members, do: GenServer.call(member, message, 1000)
    {:noreply, members}
  end
end

defmodule Greeter do
  use GenServer
  def init(room), do: {:ok, room}

  def handle_call({:said, who, "hello, all"}, _from, room) do
    count = length(GenServer.call(room, :members))
    GenServer.cast(room, {:said, :greeter, "welcome #{who}: #{count} here"})
    {:reply, :got_it, room}
  end

  def handle_call({:said, _who, _text}, _from, room), do: {:reply, :got_it, room}
end

{:ok, lobby} = GenServer.start(ReceiptRoom, [:greeter], name: :lobby)
{:ok, greeter} = GenServer.start(Greeter, :lobby, name: :greeter)
Twin.name(lobby, "lobby")
Twin.name(greeter, "greeter")
Twin.say("the cast returns", GenServer.cast(:lobby, {:said, :ann, "hello, all"}))
Twin.say("the shell's call", Twin.attempt(fn -> GenServer.call(:lobby, :members) end))
Twin.say("the lobby is alive", Process.alive?(lobby))
Twin.say("the greeter is alive", Process.alive?(greeter))
