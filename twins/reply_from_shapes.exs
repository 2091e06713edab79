# Scenario: GenServer.reply with froms that no call made. A non-tuple is refused (gen:reply
# has no clause for it); {pid, tag} with any tag, an atom here, is accepted: gen:reply
# sends {tag, reply} to pid. Twin: reply_from_shapes.py.
Twin.start()
Twin.say("reply(:nobody, :x)", Twin.attempt(fn -> GenServer.reply(:nobody, :x) end))
Twin.say("reply({self(), :tag}, :x)", Twin.attempt(fn -> GenServer.reply({self(), :tag}, :x) end))
Twin.say("the shell heard", Twin.heard(100))
