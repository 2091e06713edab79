# Scenario: starting a server under a name another process has. OTP looks the name up
# before it spawns anything, so start and start_link answer
# {:error, {:already_started, pid}} with the holder's pid, and nothing else happens: no
# process is spawned, so even a caller that traps exits finds its mailbox empty. The same
# goes for a via-name. Twin: genserver_start_name_taken.py.
Twin.start()

defmodule Named do
  use GenServer
  def init(state), do: {:ok, state}
end

{:ok, first} = GenServer.start(Named, nil, name: :unique)
Twin.name(first, "first")
Process.flag(:trap_exit, true)
Twin.say("start_link", GenServer.start_link(Named, nil, name: :unique))
Twin.say("start", GenServer.start(Named, nil, name: :unique))
Twin.say("the shell's mailbox", Twin.mailbox())

{:ok, _} = Registry.start_link(keys: :unique, name: Names)
via = {:via, Registry, {Names, "taken"}}
{:ok, holder} = GenServer.start(Named, nil, name: via)
Twin.name(holder, "holder")
Twin.say("start_link by a via-name", GenServer.start_link(Named, nil, name: via))
Twin.say("the shell's mailbox", Twin.mailbox())
