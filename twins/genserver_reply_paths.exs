# Scenario: GenServer.reply answers a call from anywhere and always returns :ok: from
# inside handle_call before it returns {:noreply, state}, from another process the server
# handed `from` to, or after the caller has given up (the reply is then dropped, and the
# caller's mailbox stays empty). Twin: genserver_reply_paths.py.
Twin.start()

defmodule Replier do
  use GenServer
  def init(state), do: {:ok, state}

  def handle_call(:early, from, state) do
    GenServer.reply(from, :answered_early)
    {:noreply, state}
  end

  def handle_call(:elsewhere, from, state) do
    spawn(fn -> GenServer.reply(from, :answered_by_a_helper) end)
    {:noreply, state}
  end

  def handle_call(:late, from, state) do
    spawn(fn ->
      Process.sleep(300)
      Twin.say("GenServer.reply after the caller gave up", GenServer.reply(from, :too_late))
    end)

    {:noreply, state}
  end
end

{:ok, server} = GenServer.start(Replier, nil)
Twin.name(server, "server")
Twin.say("reply inside handle_call", GenServer.call(server, :early))
Twin.say("reply from another process", GenServer.call(server, :elsewhere))
Twin.say("the caller gives up", Twin.attempt(fn -> GenServer.call(server, :late, 100) end))
Process.sleep(500)
Twin.say("the shell's mailbox", Twin.mailbox())
