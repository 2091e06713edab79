# Scenario: DynamicSupervisor.start_child whose start function itself fails, before any
# init runs. The supervisor catches it and answers {:error, reason}: the reason the
# function exited with, the exception it raised (printed without its stack trace), or
# whatever else it returned. It keeps nothing of the child and lives on.
# Twin: dynamic_supervisor_start_function_fails.py.
Twin.start()

defmodule Starter do
  def exits, do: exit(:boom)
  def raises, do: raise("bad")
  def returns_what, do: :what
end

{:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one)
for how <- [:exits, :raises, :returns_what] do
  Twin.say("the start function #{how}", DynamicSupervisor.start_child(sup, %{id: how, start: {Starter, how, []}}))
end
Twin.say("count_children", DynamicSupervisor.count_children(sup))
Twin.say("the supervisor is alive", Process.alive?(sup))
