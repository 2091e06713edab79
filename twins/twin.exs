# Shared by every Elixir twin: print terms in the normalised form the Python twins print.
# Loaded with `elixir -r twins/twin.exs twins/SCENARIO.exs` (see twins/README.md).
defmodule Twin do
  @doc "Start a scenario: the script's own process is `shell`; crash reports are silenced."
  def start do
    Logger.configure(level: :none)
    name(self(), "shell")
  end

  @doc "Give `pid` the name it is printed with."
  def name(pid, label), do: :persistent_term.put({Twin, pid}, label)

  @doc "Print `text: term`, or `text` alone."
  def say(text), do: IO.puts(text)
  def say(text, term), do: IO.puts("#{text}: #{show(term)}")

  @doc """
  The value `fun` returns; {:exit, reason} if it exits; {:error, module} if it raises an
  exception Elixir has a module for (ArgumentError for :badarg too; the message is left
  out: actorlab's say more); {:error, reason} for another Erlang error, such as :noproc.
  A FunctionClauseError (a guard refused an argument) is shown as ArgumentError: actorlab
  checks the argument itself and raises BadArgument.
  """
  def attempt(fun) do
    fun.()
  catch
    :exit, reason ->
      {:exit, reason}

    :error, reason ->
      case Exception.normalize(:error, reason, __STACKTRACE__) do
        %ErlangError{original: original} -> {:error, original}
        %FunctionClauseError{} -> {:error, ArgumentError}
        error -> {:error, error.__struct__}
      end
  end

  @doc "Every message that arrives until `ms` pass with none, oldest first (taken)."
  def heard(ms \\ 100) do
    receive do
      message -> [message | heard(ms)]
    after
      ms -> []
    end
  end

  @doc "What the shell's mailbox holds now, without taking anything."
  def mailbox do
    # A receive that matches nothing first moves every message that has arrived into
    # the mailbox, so Process.info sees them all.
    receive do
      :twin_never_sent -> :ok
    after
      0 -> :ok
    end

    elem(Process.info(self(), :messages), 1)
  end

  @doc "A term in the normalised form (the rules are in twins/README.md)."
  def show(pid) when is_pid(pid), do: :persistent_term.get({Twin, pid}, "pid?")
  def show(ref) when is_reference(ref), do: "ref"
  def show(atom) when is_atom(atom), do: atom |> inspect() |> String.trim_leading(":")
  def show(text) when is_binary(text), do: inspect(text)
  def show(%{__exception__: true} = error), do: "#{show(error.__struct__)}(#{inspect(Exception.message(error))})"
  def show({%{__exception__: true} = error, stack}) when is_list(stack), do: show(error)
  def show(%Task{}), do: "task"
  def show(map) when is_map(map) and not is_struct(map), do: "%{" <> Enum.join(Enum.sort(Enum.map(map, fn {k, v} -> "#{show(k)} => #{show(v)}" end)), ", ") <> "}"
  def show(tuple) when is_tuple(tuple), do: "{" <> Enum.map_join(Tuple.to_list(tuple), ", ", &show/1) <> "}"
  def show(list) when is_list(list), do: "[" <> Enum.map_join(list, ", ", &show/1) <> "]"
  def show(number) when is_number(number), do: inspect(number)
end
