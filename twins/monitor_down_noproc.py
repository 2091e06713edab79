"""Scenario: a monitor is one-way: the watcher gets ("DOWN", ref, "process", pid, reason)
when the watched process exits, and the watched process is not affected when the watcher
dies. Monitoring a process that has already exited gives a DOWN with reason "noproc" at
once. After demonitor no DOWN comes; with flush=True it also removes a DOWN that had
already arrived. Twin: monitor_down_noproc.exs."""
from twin import mailbox, name, say, start

from actorlab import (ANY, demonitor, exit, is_alive, monitor, receive, register, send, sleep,
                      spawn, spawn_monitor)

start()


def start_worker(label):
    def worker():
        _, reason = receive(("exit", ANY))
        exit(reason)

    pid = spawn(worker)
    name(pid, label)
    return pid


def down(ref):
    return receive(("DOWN", ref, ANY, ANY, ANY))


worker = start_worker("worker")
ref = monitor(worker)
send(worker, ("exit", "bye"))
say("the DOWN message", down(ref))
say("monitoring it again", down(monitor(worker)))

watched = start_worker("watched")


def watcher():
    monitor(watched)
    exit("watcher_gone")


_watcher, watcher_down = spawn_monitor(watcher)
say("the watcher exited", down(watcher_down)[4])
say("the watched process is alive", is_alive(watched))

dropped = monitor(watched)
kept = monitor(watched)
say("demonitor", demonitor(dropped))
send(watched, ("exit", "done"))
say("the kept monitor's DOWN", down(kept)[4])
say("no DOWN for the dropped one", mailbox())

late = start_worker("late")
ref = monitor(late)
send(late, ("exit", "bye"))
sleep(100)
say("a DOWN waiting", mailbox())
say("demonitor with flush", demonitor(ref, flush=True))
say("the mailbox after", mailbox())

# A monitor made by name names the process in its DOWN as (name, node).
named = start_worker("named")
register("named", named)
by_name = monitor("named")
send(named, ("exit", "bye"))
say("the DOWN of a monitor by name", down(by_name))
say("monitoring an unknown name", down(monitor("ghost")))
