# Scenario: GenServer.stop on a plain process, not a GenServer. OTP 25's proc_lib:stop
# sends it a system message (sys:terminate) and waits for an acknowledgement, which a
# plain process never sends: with a timeout, stop exits with :timeout and the process
# lives on, the request left in its mailbox (its shape differs by design: actorlab's is
# ("$gen_stop", from, reason), so only the count is printed); with none (the default,
# :infinity) the BEAM waits forever, and actorlab reports a deadlock. A plain process that
# ends when the request arrives, even normally, ends without acknowledging it: stop exits
# with {reason, {:sys, :terminate, [pid, reason, timeout]}}.
# Twin: genserver_stop_plain_process.py.
Twin.start()

plain = spawn(fn -> receive do: (:never -> :ok) end)
Twin.name(plain, "plain")
Twin.say("stop, 100 ms", Twin.attempt(fn -> GenServer.stop(plain, :normal, 100) end))
Twin.say("plain is alive", Process.alive?(plain))
{:messages, queued} = Process.info(plain, :messages)
Twin.say("messages in plain's mailbox", length(queued))
quits = spawn(fn -> receive do: (_ -> exit(:bye)) end)
Twin.name(quits, "quits")
Twin.say("stop one that exits with :bye", Twin.attempt(fn -> GenServer.stop(quits, :normal, 100) end))
returns = spawn(fn -> receive do: (_ -> :ok) end)
Twin.name(returns, "returns")
Twin.say("stop one that returns", Twin.attempt(fn -> GenServer.stop(returns, :normal, 100) end))
Twin.say("the shell's mailbox", Twin.mailbox())
