#!/usr/bin/env python3
"""Regenerates tests/data/debug_digest_cases.txt: datasets built by commands on
redis-server 7.0.15, with the exact reply bytes of every command, each case ending with
DEBUG DIGEST and DEBUG DIGEST-VALUE of its keys (and a missing one).

    python3 corpus/gen_digest_cases.py [--out PATH] [--redis-server PATH] [--check]

--check regenerates into memory and compares with the file (exit 1 when they differ, 77 when
redis-server is not installed): the ctest digest_cases_true_of_redis.

The file is read at run time by engine/src/commands/debug_digest_test.cc; its fields are
escaped as engine/src/test_support/case_file.h says.

Spawns its own redis-server (corpuslib.RedisServer: unix socket, temp dir, stopped by PID).
Every case starts from FLUSHALL on a new connection (db 0) with active expiry off, so keys
whose TTL passed during a DEBUG SLEEP stay in memory until touched, as in the unit test's
store (engine/src/commands/debug_digest_test.cc replays each case and compares every reply).
Standard library only.
"""

import argparse
import os
import random
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpuslib  # noqa: E402

MISSING = "no-such-key"


def enc(*keys):
    return [["OBJECT", "ENCODING", k] for k in keys]


def case_empty():
    return [
        ["DEBUG", "DIGEST"],
        ["DEBUG", "DIGEST-VALUE"],
        ["DEBUG", "DIGEST-VALUE", "a", "b"],
        ["DEBUG", "DIGEST", "x"],
        ["debug", "digest"],
        ["SELECT", "7"],
        ["DEBUG", "DIGEST"],
        ["SET", "k", "v"],
        ["DEL", "k"],
        ["DEBUG", "DIGEST"],
    ], []


def case_strings():
    cmds = [
        ["SET", "embstr", "hello"],
        ["SET", "int", "12345"],
        ["SET", "neg", "-42"],
        ["SET", "zero", "0"],
        ["SET", "max", "9223372036854775807"],
        ["SET", "min", "-9223372036854775808"],
        ["SET", "over", "9223372036854775808"],
        ["SET", "lead0", "007"],
        ["SET", "plus", "+1"],
        ["SET", "float", "1.5"],
        ["SET", "empty", ""],
        ["SET", "raw", "x" * 100],
        ["SET", "e44", "y" * 44],
        ["SET", "e45", "y" * 45],
        ["SET", "bin", b"\x00\xff\r\n\"\\"],
        ["APPEND", "app", "abc"],
        ["APPEND", "app", "def"],
        ["INCR", "ctr"],
        ["INCRBY", "ctr", "41"],
        ["INCRBYFLOAT", "fl", "0.1"],
        ["INCRBYFLOAT", "fl", "0.2"],
        ["SETRANGE", "sr", "5", "x"],
        ["SET", "big", "z" * 5000],
    ]
    keys = ["embstr", "int", "neg", "zero", "max", "min", "over", "lead0", "plus", "float",
            "empty", "raw", "e44", "e45", "bin", "app", "ctr", "fl", "sr", "big"]
    return cmds + enc(*keys), keys


def case_strings_same_text_other_encoding():
    # "12345" as int, embstr (via SET then APPEND "") and raw: one digest.
    return [
        ["SET", "a", "12345"],
        ["SET", "b", "1234"],
        ["APPEND", "b", "5"],
        ["SET", "c", "12345"],
        ["APPEND", "c", ""],
    ] + enc("a", "b", "c"), ["a", "b", "c"]


def case_lists():
    big = ["elem-%d" % i for i in range(1500)]
    cmds = [
        ["RPUSH", "l", "a", "b", "c", "1", "-2", "3.5", "", "9223372036854775807"],
        ["LPUSH", "l", "head"],
        ["LINSERT", "l", "BEFORE", "c", "ins"],
        ["LSET", "l", "1", "set"],
        ["RPUSH", "big", *big],
        ["LPOP", "big"],
        ["RPUSH", "ints", "1", "2", "3", "100000", "-100000"],
        ["RPUSH", "huge", "q" * 9000, "tail"],
        ["RPUSH", "ab", "a", "b"],
        ["RPUSH", "ba", "b", "a"],
        ["RPUSH", "fo", "fo", "obar"],
        ["RPUSH", "foo", "foo", "bar"],
    ]
    keys = ["l", "big", "ints", "huge", "ab", "ba", "fo", "foo"]
    return cmds + enc(*keys), keys


