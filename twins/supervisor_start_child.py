"""Scenario: adding children to a supervisor that was started with a list. start_child
starts the child and keeps its spec: ("ok", pid). Its id is then taken: starting it
again gives ("error", ("already_started", pid)) while it runs, and
("error", "already_present") once it is stopped. delete_child forgets a stopped child's
spec ("ok"), refuses a running one (("error", "running")), and knows no other id
(("error", "not_found")). Twin: supervisor_start_child.exs."""
from twin import name, say, start

from actorlab import GenServer, Supervisor, is_alive

start()


class Worker(GenServer):
    def init(self, arg):
        return ("ok", arg)


spec = {"id": "extra", "start": (GenServer.start_link, (Worker, "extra"))}
first = {"id": "first", "start": (GenServer.start_link, (Worker, "first"))}
_, sup = Supervisor.start_link([first])
_, extra = Supervisor.start_child(sup, spec)
name(extra, "extra")
say("which_children", [child_id for child_id, _, _, _ in Supervisor.which_children(sup)])
say("start it again", Supervisor.start_child(sup, spec))
say("delete it while it runs", Supervisor.delete_child(sup, "extra"))
say("terminate it", Supervisor.terminate_child(sup, "extra"))
say("start it again", Supervisor.start_child(sup, spec))
say("delete it", Supervisor.delete_child(sup, "extra"))
say("delete it again", Supervisor.delete_child(sup, "extra"))
say("restart it", Supervisor.restart_child(sup, "extra"))
say("which_children", [child_id for child_id, _, _, _ in Supervisor.which_children(sup)])
_, again = Supervisor.start_child(sup, spec)
say("a new start after the delete", is_alive(again))
