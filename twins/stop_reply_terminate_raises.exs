# Scenario: handle_call returns {:stop, reason, reply, state} and terminate raises.
# gen_server.erl does `try terminate(...) after reply(From, Reply) end`: the caller gets its
# reply all the same, and the server exits with terminate's error.
# Twin: stop_reply_terminate_raises.py.
Twin.start()

defmodule Fragile do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_call(:quit, _from, s), do: {:stop, :normal, :bye, s}
  def terminate(_reason, _s), do: raise("in terminate")
end

{:ok, server} = GenServer.start(Fragile, nil)
Twin.name(server, "server")
ref = Process.monitor(server)
Twin.say("the call", Twin.attempt(fn -> GenServer.call(server, :quit) end))
receive do: ({:DOWN, ^ref, _, _, why} -> Twin.say("DOWN", why))
Twin.say("the shell's mailbox", Twin.mailbox())
