#!/usr/bin/env python3
"""Compares the COMMAND family of kevy-server with redis-server 7.0.15, command by command.

    python3 corpus/compare_command_metadata.py --kevy-server build/bin/kevy-server
        [--redis-server PATH] [--seed N] [--argvs-per-command N]

Spawns both servers (unix sockets, temp dirs, no config file, stopped by PID) and, for every
command and subcommand kevy's COMMAND LIST names, in RESP2 and RESP3:
  - COMMAND INFO <name> and COMMAND DOCS <name> must be byte-identical, once a container's
    nested subcommands are put in one order and Redis's are cut down to the subcommands kevy
    has (Redis lists them in its hash table's order, random per process);
  - COMMAND LIST FILTERBY ACLCAT <c> for every category must give the same names as Redis's
    list restricted to kevy's commands;
  - COMMAND GETKEYS and GETKEYSANDFLAGS over generated argument lists (argument counts
    around the arity, words drawn from numbers, keywords and key-like names) must be
    byte-identical.
Exit 0 when everything matches, 1 with the differences listed, 77 when a server is missing.
The corpus (corpus/command.corpus) keeps a recorded sample of the same checks; this script is
the exhaustive one, for use after regenerating the metadata or adding commands.
"""

import argparse
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import corpuslib  # noqa: E402
from corpuslib import parse_reply  # noqa: E402

WORDS = ["k", "a", "b", "0", "1", "2", "3", "-1", "2x", "", "GET", "STORE", "LIMIT", "BY",
         "KEYS", "WEIGHTS", "LEFT", "MIN", "COUNT", "SET", "INCRBY", "OVERFLOW", "u8", "STREAMS"]


def encode(tree):
    """RESP bytes of a parsed tree (parse_reply's shape)."""
    t, p = tree
    if p is None:
        return ("%s-1\r\n" % t).encode() if t in "$*" else b"_\r\n"
    if t in "$=!":
        return b"%s%d\r\n%s\r\n" % (t.encode(), len(p), p)
    if isinstance(p, list):
        n = len(p) // 2 if t in "%|" else len(p)
        return b"%s%d\r\n" % (t.encode(), n) + b"".join(encode(x) for x in p)
    return t.encode() + p + b"\r\n"


def text(tree):
    return tree[1].decode("latin-1")


def normalise_info(entry, keep):
    """A COMMAND INFO entry with nested subcommands sorted by name and limited to `keep`."""
    t, p = entry
    if p is None or len(p) < 10 or p[9][0] != "*":
        return entry
    subs = [normalise_info(s, keep) for s in p[9][1] if text(s[1][0]).lower() in keep]
    subs.sort(key=lambda s: text(s[1][0]))
    return (t, p[:9] + [("*", subs)])


def normalise_docs(doc, keep):
    """A COMMAND DOCS doc map with the subcommands map sorted by name and limited to `keep`."""
    t, p = doc
    out = []
    for i in range(0, len(p), 2):
        key, val = p[i], p[i + 1]
        if text(key) == "subcommands":
            pairs = [(p2, normalise_docs(v2, keep)) for p2, v2 in zip(val[1][::2], val[1][1::2])
                     if text(p2).lower() in keep]
            pairs.sort(key=lambda kv: text(kv[0]))
            val = (val[0], [x for kv in pairs for x in kv])
        out += [key, val]
    return (t, out)


def normalise(reply, kind, keep):
    tree, _ = parse_reply(reply)
    t, p = tree
    if t in "-!":
        return reply
    if kind == "info":
        return encode((t, [normalise_info(e, keep) for e in p]))
    return encode((t, [p[i] if i % 2 == 0 else normalise_docs(p[i], keep)
                       for i in range(len(p))]))


class Pair:
    def __init__(self, kevy_sock, redis_sock, proto):
        self.k = corpuslib.RespConn(kevy_sock)
        self.r = corpuslib.RespConn(redis_sock)
        if proto == 3:
            self.k.call("HELLO", "3")
            self.r.call("HELLO", "3")

    def call(self, *args):
        return self.k.call(*args), self.r.call(*args)


def names_of(reply):
    tree, _ = parse_reply(reply)
    return [text(x) for x in tree[1]]


def gen_argvs(name, arity, rng, count):
    """Argument lists for `name` (with its subcommand word, if any) of lengths around the
    arity; the words favour numbers and keywords so that numkeys and option rules trigger."""
    base = name.split("|")
    low = abs(arity)
    high = low + 5 if arity < 0 else low
    out = []
    for _ in range(count):
        n = rng.randint(low, high)
        extra = [rng.choice(WORDS) for _ in range(n - len(base))]
        out.append(base + extra)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kevy-server", required=True)
    ap.add_argument("--redis-server", default=None)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--argvs-per-command", type=int, default=40)
    args = ap.parse_args()
    if not os.path.exists(args.kevy_server):
        print("kevy-server not found: %s" % args.kevy_server)
        return 77
    if not (args.redis_server or os.environ.get("KEVY_REDIS_SERVER") or
            shutil.which("redis-server")):
        print("redis-server not found")
        return 77

    failures = []
    with corpuslib.RedisServer(args.redis_server) as redis, \
            corpuslib.RedisServer(args.kevy_server) as kevy:
        if redis.version() != "7.0.15":
            print("redis-server is %s, not 7.0.15" % redis.version())
            return 77
        names = names_of(corpuslib.RespConn(kevy.sock).call("COMMAND", "LIST"))
        keep = set(names)
        for proto in (2, 3):
            pair = Pair(kevy.sock, redis.sock, proto)
            for name in names:
                for sub, kind in (("INFO", "info"), ("DOCS", "docs")):
                    k, r = pair.call("COMMAND", sub, name)
                    if k != normalise(r, kind, keep):
                        failures.append("RESP%d COMMAND %s %s\n  kevy:  %r\n  redis: %r" %
                                        (proto, sub, name, k, normalise(r, kind, keep)))
            cats = names_of(pair.r.call("ACL", "CAT"))
            for cat in cats:
                k, r = pair.call("COMMAND", "LIST", "FILTERBY", "ACLCAT", cat)
                want = sorted(n for n in names_of(r) if n in keep)
                if sorted(names_of(k)) != want:
                    failures.append("RESP%d COMMAND LIST FILTERBY ACLCAT %s: kevy %s redis %s" %
                                    (proto, cat, sorted(names_of(k)), want))
            rng = random.Random(args.seed * 10 + proto)
            info = {}
            for entry in parse_reply(pair.k.call("COMMAND", "INFO", *names))[0][1]:
                info[text(entry[1][0])] = int(entry[1][1][1])
            checked = with_keys = 0
            for name in names:
                for argv in gen_argvs(name, info[name], rng, args.argvs_per_command):
                    for sub in ("GETKEYS", "GETKEYSANDFLAGS"):
                        k, r = pair.call("COMMAND", sub, *argv)
                        checked += 1
                        with_keys += r.startswith(b"*") and r != b"*0\r\n"
                        if k != r:
                            failures.append("RESP%d COMMAND %s %s\n  kevy:  %r\n  redis: %r" %
                                            (proto, sub, corpuslib.join_args(
                                                [a.encode() for a in argv]), k, r))
            print("RESP%d: %d commands, %d ACL categories, %d GETKEYS calls compared (%d "
                  "with keys)" % (proto, len(names), len(cats), checked, with_keys))
    for f in failures:
        print("DIFF " + f)
    print("%d differences" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
