#!/usr/bin/python3
"""RDB files interchangeable with redis-server 7.0.15, both ways.

A seeded random dataset (strings raw/int/long, lists small and multi-node, sets intset and
hashtable, sorted sets listpack and skiplist, hashes listpack and hashtable, TTLs, several dbs)
is written into kevy-server and redis-server with the same commands. Then:
  (a) kevy SAVEs; redis-check-rdb accepts the file; a fresh redis-server started on it holds
      the same keys (per-key contents and TTL) and the same DEBUG DIGEST;
  (b) redis SAVEs; kevy-check accepts the file; a fresh kevy-server started on it holds the
      same keys and the same DEBUG DIGEST.

Usage: rdb_interop_test.py KEVY_SERVER KEVY_CHECK [SEED]. Exit 77 (skipped) without
redis-server / redis-check-rdb or the redis Python package.
"""
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import redis
except ImportError:
    print("skipped: the redis Python package is missing")
    sys.exit(77)

REDIS_SERVER = shutil.which("redis-server")
REDIS_CHECK = shutil.which("redis-check-rdb")
if not REDIS_SERVER or not REDIS_CHECK:
    print("skipped: redis-server / redis-check-rdb not installed")
    sys.exit(77)

KEVY_SERVER, KEVY_CHECK = sys.argv[1], sys.argv[2]
SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 20240607
DBS = [0, 1, 7, 15]


class Server:
    """A server process on a unix socket with its own dir; stopped by PID."""

    def __init__(self, binary, directory, name):
        self.dir = directory
        self.sock = os.path.join(directory, name + ".sock")
        self.log_path = os.path.join(directory, name + ".log")
        self.log = open(self.log_path, "w")
        args = [binary, "--port", "0", "--unixsocket", self.sock, "--save", "",
                "--appendonly", "no", "--daemonize", "no", "--dir", directory]
        if binary == REDIS_SERVER:
            args += ["--enable-debug-command", "yes"]
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 20
        while True:
            try:
                self.client(0).ping()
                break
            except (redis.exceptions.ConnectionError, FileNotFoundError):
                if time.time() > deadline or self.proc.poll() is not None:
                    self.stop()
                    raise RuntimeError(name + " did not start:\n" + open(self.log_path).read())
                time.sleep(0.02)

    def client(self, db):
        return redis.Redis(unix_socket_path=self.sock, db=db)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()


def word(rng, n=None):
    n = n if n is not None else rng.randint(1, 12)
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(n))


def dataset(rng):
    """(db, command args) pairs; every type in both encodings, TTLs, several dbs."""
    cmds = []
    for db in DBS:
        for i in range(rng.randint(20, 40)):
            key = "k%d:%s" % (i, word(rng, 4))
            kind = rng.choice(["str", "int", "long", "list", "biglist", "iset", "bigiset", "sset",
                               "zset", "bigzset", "hash", "bighash", "longhash"])
            if kind == "str":
                cmds.append((db, ["SET", key, word(rng)]))
            elif kind == "int":
                cmds.append((db, ["SET", key, str(rng.randint(-2**63, 2**63 - 1))]))
            elif kind == "long":
                cmds.append((db, ["SET", key, word(rng, 10) * rng.randint(3, 80)]))
            elif kind == "list":
                cmds.append((db, ["RPUSH", key] + [word(rng) for _ in range(rng.randint(1, 20))]))
            elif kind == "biglist":
                cmds.append((db, ["RPUSH", key] +
                             [word(rng, rng.randint(1, 90)) for _ in range(rng.randint(300, 600))]))
            elif kind == "iset":
                cmds.append((db, ["SADD", key] + [str(rng.randint(-10**6, 10**6))
                                                  for _ in range(rng.randint(1, 30))]))
            elif kind == "bigiset":
                cmds.append((db, ["SADD", key] + [str(i) for i in range(rng.randint(513, 700))]))
            elif kind == "sset":
                cmds.append((db, ["SADD", key] + [word(rng) for _ in range(rng.randint(1, 30))]))
            elif kind == "zset":
                args = ["ZADD", key]
                for _ in range(rng.randint(1, 30)):
                    args += [repr(rng.choice([rng.uniform(-1e6, 1e6), rng.randint(-99, 99)])),
                             word(rng)]
                cmds.append((db, args))
            elif kind == "bigzset":
                args = ["ZADD", key]
                for j in range(rng.randint(129, 300)):
                    args += [repr(rng.uniform(-1e3, 1e3)), "m%d" % j]
                args += ["inf", "plus", "-inf", "minus"]
                cmds.append((db, args))
            elif kind == "hash":
                args = ["HSET", key]
                for _ in range(rng.randint(1, 30)):
                    args += [word(rng), word(rng)]
                cmds.append((db, args))
            elif kind == "bighash":
                args = ["HSET", key]
                for j in range(rng.randint(513, 700)):
                    args += ["f%d" % j, word(rng)]
                cmds.append((db, args))
            else:
                cmds.append((db, ["HSET", key, "short", "v", "long", word(rng, 70)]))
            if rng.random() < 0.3:
                cmds.append((db, ["PEXPIRE", key, str(rng.randint(100000, 10**9))]))
    return cmds