def case_sets():
    cmds = [
        ["SADD", "si", "1", "2", "3", "-5", "9223372036854775807", "-9223372036854775808"],
        ["SADD", "sh", "a", "b", "c"],
        ["SADD", "smix", "1", "a", "2"],
        ["SADD", "sbig", *[str(i) for i in range(600)]],
        ["SREM", "sbig", "7"],
        ["SADD", "s01", "1", "01"],
        ["SADD", "ordered1", "x", "y", "z"],
        ["SADD", "ordered2", "z", "y", "x"],
        ["SADD", "si16", "1", "300"],
        ["SADD", "si32", "1", "70000"],
        ["SADD", "si64", "1", "5000000000"],
    ]
    keys = ["si", "sh", "smix", "sbig", "s01", "ordered1", "ordered2", "si16", "si32", "si64"]
    return cmds + enc(*keys), keys


SCORES = ["1", "1.5", "inf", "-inf", "1e300", "-0", "0.1", "-1", "2.5e-5", "1e-300",
          "123456789012345678", "9007199254740993", "-3.75", "+inf", "0"]


def zadd_pairs(prefix):
    args = []
    for i, s in enumerate(SCORES):
        args += [s, "%s%d" % (prefix, i)]
    return args


def case_zsets_listpack():
    cmds = [
        ["ZADD", "z", *zadd_pairs("m")],
        ["ZADD", "zint", "1", "12", "2", "-7", "3", "9223372036854775807", "4", "x"],
        ["ZINCRBY", "z", "0.2", "m6"],
        ["ZADD", "zneg0", "-0", "a"],
        ["ZADD", "zpos0", "0", "a"],
        ["ZADD", "zinc", "INCR", "-0", "a"],
        ["ZADD", "zfrac", "0.3333333333333333", "a", "3.14159", "b", "1e-7", "c", "1e21", "d"],
        ["ZSCORE", "zneg0", "a"],
    ]
    keys = ["z", "zint", "zneg0", "zpos0", "zinc", "zfrac"]
    return cmds + enc(*keys), keys


def case_zsets_skiplist():
    long_member = "L" * 70
    many = []
    for i in range(130):
        many += [str(i * 0.5), "m%d" % i]
    cmds = [
        ["ZADD", "zs", *zadd_pairs("m"), "7", long_member],
        ["ZADD", "zmany", *many],
        ["ZADD", "zsneg0", "5", long_member, "-0", "a"],
        ["ZSCORE", "zsneg0", "a"],
        # -0 added while listpack (kept as 0), then converted.
        ["ZADD", "zconv", "-0", "a"],
        ["ZADD", "zconv", "1", long_member],
        ["ZSCORE", "zconv", "a"],
        ["ZINCRBY", "zs", "0.2", "m6"],
        ["ZUNIONSTORE", "zu", "2", "zs", "zmany"],
        ["ZRANGESTORE", "zr", "zmany", "0", "2"],
        ["ZREM", "zmany", "m3"],
    ]
    keys = ["zs", "zmany", "zsneg0", "zconv", "zu", "zr"]
    return cmds + enc(*keys), keys


def case_hashes():
    cmds = [
        ["HSET", "h", "f", "v", "1", "2", "neg", "-3", "empty", ""],
        ["HINCRBY", "h", "ctr", "10"],
        ["HINCRBYFLOAT", "h", "fl", "0.1"],
        ["HSET", "hlong", "f", "v" * 70, "g", "1"],
        ["HSET", "hbig", *[x for i in range(600) for x in ("f%d" % i, str(i))]],
        ["HDEL", "hbig", "f5"],
        ["HSET", "swap1", "a", "b"],
        ["HSET", "swap2", "b", "a"],
        ["HSET", "h12", "1", "2"],
        ["HSET", "h12s", "1", "2"],
        ["HSET", "h12s", "x", "y"],
        ["HDEL", "h12s", "x"],
    ]
    keys = ["h", "hlong", "hbig", "swap1", "swap2", "h12", "h12s"]
    return cmds + enc(*keys), keys


