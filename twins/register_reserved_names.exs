# Scenario: some atoms cannot be registered names: :undefined (what Erlang's whereis
# answers for a name nobody has) and, in Elixir, nil, true and false: each raises
# ArgumentError. The process can still take a proper name afterwards.
# Twin: register_reserved_names.py.
Twin.start()
pid = spawn(fn -> receive do: (:stop -> :ok) end)
Twin.say("register :undefined", Twin.attempt(fn -> Process.register(pid, :undefined) end))
Twin.say("register nil", Twin.attempt(fn -> Process.register(pid, nil) end))
Twin.say("register true", Twin.attempt(fn -> Process.register(pid, true) end))
Twin.say("whereis :undefined", Process.whereis(:undefined))
Twin.say("register :ok", Twin.attempt(fn -> Process.register(pid, :ok) end))
