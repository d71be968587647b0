#!/usr/bin/env python3
"""Self-test of monitor_record.py against a spawned redis-server (ctest: corpus_monitor_record).

Sends known traffic (binary arguments, several dbs, connection setup that must be dropped),
captures it through MONITOR and through the AOF (CONFIG SET appendonly yes at run time, no
config file), and requires both scripts to split back into exactly the commands sent.
Exit 77 (skipped) without redis-server.
"""

import os
import shutil
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import corpuslib  # noqa: E402
import monitor_record as mr  # noqa: E402

TRAFFIC = [
    [b"HELLO", b"3"],
    [b"SET", b"k", b"v"],
    [b"SET", b"bin\x00key", b"\xff\x00\r\n\"'\\ \t\a\b"],
    [b"SELECT", b"3"],
    [b"INCRBY", b"c", b"-5"],
    [b"SET", b"", b""],
    [b"SELECT", b"0"],
    [b"APPEND", b"k", b"@x"],
    [b"EXPIRE", b"k", b"100"],
    [b"SET", b"#k", b"x"],
    [b"DEL", b"#k"],
    [b"CLIENT", b"SETNAME", b"app"],
]
EXPECTED_MONITOR = [
    [b"SET", b"k", b"v"],
    [b"SET", b"bin\x00key", b"\xff\x00\r\n\"'\\ \t\a\b"],
    [b"SELECT", b"3"],
    [b"INCRBY", b"c", b"-5"],
    [b"SET", b"", b""],
    [b"SELECT", b"0"],
    [b"APPEND", b"k", b"@x"],
    [b"EXPIRE", b"k", b"100"],
    [b"SET", b"#k", b"x"],
    [b"DEL", b"#k"],
]


def script_args(lines):
    return [corpuslib.split_args(l) for l in lines if not l.startswith("@")]


def norm(cmds):
    return [[a[0].upper()] + a[1:] for a in cmds]


def main():
    if not (os.environ.get("KEVY_REDIS_SERVER") or shutil.which("redis-server")):
        print("redis-server not found: skipped")
        return 77
    failures = 0
    with corpuslib.RedisServer() as srv:
        # MONITOR
        ready = threading.Event()
        result = {}
        t = threading.Thread(target=lambda: result.setdefault(
            "cmds", mr.record_monitor(srv.sock, 1.5, 1000, ready.set)))
        t.start()
        ready.wait(5)
        c = corpuslib.RespConn(srv.sock)
        for cmd in TRAFFIC:
            c.call(*cmd)
        c.close()
        t.join()
        lines = mr.to_script(result["cmds"], mr.DEFAULT_EXCLUDE)
        got = norm(script_args(lines))
        if got != norm(EXPECTED_MONITOR):
            failures += 1
            print("MONITOR: got\n  %s\nwant\n  %s" % ("\n  ".join(lines), EXPECTED_MONITOR))

        # a line with every kind of escape, as Redis prints it
        c = mr.parse_monitor_line(
            b'+1700000000.123456 [2 unix:/tmp/x.sock] "SET" "a\\x00\\\\\\"b" "\\r\\n"')
        if not (c and c.db == 2 and c.args == [b"SET", b'a\x00\\"b', b"\r\n"]):
            failures += 1
            print("parse_monitor_line: %r" % (c and (c.db, c.args)))

        # AOF (a RESP base, then the increment)
        c = corpuslib.RespConn(srv.sock)
        c.call("FLUSHALL")
        c.call("CONFIG", "SET", "aof-use-rdb-preamble", "no")
        c.call("CONFIG", "SET", "appendonly", "yes")
        for _ in range(500):
            info = c.call("INFO", "persistence")
            if (b"aof_rewrite_in_progress:0" in info and b"aof_rewrite_scheduled:0" in info
                    and b"aof_enabled:1" in info):
                break
            time.sleep(0.02)
        for cmd in TRAFFIC:
            if cmd[0] != b"HELLO":
                c.call(*cmd)
        c.call("CONFIG", "SET", "appendonly", "no")  # flushes and closes the AOF
        c.close()
        lines = mr.to_script(mr.record_aof(os.path.join(srv.dir, "appendonlydir")),
                             mr.DEFAULT_EXCLUDE)
        got = norm(script_args(lines))
        # the AOF holds the rewritten forms: EXPIRE -> PEXPIREAT
        want = [a for a in norm(EXPECTED_MONITOR) if a[0] not in (b"EXPIRE",)]
        got_wo = [a for a in got if a[0] != b"PEXPIREAT"]
        if got_wo != want or not any(a[0] == b"PEXPIREAT" for a in got):
            failures += 1
            print("AOF: got\n  %s\nwant\n  %s" % ("\n  ".join(lines), want))
    print("monitor_record self-test: %s" % ("FAILED" if failures else "ok"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
