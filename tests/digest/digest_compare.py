#!/usr/bin/env python3
"""Random command sequences on kevy-server and redis-server 7.0.15, comparing every reply and
DEBUG DIGEST (plus DEBUG DIGEST-VALUE of every key touched) along the way.

    python3 tests/digest/digest_compare.py KEVY_SERVER [--seeds N] [--length L] [--first-seed S]

Each server runs without a config file on a unix socket in its own temp dir and is stopped
by PID. Active expiry is off on both (DEBUG SET-ACTIVE-EXPIRE 0) and TTLs are long, so both
hold the same keys. The sequences avoid commands whose result is random (SPOP, SRANDMEMBER,
RANDOMKEY). Exit 0 when everything matched, 1 at the first difference (with the seed and the
commands so far), 77 when redis-server is missing. Standard library only.
"""

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "corpus"))
import corpuslib  # noqa: E402


class KevyServer:
    """kevy-server on a unix socket in a temp dir; stopped by PID."""

    def __init__(self, binary):
        self.dir = tempfile.mkdtemp(prefix="kevy-digest-")
        self.sock = os.path.join(self.dir, "k.sock")
        self.log = open(os.path.join(self.dir, "k.log"), "w")
        self.proc = subprocess.Popen(
            [binary, "--port", "0", "--unixsocket", self.sock, "--save", "", "--appendonly",
             "no", "--daemonize", "no", "--dir", self.dir],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 10
        while True:
            try:
                c = corpuslib.RespConn(self.sock)
                ok = c.call("PING") == b"+PONG\r\n"
                c.close()
                if ok:
                    break
            except (FileNotFoundError, ConnectionRefusedError, ConnectionError):
                pass
            if time.time() > deadline or self.proc.poll() is not None:
                self.stop()
                raise RuntimeError("kevy-server did not start")
            time.sleep(0.02)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def sequence(seed, length):
    """A seeded list of commands over every type, several dbs, TTLs and encoding changes."""
    rnd = random.Random(seed)
    out = []

    def member():
        r = rnd.random()
        if r < 0.3:
            return str(rnd.randint(-1000, 1000))
        if r < 0.33:
            return "w" * rnd.randint(60, 80)  # past the listpack value limit
        if r < 0.36:
            return str(rnd.randint(-2**63, 2**63 - 1))
        return "m%d" % rnd.randint(0, 40)

    def score():
        return rnd.choice(["%d" % rnd.randint(-50, 50), "%.3f" % rnd.uniform(-10, 10), "inf",
                           "-inf", "-0", "0", "1e300", "0.1", "%.17g" % rnd.uniform(-1, 1)])

    def key(kind):
        return "%s%d" % (kind, rnd.randint(0, 12))

    for _ in range(length):
        t = rnd.randint(0, 29)
        if t == 0:
            out.append(["SET", key("s"), member()])
        elif t == 1:
            out.append(["APPEND", key("s"), member()])
        elif t == 2:
            out.append(["INCRBY", key("n"), str(rnd.randint(-100, 100))])
        elif t == 3:
            out.append(["INCRBYFLOAT", key("f"), "%.3f" % rnd.uniform(-5, 5)])
        elif t == 4:
            out.append(["RPUSH", key("l"), *[member() for _ in range(rnd.randint(1, 8))]])
        elif t == 5:
            out.append(["LPUSH", key("l"), member()])
        elif t == 6:
            out.append(["LPOP", key("l")])
        elif t == 7:
            out.append(["LREM", key("l"), str(rnd.randint(-2, 2)), member()])
        elif t == 8:
            out.append(["LTRIM", key("l"), str(rnd.randint(0, 3)), str(rnd.randint(-3, 20))])
        elif t == 9:
            out.append(["SADD", key("t"), *[member() for _ in range(rnd.randint(1, 10))]])
        elif t == 10:
            out.append(["SREM", key("t"), member()])
        elif t == 11:
            out.append(["SINTERSTORE", key("t"), key("t"), key("t")])
        elif t == 12:
            out.append(["SUNIONSTORE", key("t"), key("t"), key("t")])
        elif t == 13:
            args = []
            for _ in range(rnd.randint(1, 6)):
                args += [score(), member()]
            out.append(["ZADD", key("z"), *args])
        elif t == 14:
            out.append(["ZINCRBY", key("z"), score(), member()])
        elif t == 15:
            out.append(["ZREM", key("z"), member()])
        elif t == 16:
            out.append(["ZUNIONSTORE", key("z"), "2", key("z"), key("z"), "WEIGHTS",
                        str(rnd.randint(-2, 2)), "0.5"])
        elif t == 17:
            out.append(["ZREMRANGEBYRANK", key("z"), "0", str(rnd.randint(0, 2))])
        elif t == 18:
            args = []
            for _ in range(rnd.randint(1, 5)):
                args += [member(), member()]
            out.append(["HSET", key("h"), *args])
        elif t == 19:
            out.append(["HDEL", key("h"), member()])
        elif t == 20:
            out.append(["HINCRBY", key("h"), member(), str(rnd.randint(-9, 9))])
        elif t == 21:
            kind = rnd.choice("sltzh")
            out.append(["EXPIRE", key(kind), str(rnd.randint(1000, 100000))])
        elif t == 22:
            out.append(["PERSIST", key(rnd.choice("sltzh"))])
        elif t == 23:
            kind = rnd.choice("sltzh")
            out.append(["RENAME", key(kind), key(kind)])
        elif t == 24:
            kind = rnd.choice("sltzh")
            out.append(["COPY", key(kind), key(kind), "REPLACE"])
        elif t == 25:
            out.append(["MOVE", key(rnd.choice("sltzh")), str(rnd.randint(0, 3))])
        elif t == 26:
            out.append(["SELECT", str(rnd.randint(0, 3))])
        elif t == 27:
            out.append(["SWAPDB", str(rnd.randint(0, 3)), str(rnd.randint(0, 3))])
        elif t == 28:
            out.append(["DEL", key(rnd.choice("sltzhnf"))])
        else:
            out.append(["DEBUG", "DIGEST"])
    out.append(["DEBUG", "DIGEST"])
    return out


ALL_KEYS = ["%s%d" % (k, i) for k in "sltzhnf" for i in range(13)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("kevy_server")
    ap.add_argument("--seeds", type=int, default=20)
    ap.add_argument("--first-seed", type=int, default=1)
    ap.add_argument("--length", type=int, default=300)
    args = ap.parse_args()
    if not shutil.which("redis-server") and not os.environ.get("KEVY_REDIS_SERVER"):
        print("redis-server not installed: skipped")
        return 77

    kevy = KevyServer(args.kevy_server)
    try:
        with corpuslib.RedisServer() as redis:
            version = redis.version()
            if version != "7.0.15" and not os.environ.get("KEVY_CORPUS_ANY_VERSION"):
                print("redis-server %s is not the oracle 7.0.15: skipped" % version)
                return 77
            return run_all(kevy.sock, redis.sock, args)
    finally:
        kevy.stop()


def run_all(kevy_sock, redis_sock, args):
    digests = 0
    commands = 0
    for seed in range(args.first_seed, args.first_seed + args.seeds):
        k = corpuslib.RespConn(kevy_sock)
        r = corpuslib.RespConn(redis_sock)
        for c in (k, r):
            assert c.call("FLUSHALL") == b"+OK\r\n"
            assert c.call("DEBUG", "SET-ACTIVE-EXPIRE", "0") == b"+OK\r\n"
        # A digest-value sweep of every possible key in db 0..3 ends each sequence.
        tail = []
        for db in range(4):
            tail += [["SELECT", str(db)], ["DEBUG", "DIGEST-VALUE", *ALL_KEYS]]
        done = []
        for cmd in sequence(seed, args.length) + tail:
            done.append(cmd)
            a, b = k.call(*cmd), r.call(*cmd)
            commands += 1
            if cmd[0] == "DEBUG":
                digests += 1
            if a != b:
                print("seed %d: replies differ after %d commands" % (seed, len(done)))
                for c in done[-15:]:
                    print("  " + corpuslib.join_args([x.encode() for x in c]))
                print("kevy:  %r" % a[:300])
                print("redis: %r" % b[:300])
                return 1
        k.close()
        r.close()
    print("%d seeds, %d commands, %d DEBUG DIGEST/DIGEST-VALUE replies equal" %
          (args.seeds, commands, digests))
    return 0


if __name__ == "__main__":
    sys.exit(main())