def case_ttl():
    cmds = [
        ["SET", "s", "v", "EX", "1000"],
        ["SET", "s2", "v"],
        ["RPUSH", "l", "a"],
        ["EXPIRE", "l", "1000"],
        ["SADD", "st", "1"],
        ["PEXPIREAT", "st", "99999999999999"],
        ["ZADD", "z", "1", "a"],
        ["EXPIRE", "z", "1000"],
        ["HSET", "h", "a", "b"],
        ["EXPIRE", "h", "1000"],
        ["SET", "p", "v", "EX", "1000"],
        ["PERSIST", "p"],
        ["SET", "kt", "v", "EX", "1000"],
        ["SET", "kt", "w", "KEEPTTL"],
        ["SET", "dropped", "v", "EX", "1000"],
        ["SET", "dropped", "v"],
    ]
    return cmds, ["s", "s2", "l", "st", "z", "h", "p", "kt", "dropped"]


def case_logically_expired():
    # Active expiry is off: the key stays in memory after its time passed, and both digests
    # see it (they read the tables directly) until a lookup deletes it.
    return [
        ["SET", "t", "v", "PX", "20"],
        ["SET", "keep", "v"],
        ["DEBUG", "SLEEP", "0.1"],
        ["DEBUG", "DIGEST"],
        ["DEBUG", "DIGEST-VALUE", "t"],
        ["GET", "t"],
        ["DEBUG", "DIGEST-VALUE", "t"],
    ], ["keep", "t"]


def case_dbs():
    return [
        ["SET", "k", "v"],
        ["SELECT", "1"],
        ["SET", "k", "v"],
        ["DEBUG", "DIGEST"],
        ["SELECT", "15"],
        ["RPUSH", "l", "x"],
        ["DEBUG", "DIGEST"],
        ["SELECT", "0"],
        ["DEL", "k"],
        ["DEBUG", "DIGEST"],
        ["SELECT", "1"],
        ["MOVE", "k", "3"],
        ["DEBUG", "DIGEST"],
        ["SWAPDB", "3", "4"],
        ["DEBUG", "DIGEST"],
        ["DEBUG", "DIGEST-VALUE", "k"],
        ["SELECT", "4"],
        ["DEBUG", "DIGEST-VALUE", "k"],
        ["SET", "other", "1"],
    ], ["k", "other"]


def case_random(seed, n):
    """A seeded mix of writes over all types, several dbs and TTLs."""
    rnd = random.Random(seed)
    cmds = []
    keys = set()
    db = 0

    def member():
        r = rnd.random()
        if r < 0.3:
            return str(rnd.randint(-1000, 1000))
        if r < 0.35:
            return "m" * rnd.randint(60, 80)
        return "m%d" % rnd.randint(0, 60)

    def score():
        return rnd.choice(["%d" % rnd.randint(-50, 50), "%.3f" % rnd.uniform(-10, 10),
                           "inf", "-inf", "-0", "1e300", "0.1"])

    for _ in range(n):
        k = "k%d" % rnd.randint(0, 25)
        t = rnd.randint(0, 12)
        if t == 0:
            cmds.append(["SET", k, rnd.choice([member(), str(rnd.randint(-10**12, 10**12))])])
        elif t == 1:
            cmds.append(["RPUSH", "l" + k, *[member() for _ in range(rnd.randint(1, 5))]])
        elif t == 2:
            cmds.append(["LPUSH", "l" + k, member()])
        elif t == 3:
            cmds.append(["SADD", "s" + k, *[member() for _ in range(rnd.randint(1, 6))]])
        elif t == 4:
            cmds.append(["SREM", "s" + k, member()])
        elif t == 5:
            args = []
            for _ in range(rnd.randint(1, 5)):
                args += [score(), member()]
            cmds.append(["ZADD", "z" + k, *args])
        elif t == 6:
            cmds.append(["ZINCRBY", "z" + k, "%.2f" % rnd.uniform(-3, 3), member()])
        elif t == 7:
            args = []
            for _ in range(rnd.randint(1, 4)):
                args += [member(), member()]
            cmds.append(["HSET", "h" + k, *args])
        elif t == 8:
            cmds.append(["HDEL", "h" + k, member()])
        elif t == 9:
            kind = rnd.choice(["", "l", "s", "z", "h"])
            cmds.append(["EXPIRE", kind + k, str(rnd.randint(100, 10000))])
        elif t == 10:
            kind = rnd.choice(["", "l", "s", "z", "h"])
            cmds.append(["PERSIST", kind + k])
        elif t == 11:
            db = rnd.randint(0, 3)
            cmds.append(["SELECT", str(db)])
        else:
            kind = rnd.choice(["", "l", "s", "z", "h"])
            cmds.append(["DEL", kind + k])
        if cmds[-1][0] not in ("SELECT",):
            keys.add(cmds[-1][1])
        if rnd.random() < 0.05:
            cmds.append(["DEBUG", "DIGEST"])
    return cmds, sorted(keys)


