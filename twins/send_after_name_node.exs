# Scenario: send_after's destination is a pid or a bare registered name. {name, node()},
# which send and monitor accept, is refused with ArgumentError, and no timer starts.
# Twin: send_after_name_node.py.
Twin.start()
Process.register(self(), :me)
Twin.say("send_after to {name, node}", Twin.attempt(fn -> Process.send_after({:me, node()}, :hi, 100) end))
Twin.say("send_after to the bare name", Twin.attempt(fn -> Process.send_after(:me, :hi, 100) end))
Twin.say("the shell gets", Twin.heard(200))
