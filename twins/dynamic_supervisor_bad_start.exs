# Scenario: DynamicSupervisor.start_link with bad options does not raise: like a
# Supervisor, it starts, finds the mistake, and exits with {:supervisor_data, reason}:
# start_link answers {:error, ...}, and the caller, trapping exits, gets the EXIT. Its only
# strategy is :one_for_one. Twin: dynamic_supervisor_bad_start.py.
Twin.start()
Process.flag(:trap_exit, true)

for {what, options} <- [
      {"strategy :one_for_all", [strategy: :one_for_all]},
      {"max_restarts -1", [strategy: :one_for_one, max_restarts: -1]},
      {"max_seconds 0", [strategy: :one_for_one, max_seconds: 0]},
      {"max_children -1", [strategy: :one_for_one, max_children: -1]}
    ] do
  Twin.say(what, DynamicSupervisor.start_link(options))
  receive do: ({:EXIT, _pid, reason} -> Twin.say("then an EXIT", reason))
end
