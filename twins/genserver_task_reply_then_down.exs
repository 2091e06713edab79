# Scenario: what a server that hands a call's work to a Task (Task.async in handle_call,
# the reply deferred) gets in handle_info. First the task's result, {ref, result}, where
# ref is task.ref; then, as the task ends, its monitor's {:DOWN, ref, :process, pid,
# :normal}. A handle_info that calls Process.demonitor(ref, [:flush]) on the result gets
# no DOWN. The server forwards what handle_info gets to the shell, which prints it after
# the caller has its deferred reply. Twin: genserver_task_reply_then_down.py.
Twin.start()
Process.register(self(), :shell)

defmodule Converter do
  use GenServer
  def init(flush), do: {:ok, {flush, %{}}}

  def handle_call({:convert, amount}, from, {flush, waiting}) do
    task = Task.async(fn -> amount * 3 end)
    Twin.name(task.pid, "task")
    {:noreply, {flush, Map.put(waiting, task.ref, from)}}
  end

  def handle_info({ref, result} = message, {flush, waiting}) when is_map_key(waiting, ref) do
    send(:shell, {:handle_info_got, message})
    if flush, do: Process.demonitor(ref, [:flush])
    {from, waiting} = Map.pop(waiting, ref)
    GenServer.reply(from, result)
    {:noreply, {flush, waiting}}
  end

  def handle_info(message, state) do
    send(:shell, {:handle_info_got, message})
    {:noreply, state}
  end
end

for flush <- [false, true] do
  {:ok, server} = GenServer.start(Converter, flush)
  Twin.name(server, "server")
  Twin.say("flush #{flush}: the call", GenServer.call(server, {:convert, 5}))
  Twin.say("flush #{flush}: handle_info got", Twin.heard(100))
end
