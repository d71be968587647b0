#!/usr/bin/python3
"""Multi-part AOFs interchangeable with redis-server 7.0.15, and kevy-check aof next to
redis-check-aof.

A seeded random dataset (every type in both encodings, TTLs, several dbs) plus writes that
propagate in rewritten forms (MULTI/EXEC, lazily expired keys, SPOP, INCRBYFLOAT, EXPIRE) goes
through a server with the AOF on, around a BGREWRITEAOF (so the directory holds a base, history
and increments). Then:
  (a) for redis-server's directory, with aof-use-rdb-preamble yes and no: redis-check-aof and
      kevy-check aof both accept it; kevy-server started on a copy holds the same keys (contents,
      TTL) and DEBUG DIGEST as redis-server restarted on it;
  (b) the same for kevy-server's directory (redis-check-aof accepts it, redis-server loads it);
  (c) redis's last increment cut in the middle of a command: both checkers report the same
      ok_up_to and diff, both --fix truncate to the same size, and both servers then load it.

Usage: aof_interop_test.py KEVY_SERVER KEVY_CHECK [SEED]. Exit 77 (skipped) without
redis-server / redis-check-aof or the redis Python package.
"""
import os
import random
import re
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
REDIS_CHECK = shutil.which("redis-check-aof")
if not REDIS_SERVER or not REDIS_CHECK:
    print("skipped: redis-server / redis-check-aof not installed")
    sys.exit(77)

KEVY_SERVER, KEVY_CHECK = sys.argv[1], sys.argv[2]
SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 20240611
DBS = [0, 1, 9]


class Server:
    """A server process on a unix socket with its own dir and the AOF on; stopped by PID."""

    def __init__(self, binary, directory, name, preamble=True):
        self.dir = directory
        self.sock = os.path.join(directory, name + ".sock")
        self.log_path = os.path.join(directory, name + ".log")
        self.log = open(self.log_path, "a")
        args = [binary, "--port", "0", "--unixsocket", self.sock, "--save", "",
                "--appendonly", "yes", "--appendfsync", "always", "--daemonize", "no",
                "--dir", directory, "--aof-use-rdb-preamble", "yes" if preamble else "no"]
        if binary == REDIS_SERVER:
            args += ["--enable-debug-command", "yes", "--aof-disable-auto-gc", "yes"]
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

    def wait_rewrite(self):
        for _ in range(1000):
            info = self.client(0).info("persistence")
            if not info["aof_rewrite_in_progress"] and not info["aof_rewrite_scheduled"]:
                return
            time.sleep(0.01)
        raise RuntimeError("AOF rewrite did not finish")

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


def dataset(rng, tag):
    """(db, command args) pairs; every type in both encodings, TTLs, several dbs."""
    cmds = []
    for db in DBS:
        for i in range(rng.randint(15, 30)):
            key = "%s%d:%s" % (tag, i, word(rng, 4))
            kind = rng.choice(["str", "int", "list", "biglist", "iset", "bigiset", "sset", "zset",
                               "bigzset", "hash", "bighash"])
            if kind == "str":
                cmds.append((db, ["SET", key, word(rng, rng.randint(1, 60))]))
            elif kind == "int":
                cmds.append((db, ["SET", key, str(rng.randint(-2**63, 2**63 - 1))]))
            elif kind == "list":
                cmds.append((db, ["RPUSH", key] + [word(rng) for _ in range(rng.randint(1, 20))]))
            elif kind == "biglist":
                cmds.append((db, ["RPUSH", key] +
                             [word(rng, rng.randint(1, 90)) for _ in range(rng.randint(100, 300))]))
            elif kind == "iset":
                cmds.append((db, ["SADD", key] + [str(rng.randint(-10**6, 10**6))
                                                  for _ in range(rng.randint(1, 30))]))
            elif kind == "bigiset":
                cmds.append((db, ["SADD", key] + [str(j) for j in range(rng.randint(513, 600))]))
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
                for j in range(rng.randint(129, 200)):
                    args += [repr(rng.uniform(-1e3, 1e3)), "m%d" % j]
                args += ["inf", "plus", "-inf", "minus"]
                cmds.append((db, args))
            elif kind == "hash":
                args = ["HSET", key]
                for _ in range(rng.randint(1, 30)):
                    args += [word(rng), word(rng)]
                cmds.append((db, args))
            else:
                args = ["HSET", key]
                for j in range(rng.randint(513, 600)):
                    args += ["f%d" % j, word(rng)]
                cmds.append((db, args))
            if rng.random() < 0.3:
                cmds.append((db, ["PEXPIRE", key, str(rng.randint(100000, 10**9))]))
    return cmds


def load(server, cmds):
    for db, args in cmds:
        server.client(db).execute_command(*args)


def rewritten_forms(server, tag):
    """Writes Redis propagates in other forms than the client sent."""
    c = server.client(0)
    c.set(tag + "short", "x", px=1)
    c.sadd(tag + "pop", *range(10))
    c.spop(tag + "pop", 3)
    c.incrbyfloat(tag + "float", 1.5)
    c.hincrbyfloat(tag + "hf", "f", 2.5)
    c.set(tag + "ex", "v", ex=100000)
    c.expire(tag + "float", 5000)
    try:
        p = c.pipeline(transaction=True)
        p.incr(tag + "counter").rpush(tag + "tx", "a", "b").execute()
    except redis.exceptions.ResponseError as e:  # a server without MULTI/EXEC yet
        print("note %s: no transaction (%s)" % (tag, e))
        c = server.client(0)
        c.incr(tag + "counter")
        c.rpush(tag + "tx", "a", "b")
    time.sleep(0.01)
    c.incr(tag + "short")  # expired: Redis propagates MULTI DEL ... incr EXEC


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


