# Scenario: the capstone's chat room. A Room keeps its members and its history; "say" is
# a cast, and the room passes each line on to every member with a cast, never a call. So
# a member may call the room while it handles what it heard: the bot asks the room who is
# here, and answers, with no cycle. Members tell the shell what they hear, and the shell
# prints it. Twin: capstone_room_broadcast.py.
Twin.start()
Process.register(self(), :shell)

defmodule Room do
  use GenServer

  def init(name), do: {:ok, %{name: name, members: [], history: []}}

  def handle_call({:join, member}, _from, state) do
    {:reply, state.history, %{state | members: state.members ++ [member]}}
  end

  def handle_call(:members, _from, state), do: {:reply, state.members, state}
  def handle_call(:history, _from, state), do: {:reply, state.history, state}

  def handle_cast({:say, who, text}, state) do
    for member <- state.members do
      GenServer.cast(member, {:said, state.name, who, text})
    end

    {:noreply, %{state | history: state.history ++ [{who, text}]}}
  end
end

defmodule Member do
  use GenServer
  def init(me), do: {:ok, me}

  def handle_cast({:said, room, who, text}, me) do
    send(:shell, {:heard, me, room, who, text})
    {:noreply, me}
  end
end

defmodule Bot do
  use GenServer
  def init(room), do: {:ok, room}

  def handle_cast({:said, _room, _who, "who is here?"}, room) do
    count = length(GenServer.call(room, :members))
    GenServer.cast(room, {:say, :bot, "#{count} here"})
    {:noreply, room}
  end

  def handle_cast({:said, _room, _who, _text}, room), do: {:noreply, room}
end

defmodule Shell do
  # What `member` heard next (messages from one member arrive in order).
  def heard(member) do
    receive do
      {:heard, ^member, room, who, text} -> {member, room, who, text}
    after
      500 -> {member, :heard_nothing}
    end
  end
end

{:ok, lobby} = GenServer.start(Room, "#lobby", name: :lobby)
{:ok, ann} = GenServer.start(Member, :ann, name: :ann)
{:ok, bot} = GenServer.start(Bot, :lobby, name: :bot)
Twin.name(lobby, "lobby")
Twin.name(ann, "ann")
Twin.name(bot, "bot")

Twin.say("ann joins and gets the history so far", GenServer.call(:lobby, {:join, :ann}))
GenServer.cast(:lobby, {:say, :ann, "anyone here?"})
Twin.say("ann hears", Shell.heard(:ann))
Twin.say("the bot joins and gets", GenServer.call(:lobby, {:join, :bot}))
Twin.say("the members", GenServer.call(:lobby, :members))

GenServer.cast(:lobby, {:say, :ann, "who is here?"})
Twin.say("ann hears", Shell.heard(:ann))
Twin.say("ann hears", Shell.heard(:ann))
Twin.say("the history", GenServer.call(:lobby, :history))
Twin.say("the room and the bot are alive", Process.alive?(lobby) and Process.alive?(bot))
