# Scenario: notebook 04's generic server: one loop (receive, dispatch to the callbacks,
# reply with the ref, carry the state round) and a counter that is callbacks only, plain
# functions that can be tried without a process. This loop's receive has clauses for calls
# and casts only, so any other message stays in the server's mailbox, unread (OTP's
# GenServer hands such messages to handle_info). Twin: generic_server.py.
Twin.start()

defmodule Generic do
  def start(callbacks, arg), do: spawn(fn -> loop(callbacks, callbacks.init(arg)) end)

  def call(server, request) do
    ref = make_ref()
    send(server, {:call, self(), ref, request})
    receive do
      {^ref, reply} -> reply
    after
      5000 -> exit(:timeout)
    end
  end

  def cast(server, message), do: send(server, {:cast, message})

  defp loop(callbacks, state) do
    receive do
      {:call, from, ref, request} ->
        {reply, state} = callbacks.handle_call(request, state)
        send(from, {ref, reply})
        loop(callbacks, state)
      {:cast, message} ->
        loop(callbacks, callbacks.handle_cast(message, state))
    end
  end
end

defmodule Counter do
  def init(n), do: n
  def handle_call(:get, n), do: {n, n}
  def handle_cast({:add, k}, n), do: n + k
end

counter = Generic.start(Counter, 10)
Generic.cast(counter, {:add, 5})
Twin.say("get", Generic.call(counter, :get))
Twin.say("handle_call(:get, 42)", Counter.handle_call(:get, 42))
Twin.say("handle_cast({:add, 1}, 42)", Counter.handle_cast({:add, 1}, 42))

send(counter, {:DOWN, "a monitor's news"})
Twin.say("get", Generic.call(counter, :get))
{:messages, unread} = Process.info(counter, :messages)
Twin.say("unread in the counter's mailbox", unread)
