# Scenario: GenServer.call to plain processes, not GenServers. One takes the "$gen_call"
# and never answers: the call exits with :timeout. One answers with a tag of its own and
# exits: its answer is not a reply, so the call ends with the process's exit (:normal,
# from the call's monitor), and the stray answer stays in the caller's mailbox. One
# answers to the caller's pid with the right tag, but after the call gave up: that late
# answer lands in the mailbox too. Only a reply sent to the call's alias, as
# GenServer.reply does, is dropped once the call has given up (and reply still returns :ok).
# Twin: genserver_call_plain_process.py.
Twin.start()
shell = self()

silent = spawn(fn -> receive do: (_ -> Process.sleep(1000)) end)
Twin.name(silent, "silent")
Twin.say("call a silent process", Twin.attempt(fn -> GenServer.call(silent, :hi, 100) end))
Twin.say("mailbox", Twin.mailbox())

wrong = spawn(fn -> receive do: ({:"$gen_call", {pid, _tag}, _} -> send(pid, {:wrong_tag, :answer})) end)
Twin.name(wrong, "wrong")
Twin.say("call one that answers with a wrong tag", Twin.attempt(fn -> GenServer.call(wrong, :hi, 100) end))
Twin.say("mailbox", Twin.heard())

late = spawn(fn ->
  receive do
    {:"$gen_call", {pid, tag}, _} ->
      Process.sleep(300)
      send(pid, {tag, :late_answer})
  end
end)
Twin.name(late, "late")
Twin.say("call one that answers late, to the pid", Twin.attempt(fn -> GenServer.call(late, :hi, 100) end))
Process.sleep(500)
Twin.say("what came", Enum.map(Twin.heard(), fn {_tag, answer} -> answer end))

proper = spawn(fn ->
  receive do
    {:"$gen_call", from, _} ->
      Process.sleep(300)
      send(shell, {:reply_returned, GenServer.reply(from, :late_answer)})
  end
end)
Twin.name(proper, "proper")
Twin.say("call one that answers late with GenServer.reply", Twin.attempt(fn -> GenServer.call(proper, :hi, 100) end))
Process.sleep(500)
Twin.say("what came", Twin.heard())