CASES = [
    ("empty", case_empty),
    ("strings", case_strings),
    ("strings_same_text_other_encoding", case_strings_same_text_other_encoding),
    ("lists", case_lists),
    ("sets", case_sets),
    ("zsets_listpack", case_zsets_listpack),
    ("zsets_skiplist", case_zsets_skiplist),
    ("hashes", case_hashes),
    ("ttl", case_ttl),
    ("logically_expired", case_logically_expired),
    ("dbs", case_dbs),
    ("random1", lambda: case_random(1, 300)),
    ("random2", lambda: case_random(2, 300)),
    ("random3", lambda: case_random(3, 600)),
]


def escape_field(data):
    """One field of a tests/data file (engine/src/test_support/case_file.h): bytes 0x21..0x7e
    other than backslash as themselves, any other byte as \\xHH, the empty field as \\e."""
    if isinstance(data, str):
        data = data.encode()
    if not data:
        return "\\e"
    return "".join(chr(b) if 0x21 <= b <= 0x7E and b != 0x5C else "\\x%02x" % b for b in data)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(root, "tests", "data", "debug_digest_cases.txt"))
    ap.add_argument("--redis-server", default=None)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    if args.check and not (args.redis_server or os.environ.get("KEVY_REDIS_SERVER")
                           or shutil.which("redis-server")):
        print("redis-server not installed: skipped")
        return 77

    rows = []
    with corpuslib.RedisServer(args.redis_server) as srv:
        version = srv.version()
        if version != "7.0.15" and not os.environ.get("KEVY_CORPUS_ANY_VERSION"):
            sys.exit("redis-server %s is not the oracle 7.0.15" % version)
        admin = corpuslib.RespConn(srv.sock)
        assert admin.call("DEBUG", "SET-ACTIVE-EXPIRE", "0") == b"+OK\r\n"
        for name, make in CASES:
            assert admin.call("FLUSHALL") == b"+OK\r\n"
            cmds, keys = make()
            # Every case ends with both digests; DIGEST-VALUE runs in the last selected db.
            cmds = cmds + [["DEBUG", "DIGEST"], ["DEBUG", "DIGEST-VALUE", *keys, MISSING]]
            c = corpuslib.RespConn(srv.sock)
            steps = [(cmd, c.call(*cmd)) for cmd in cmds]
            c.close()
            rows.append((name, steps))
        admin.close()

    lines = ["# Generated by corpus/gen_digest_cases.py from redis-server %s. Do not edit;\n"
             "# rerun the script. Records: `case NAME`, then one `step REPLY ARG...` per command\n"
             "# with its exact RESP2 reply, replayed on a fresh store by\n"
             "# engine/src/commands/debug_digest_test.cc.\n" % version]
    for name, steps in rows:
        lines.append("case %s\n" % escape_field(name))
        for cmd, reply in steps:
            lines.append("step %s\n" % " ".join(escape_field(x) for x in [reply, *cmd]))
    text = "".join(lines)
    summary = "%d cases, %d commands from redis-server %s" % (
        len(rows), sum(len(s) for _, s in rows), version)
    if args.check:
        with open(args.out) as f:
            if f.read() != text:
                print("%s differs from what redis-server %s replies now: rerun %s" %
                      (args.out, version, os.path.basename(__file__)))
                return 1
        print("%s is current: %s" % (args.out, summary))
        return 0
    with open(args.out, "w") as f:
        f.write(text)
    print("%s: %s" % (args.out, summary))
    return 0

if __name__ == "__main__":
    sys.exit(main())
