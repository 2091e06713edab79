# Scenario: a GenServer tells a call and a cast by their whole shape, {:"$gen_call", from,
# request} and {:"$gen_cast", request}, not by the tag alone: a message with the tag but
# the wrong number of items is neither, and goes to handle_info, like 42 or {}; the server
# lives. (Notebook 04's exercise 2 asks the same of the hand-built serve.)
# Twin: genserver_misshapen_to_info.py
Twin.start()

defmodule Keeper do
  use GenServer
  def init(_), do: {:ok, []}
  def handle_call(:infos, _from, infos), do: {:reply, Enum.reverse(infos), infos}
  def handle_info(message, infos), do: {:noreply, [message | infos]}
end

{:ok, server} = GenServer.start(Keeper, nil)
send(server, 42)
send(server, {})
send(server, {:"$gen_call", :oops})
send(server, {:"$gen_cast"})
send(server, {:"$gen_cast", :a, :b})
Twin.say("handle_info got", GenServer.call(server, :infos))
Twin.say("alive", Process.alive?(server))
