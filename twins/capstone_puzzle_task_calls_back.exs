# Scenario: a deadlock puzzle of the capstone. To stay responsive, a server hands a job
# to a Task and awaits it (1 s at most); but the task calls the server, which is busy
# awaiting the task. After 1 s the await times out, the server crashes (taking the
# linked task with it), and the shell's call exits. Twin: capstone_puzzle_task_calls_back.py.
Twin.start()

defmodule Notes do
  use GenServer
  def init(lines), do: {:ok, lines}
  def handle_call(:lines, _from, lines), do: {:reply, lines, lines}

  def handle_call(:word_count, _from, lines) do
    task = Task.async(fn -> count_words() end)
    {:reply, Task.await(task, 1000), lines}
  end

  def count_words do
    GenServer.call(:notes, :lines) |> Enum.map(&length(String.split(&1))) |> Enum.sum()
  end
end

{:ok, notes} = GenServer.start(Notes, ["hello there", "general chat"], name: :notes)
Twin.name(notes, "notes")
{:exit, {{why, {module, function, _args}}, call}} =
  Twin.attempt(fn -> GenServer.call(:notes, :word_count) end)
Twin.say("the shell's call exits; the server died of", {why, {module, function}})
Twin.say("while the shell was in", call)
Twin.say("the server is alive", Process.alive?(notes))