def contents(server):
    """{(db, key): (type, value, has ttl)} read with ordinary commands."""
    out = {}
    for db in range(16):
        c = server.client(db)
        for key in c.scan_iter(count=1000):
            t = c.type(key).decode()
            if t == "string":
                v = c.get(key)
            elif t == "list":
                v = c.lrange(key, 0, -1)
            elif t == "set":
                v = sorted(c.smembers(key))
            elif t == "zset":
                v = c.zrange(key, 0, -1, withscores=True)
            elif t == "hash":
                v = sorted(c.hgetall(key).items())
            else:
                v = None
            out[(db, key)] = (t, v, c.pttl(key) > 0)
    return out


def digest(server):
    return server.client(0).execute_command("DEBUG", "DIGEST")


def compare(what, a, b):
    ca, cb = contents(a), contents(b)
    if ca != cb:
        only_a = set(ca) - set(cb)
        only_b = set(cb) - set(ca)
        diff = [k for k in set(ca) & set(cb) if ca[k] != cb[k]]
        print("FAIL %s: %d keys vs %d; only first %s; only second %s; differ %s" %
              (what, len(ca), len(cb), sorted(only_a)[:5], sorted(only_b)[:5], diff[:5]))
        return False
    da, db = digest(a), digest(b)
    if da != db:
        print("FAIL %s: DEBUG DIGEST %s vs %s" % (what, da, db))
        return False
    print("ok   %s: %d keys, DEBUG DIGEST %s" % (what, len(ca), da.decode()))
    return True


def run_check(args):
    p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    tail = "\n".join(p.stdout.strip().splitlines()[-4:])
    print("$ %s -> exit %d\n%s" % (" ".join(os.path.basename(a) for a in args), p.returncode, tail))
    return p.returncode == 0


def main():
    rng = random.Random(SEED)
    cmds = dataset(rng)
    root = tempfile.mkdtemp(prefix="kevy-rdb-interop-")
    dirs = {n: os.path.join(root, n) for n in ("kevy", "redis", "redis_on_kevy", "kevy_on_redis")}
    for d in dirs.values():
        os.mkdir(d)
    servers = []
    ok = True
    try:
        kevy = Server(KEVY_SERVER, dirs["kevy"], "kevy")
        servers.append(kevy)
        red = Server(REDIS_SERVER, dirs["redis"], "redis")
        servers.append(red)
        for db, args in cmds:
            kevy.client(db).execute_command(*args)
            red.client(db).execute_command(*args)
        ok &= compare("same commands on kevy and redis", kevy, red)

        # (a) kevy's file -> redis-check-rdb -> redis-server
        kevy.client(0).save()
        kfile = os.path.join(dirs["kevy"], "dump.rdb")
        ok &= run_check([REDIS_CHECK, kfile])
        ok &= run_check([KEVY_CHECK, "rdb", kfile])
        shutil.copy(kfile, os.path.join(dirs["redis_on_kevy"], "dump.rdb"))
        r2 = Server(REDIS_SERVER, dirs["redis_on_kevy"], "redis2")
        servers.append(r2)
        ok &= compare("redis-server loading kevy's dump.rdb", kevy, r2)

        # (b) redis's file -> kevy-check -> kevy-server
        red.client(0).save()
        rfile = os.path.join(dirs["redis"], "dump.rdb")
        ok &= run_check([KEVY_CHECK, "rdb", rfile])
        shutil.copy(rfile, os.path.join(dirs["kevy_on_redis"], "dump.rdb"))
        k2 = Server(KEVY_SERVER, dirs["kevy_on_redis"], "kevy2")
        servers.append(k2)
        ok &= compare("kevy-server loading redis's dump.rdb", red, k2)
    finally:
        for s in servers:
            s.stop()
        if ok:
            shutil.rmtree(root, ignore_errors=True)
        else:
            print("files kept in " + root)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
