#!/usr/bin/env python3
"""Turns real traffic into a case script (input of record.py).

    monitor_record.py --monitor ADDR --seconds N --out corpus/scripts/recorded.txt --name NAME
    monitor_record.py --aof PATH --out corpus/scripts/recorded.txt --name NAME

--monitor ADDR   a unix socket path or host:port; sends MONITOR and turns every logged command
                 (`+1700000000.123456 [0 127.0.0.1:5000] "SET" "k" "v"`, arguments escaped as
                 Redis prints them) into one script line in redis-cli quoting. The db of each
                 line becomes a `SELECT n` line whenever it changes (SELECT itself is dropped).
--aof PATH       a RESP AOF file (`appendonly.aof.1.incr.aof`, or an old single-file AOF), an
                 `appendonlydir/` directory or its `.manifest` (base + incr files in order; an
                 RDB base cannot be turned into commands and is skipped with a warning).
                 SELECT commands become `SELECT n` lines when the db changes; `#TS:` annotations
                 are skipped; a truncated last command is dropped, as Redis does.

The case (a `# NAME` title, a `# tags: source=monitor|aof` line and the commands) is appended
to --out (or printed when --out is -). Commands that only set up the connection (HELLO, AUTH,
MONITOR, QUIT, RESET, COMMAND, CLIENT SETNAME/SETINFO/INFO/ID) are dropped; --exclude adds
more names, --include-all keeps everything. --gaps MS writes `@sleep N` lines for pauses of at
least MS milliseconds between monitored commands (N capped at 1000).
"""

import argparse
import os
import re
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpuslib  # noqa: E402

DEFAULT_EXCLUDE = {"hello", "auth", "monitor", "quit", "command", "reset"}
MONITOR_LINE = re.compile(r"^\+?(\d+)\.(\d+) \[(\d+) ([^\]]*)\] (.*)$", re.S)


class Cmd:
    def __init__(self, db, args, ts=None):
        self.db, self.args, self.ts = db, args, ts


def parse_monitor_line(line):
    """A MONITOR line -> Cmd, or None for lines that are not commands."""
    if isinstance(line, bytes):
        line = line.decode("latin-1")
    m = MONITOR_LINE.match(line)
    if not m:
        return None
    # Redis writes every argument as a "..." string escaped like its sdscatrepr (\\ \" \n \r
    # \t \a \b \xHH), which is exactly what redis-cli's splitter reads back.
    args = corpuslib.split_args(m.group(5).encode("latin-1"))
    ts = int(m.group(1)) + int(m.group(2)) / 10 ** len(m.group(2))
    return Cmd(int(m.group(3)), args, ts)


def record_monitor(address, seconds, max_commands, ready=None):
    conn = corpuslib.RespConn(address, timeout=0.2)
    conn.send([b"MONITOR"])
    cmds = []
    got_ok = False
    deadline = time.time() + seconds
    while time.time() < deadline and len(cmds) < max_commands:
        try:
            raw = conn.read_reply()
        except (socket.timeout, TimeoutError):
            continue
        if not got_ok:
            got_ok = True  # +OK of MONITOR itself
            if ready:
                ready()
            continue
        if raw.startswith(b"+"):
            c = parse_monitor_line(raw[:-2])
            if c is not None:
                cmds.append(c)
    conn.close()
    return cmds


def read_resp_commands(data, path):
    """Commands of a RESP AOF body; a truncated last command is dropped (with a warning)."""
    out = []
    pos = 0
    n = len(data)
    while pos < n:
        if data[pos:pos + 1] == b"#":  # annotation such as #TS:1700000000
            end = data.find(b"\r\n", pos)
            if end < 0:
                break
            pos = end + 2
            continue
        if data[pos:pos + 1] != b"*":
            raise SystemExit("%s: offset %d: not a RESP command" % (path, pos))
        try:
            tree, nxt = corpuslib.parse_reply(data, pos)
            if nxt > n:
                raise ValueError
        except (ValueError, IndexError):
            print("warning: %s: truncated command at offset %d dropped" % (path, pos),
                  file=sys.stderr)
            break
        out.append([item[1] for item in tree[1]])
        pos = nxt
    return out


