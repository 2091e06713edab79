# Scenario: Supervisor.start_link with bad flags or child specs does not raise: the
# supervisor process starts, finds the mistake, and exits with a reason that names it:
# {:supervisor_data, ...} for the flags, {:start_spec, ...} for the children (a
# duplicate id, a missing start, an unknown restart type, a shutdown of -1). start_link
# answers {:error, reason}; the caller, linked and trapping exits, also gets the EXIT.
# Twin: supervisor_bad_start.py.
Twin.start()

defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(Worker, arg)
  def init(arg), do: {:ok, arg}
end

spec = fn id -> %{id: id, start: {Worker, :start_link, [id]}} end
Process.flag(:trap_exit, true)

for {what, children, flags} <- [
      {"an unknown strategy", [spec.(:a)], [strategy: :one_for_none]},
      {"max_restarts -1", [spec.(:a)], [strategy: :one_for_one, max_restarts: -1]},
      {"max_seconds 0", [spec.(:a)], [strategy: :one_for_one, max_seconds: 0]},
      {"a duplicate id", [spec.(:a), spec.(:a)], [strategy: :one_for_one]},
      {"no start", [%{id: :a}], [strategy: :one_for_one]},
      {"an unknown restart", [Map.put(spec.(:a), :restart, :sometimes)], [strategy: :one_for_one]},
      {"a shutdown of -1", [Map.put(spec.(:a), :shutdown, -1)], [strategy: :one_for_one]}
    ] do
  Twin.say(what, Supervisor.start_link(children, flags))
  receive do: ({:EXIT, _pid, reason} -> Twin.say("then an EXIT", reason))
end
