# Scenario: an init that dies without acking because a helper it start-linked crashes
# while init is still busy: the crash reaches the server along the link. GenServer.start
# answers {:error, reason} with the helper's crash (from the DOWN of the monitor the start
# holds until the ack), and a name the server took is free again.
# Twin: genserver_start_init_helper_crash.py.
Twin.start()

defmodule WithHelper do
  use GenServer

  def init(:ok) do
    spawn_link(fn -> raise "helper failed" end)
    Process.sleep(200)
    {:ok, nil}
  end
end

Twin.say("start", GenServer.start(WithHelper, :ok))
Twin.say("start with a name", GenServer.start(WithHelper, :ok, name: :with_helper))
Twin.say("the name afterwards", Process.whereis(:with_helper))
Twin.say("mailbox", Twin.heard(100))
