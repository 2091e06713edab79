"""Scenario: an init that dies without acking because a helper it start-linked crashes
while init is still busy: the crash reaches the server along the link. GenServer.start
answers ("error", reason) with the helper's crash (from the DOWN of the monitor the start
holds until the ack), and a name the server took is free again.
Twin: genserver_start_init_helper_crash.exs."""
from twin import heard, say, start

from actorlab import GenServer, sleep, spawn_link, whereis

start()


def helper():
    raise RuntimeError("helper failed")


class WithHelper(GenServer):
    def init(self, arg):
        spawn_link(helper)
        sleep(200)
        return ("ok", None)


say("start", GenServer.start(WithHelper, "ok"))
say("start with a name", GenServer.start(WithHelper, "ok", name="with_helper"))
say("the name afterwards", whereis("with_helper"))
say("mailbox", heard(100))
