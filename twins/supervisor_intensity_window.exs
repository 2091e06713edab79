# Scenario: the restart intensity counts only the restarts within the last max_seconds.
# With max_restarts: 1 and max_seconds: 1, two crashes 2.5 s apart are each within the
# limit (OTP counts in whole seconds, so crashes are kept well over a second apart); two
# crashes in a row are one too many: the supervisor stops its other children (newest
# first; they trap exits, so terminate runs with :shutdown) and exits with :shutdown,
# which the shell, linked and trapping exits, gets as an EXIT.
# Twin: supervisor_intensity_window.py.
Twin.start()
Process.register(self(), :shell)
Process.flag(:trap_exit, true)

defmodule Worker do
  use GenServer
  def start_link(id), do: GenServer.start_link(Worker, id)
  def init(id) do
    Process.flag(:trap_exit, true)
    {:ok, id}
  end
  def terminate(reason, id), do: send(:shell, {:stop, id, reason})
end

spec = fn id -> %{id: id, start: {Worker, :start_link, [id]}} end
{:ok, sup} = Supervisor.start_link([spec.(:a), spec.(:b), spec.(:c)],
  strategy: :one_for_one, max_restarts: 1, max_seconds: 1)
Twin.name(sup, "sup")
pid_of = fn id -> Enum.find_value(Supervisor.which_children(sup), fn {i, pid, _, _} -> if i == id, do: pid end) end

Process.exit(pid_of.(:b), :kill)
Process.sleep(2500)
Process.exit(pid_of.(:b), :kill)
Twin.say("two crashes 2.5 s apart, the supervisor is alive", Process.alive?(sup))
Twin.say("the shell heard", Twin.heard())
Process.exit(pid_of.(:b), :kill)
Twin.say("one more crash at once, the shell heard", Twin.heard())
Twin.say("the supervisor is alive", Process.alive?(sup))
