# Scenario: a "$gen_call" sent by hand to a real GenServer, with a from {pid, plain ref}
# (as a hand-built call does): gen:reply sends {ref, reply} to the pid, and the server goes
# on. Then a real call that handle_call defers: it keeps from, returns {:noreply, from, 100},
# and answers when the :timeout comes. Twin: raw_gen_call_plain_ref.py.
Twin.start()

defmodule Raw do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_call(:get, _from, s), do: {:reply, s, s}
  def handle_call(:later, from, _s), do: {:noreply, from, 100}
  def handle_info(:timeout, from), do: (GenServer.reply(from, :after_timeout); {:noreply, nil})
end

{:ok, server} = GenServer.start(Raw, 42)
ref = make_ref()
send(server, {:"$gen_call", {self(), ref}, :get})
receive do
  {^ref, reply} -> Twin.say("hand-sent call, reply", reply)
after 300 -> Twin.say("hand-sent call, reply", :none)
end
Twin.say("server alive", Process.alive?(server))
Twin.say("deferred until timeout", Twin.attempt(fn -> GenServer.call(server, :later) end))
Twin.say("the shell's mailbox", Twin.mailbox())