def run(args, stdin=None):
    p = subprocess.run(args, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    return p.returncode, p.stdout


def check_both(what, aofdir):
    """Both checkers on the manifest; True when both accept it."""
    manifest = os.path.join(aofdir, "appendonly.aof.manifest")
    rc_r, out_r = run([REDIS_CHECK, manifest])
    rc_k, out_k = run([KEVY_CHECK, "aof", aofdir])
    if rc_r != 0 or rc_k != 0:
        print("FAIL %s: redis-check-aof rc %d, kevy-check rc %d\n%s\n%s" %
              (what, rc_r, rc_k, out_r, out_k))
        return False
    print("ok   %s: redis-check-aof and kevy-check accept it" % what)
    return True


def make_aof(binary, workdir, name, preamble, rng):
    """Writes the dataset through `binary` with a BGREWRITEAOF in the middle; returns the dir."""
    d = os.path.join(workdir, name)
    os.mkdir(d)
    s = Server(binary, d, name, preamble)
    try:
        load(s, dataset(rng, "a"))
        rewritten_forms(s, "a")
        s.client(0).bgrewriteaof()
        s.wait_rewrite()
        load(s, dataset(rng, "b"))
        rewritten_forms(s, "b")
    finally:
        s.stop()
    return d


def same_on_both(what, aofdir, workdir):
    """redis-server and kevy-server started on copies of aofdir hold the same data."""
    rdir, kdir = os.path.join(workdir, what + "-r"), os.path.join(workdir, what + "-k")
    for d in (rdir, kdir):
        shutil.copytree(os.path.join(aofdir, "appendonlydir"), os.path.join(d, "appendonlydir"))
    r = Server(REDIS_SERVER, rdir, "redis")
    try:
        k = Server(KEVY_SERVER, kdir, "kevy")
        try:
            return compare(what, r, k)
        finally:
            k.stop()
    finally:
        r.stop()


def analyzed(out, name):
    m = re.search(r"AOF analyzed: filename=%s, size=(\d+), ok_up_to=(\d+),.* diff=(\d+)" %
                  re.escape(name), out)
    return m.groups() if m else None


def cut_and_fix(aofdir, workdir):
    ok = True
    d = os.path.join(workdir, "cut")
    shutil.copytree(aofdir, d)
    adir = os.path.join(d, "appendonlydir")
    incr = sorted((f for f in os.listdir(adir) if f.endswith(".incr.aof")),
                  key=lambda f: int(f.split(".")[-3]))[-1]
    path = os.path.join(adir, incr)
    size = os.path.getsize(path)
    with open(path, "ab") as f:
        f.write(b"*3\r\n$3\r\nset\r\n$4\r\ncut!\r\n$5\r\nval")
    manifest = os.path.join(adir, "appendonly.aof.manifest")
    rc_r, out_r = run([REDIS_CHECK, manifest])
    rc_k, out_k = run([KEVY_CHECK, "aof", manifest])
    a_r, a_k = analyzed(out_r, incr), analyzed(out_k, incr)
    if rc_r != 1 or rc_k != 1 or a_r is None or a_r != a_k or int(a_r[1]) != size:
        print("FAIL cut tail: redis %s %s, kevy %s %s\n%s\n%s" % (rc_r, a_r, rc_k, a_k, out_r, out_k))
        ok = False
    else:
        print("ok   cut tail: both report size=%s ok_up_to=%s diff=%s" % a_r)
    shutil.copy(path, path + ".bak")
    rc_r, out_r = run([REDIS_CHECK, "--fix", manifest], stdin="y\n")
    size_r = os.path.getsize(path)
    shutil.copy(path + ".bak", path)
    os.remove(path + ".bak")
    rc_k, out_k = run([KEVY_CHECK, "aof", "--fix", manifest])
    size_k = os.path.getsize(path)
    if rc_r != 0 or rc_k != 0 or size_r != size or size_k != size:
        print("FAIL --fix: redis rc %d -> %d bytes, kevy rc %d -> %d bytes (want %d)\n%s\n%s" %
              (rc_r, size_r, rc_k, size_k, size, out_r, out_k))
        ok = False
    else:
        print("ok   --fix: both truncate %s to %d bytes" % (incr, size))
    return ok & same_on_both("cut-fixed", d, workdir)


def main():
    rng = random.Random(SEED)
    workdir = tempfile.mkdtemp(prefix="kevy-aof-interop-")
    ok = True
    try:
        for preamble in (True, False):
            tag = "redis-preamble-%s" % ("yes" if preamble else "no")
            d = make_aof(REDIS_SERVER, workdir, tag, preamble, rng)
            ok &= check_both(tag, os.path.join(d, "appendonlydir"))
            ok &= same_on_both(tag, d, workdir)
            if preamble:
                ok &= cut_and_fix(d, workdir)
        for preamble in (True, False):
            tag = "kevy-preamble-%s" % ("yes" if preamble else "no")
            d = make_aof(KEVY_SERVER, workdir, tag, preamble, rng)
            ok &= check_both(tag, os.path.join(d, "appendonlydir"))
            ok &= same_on_both(tag, d, workdir)
    finally:
        if ok:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print("files kept in " + workdir)
    print("PASS" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