def aof_files(path):
    if os.path.isdir(path):
        manifests = [f for f in os.listdir(path) if f.endswith(".manifest")]
        if not manifests:
            raise SystemExit("%s: no manifest" % path)
        path = os.path.join(path, manifests[0])
    if not path.endswith(".manifest"):
        return [path]
    base_dir = os.path.dirname(path)
    base, incr = [], []
    with open(path) as f:
        for line in f:
            fields = line.split()
            kv = dict(zip(fields[0::2], fields[1::2]))
            if "file" not in kv:
                continue
            entry = (int(kv.get("seq", 0)), os.path.join(base_dir, kv["file"]))
            if kv.get("type") == "b":
                base.append(entry)
            elif kv.get("type") == "i":
                incr.append(entry)
    return [p for _, p in sorted(base)] + [p for _, p in sorted(incr)]


def record_aof(path):
    cmds = []
    db = 0
    for f in aof_files(path):
        with open(f, "rb") as fh:
            data = fh.read()
        if data.startswith(b"REDIS"):
            print("warning: %s is an RDB (base or preamble): its keys are not turned into "
                  "commands" % f, file=sys.stderr)
            continue
        for args in read_resp_commands(data, f):
            if args and args[0].lower() == b"select" and len(args) == 2:
                db = int(args[1])
                continue
            cmds.append(Cmd(db, args))
    return cmds


def to_script(cmds, exclude, include_all=False, gaps_ms=0):
    lines = []
    db = 0
    prev_ts = None
    for c in cmds:
        if not c.args:
            continue
        name = c.args[0].decode("latin-1").lower()
        if name == "select":
            continue  # the db of each command says where it ran
        if not include_all and (name in exclude or (
                name == "client" and len(c.args) > 1 and c.args[1].lower() in (
                    b"setname", b"setinfo", b"info", b"id"))):
            continue
        if gaps_ms and prev_ts is not None and c.ts is not None:
            gap = int((c.ts - prev_ts) * 1000)
            if gap >= gaps_ms:
                lines.append("@sleep %d" % min(gap, 1000))
        prev_ts = c.ts
        if c.db != db:
            lines.append("SELECT %d" % c.db)
            db = c.db
        lines.append(corpuslib.join_args(c.args))
    return lines


def append_case(out, name, tags, body):
    text = "\n".join(["# " + name, "# tags: " + tags] + body) + "\n"
    if out == "-":
        sys.stdout.write(text)
        return
    prefix = ""
    if os.path.exists(out) and os.path.getsize(out) > 0:
        with open(out, "rb") as f:
            f.seek(max(0, os.path.getsize(out) - 2))
            tail = f.read()
        prefix = "" if tail.endswith(b"\n\n") else ("\n" if tail.endswith(b"\n") else "\n\n")
    with open(out, "a") as f:
        f.write(prefix + text)
    print("%s: appended case %r (%d lines)" % (out, name, len(body)), file=sys.stderr)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Record real traffic as a corpus script case.")
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--monitor", metavar="SOCKET_OR_HOST:PORT")
    src.add_argument("--aof", metavar="FILE_OR_DIR")
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--max-commands", type=int, default=100000)
    ap.add_argument("--out", default="-")
    ap.add_argument("--name", required=True, help="case name (its title comment)")
    ap.add_argument("--tags", default="", help="extra tags, e.g. 'needs=lists'")
    ap.add_argument("--exclude", action="append", default=[], help="drop this command")
    ap.add_argument("--include-all", action="store_true")
    ap.add_argument("--gaps", type=int, default=0, metavar="MS")
    a = ap.parse_args(argv)

    if a.monitor:
        cmds = record_monitor(a.monitor, a.seconds, a.max_commands, lambda: print(
            "MONITOR on %s: recording for %g s" % (a.monitor, a.seconds), file=sys.stderr))
        source = "monitor"
    else:
        cmds = record_aof(a.aof)
        source = "aof"
    exclude = DEFAULT_EXCLUDE | {e.lower() for e in a.exclude}
    body = to_script(cmds, exclude, a.include_all, a.gaps if a.monitor else 0)
    if not body:
        print("no commands recorded", file=sys.stderr)
        return 1
    append_case(a.out, a.name, "source=%s%s" % (source, (" " + a.tags) if a.tags else ""), body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
