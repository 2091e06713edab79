# Scenario: a handle_call that answers twice: GenServer.reply(from, :first), then, 100 ms
# later, {:reply, :second, state}. The caller's call returns :first and is done with: it
# dropped its monitor and the alias the reply is sent to, so :second is dropped on the
# way and never reaches the caller's mailbox. Twin: genserver_reply_then_reply_tuple.py.
Twin.start()

defmodule Twice do
  use GenServer
  def init(state), do: {:ok, state}
  def handle_call(:twice, from, state) do
    GenServer.reply(from, :first)
    Process.sleep(100)
    {:reply, :second, state}
  end
end

{:ok, server} = GenServer.start(Twice, nil)
Twin.say("the call returns", GenServer.call(server, :twice))
Twin.say("later, the caller's mailbox", Twin.heard(500))
