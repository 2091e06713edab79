# Scenario: GenServer.reply with a from built by hand, {self(), make_ref()}, as a unit test
# of a handle_call that answers later does: gen:reply sends {ref, reply} to the pid, so the
# reply arrives tagged with that ref. Twin: reply_hand_built_from.py.
Twin.start()

defmodule Later do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_call(:get, from, s), do: {:noreply, {from, s}}
end

from = {self(), make_ref()}
{:noreply, {waiting, state}} = Later.handle_call(:get, from, 7)
Twin.say("reply", GenServer.reply(waiting, state))
{_, ref} = from
receive do
  {^ref, answer} -> Twin.say("got, tagged with the ref", answer)
after 200 -> Twin.say("got", :nothing)
end
Twin.say("the shell's mailbox", Twin.mailbox())
