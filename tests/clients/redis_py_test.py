"""redis-py (the Debian python3-redis 4.3.4) against kevy-server, the way applications use it:
strings with TTLs, pipelines without transactions, hashes, lists, sets, sorted sets with
scores, scan_iter, db selection, errors, AUTH. Every check runs against a spawned kevy-server
and a spawned redis-server 7.0.15 and the results must be equal (and a few are also checked
against literal values, so that two equally wrong servers cannot pass).

redis-py 4.3.4 speaks RESP2 only; RESP3 is checked over a raw socket (HELLO 3, then map,
double, set, null and nested replies) with the small RESP3 reader below, bytes and parsed
values compared between the two servers. Pub/sub, blocking and WATCH are in redis_py_pubsub_test.py.

Usage: /usr/bin/python3 redis_py_test.py /path/to/kevy-server. Exit 77 (skipped) when the
redis module or redis-server 7.0.15 is missing.
"""
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

try:
    import redis
except ImportError:
    print("the python3 'redis' module is not installed: skipped")
    sys.exit(77)

SKIP = 77


class Server:
    """A kevy-server or redis-server child on 127.0.0.1:<free port> and a unix socket in a
    temp dir, without a config file or persistence; stop() sends SIGTERM to its PID."""

    def __init__(self, kind, binary, extra=()):
        self.kind = kind
        self.dir = tempfile.mkdtemp(prefix="kevy-redis-py-")
        self.sock = os.path.join(self.dir, "server.sock")
        self.log = os.path.join(self.dir, "server.log")
        try:
            self._start(kind, binary, extra)
        except Exception:
            shutil.rmtree(self.dir, ignore_errors=True)
            raise

    def _start(self, kind, binary, extra):
        for _ in range(10):
            port = 0 if kind == "kevy" else free_port()
            args = [binary, "--port", str(port), "--bind", "127.0.0.1", "--unixsocket",
                    self.sock, "--save", "", "--appendonly", "no", "--daemonize", "no",
                    "--dir", self.dir, *extra]
            with open(self.log, "wb") as log:
                self.proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT)
            self.port = self._wait_ready(port)
            if self.port:
                return
            if kind == "kevy" or b"Address already in use" not in self._log_bytes():
                raise RuntimeError("%s did not start:\n%s" % (kind, self._log_bytes().decode()))
        raise RuntimeError("redis-server: no free port after 10 attempts")

    def _log_bytes(self):
        with open(self.log, "rb") as f:
            return f.read()

    def _wait_ready(self, port):
        deadline = time.time() + 10
        while time.time() < deadline:
            if self.proc.poll() is not None:
                return None
            if self.kind == "kevy":
                m = re.search(rb"Ready to accept connections tcp port (\d+)", self._log_bytes())
                port = int(m.group(1)) if m else 0
            if port and os.path.exists(self.sock) and answers(port):
                return port
            time.sleep(0.02)
        self.stop()
        raise RuntimeError("%s did not answer within 10 s" % self.kind)

    def stop(self):
        """SIGTERM, wait; returns the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)
        return self.proc.returncode


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(64).endswith(b"\r\n")
    except OSError:
        return False


# ---------------------------------------------------------------------------------------------
# RESP3 over a raw socket: redis-py 4.3.4 has no protocol=3.

class Resp3Conn:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.buf = b""

    def close(self):
        self.sock.close()

    def call(self, *args):
        """Sends a command; returns (raw reply bytes, parsed value)."""
        out = b"*%d\r\n" % len(args)
        for a in args:
            a = a if isinstance(a, bytes) else str(a).encode()
            out += b"$%d\r\n%s\r\n" % (len(a), a)
        self.sock.sendall(out)
        start = 0
        while True:
            try:
                value, end = parse_resp3(self.buf, start)
            except IndexError:  # incomplete: read more
                chunk = self.sock.recv(65536)
                if not chunk:
                    raise RuntimeError("connection closed")
                self.buf += chunk
                continue
            raw, self.buf = self.buf[:end], self.buf[end:]
            return raw, value


class Double(float):
    """A RESP3 ',' reply (kept distinct from a bulk string holding a number)."""


class Map(list):
    """A RESP3 '%' reply as a list of (key, value) pairs, in reply order."""


class RespSet(list):
    """A RESP3 '~' reply, in reply order."""


class Error(str):
    pass


def _line(buf, pos):
    end = buf.index(b"\r\n", pos)  # ValueError when incomplete: mapped to IndexError below
    return buf[pos:end], end + 2


def parse_resp3(buf, pos):
    """Parses one RESP2/RESP3 reply at buf[pos:]; returns (value, end). IndexError when the
    buffer holds only part of it."""
    if pos >= len(buf):
        raise IndexError
    t = buf[pos:pos + 1]
    try:
        line, pos = _line(buf, pos + 1)
    except ValueError:
        raise IndexError
    if t == b"+":
        return line.decode(), pos
    if t == b"-":
        return Error(line.decode()), pos
    if t == b":":
        return int(line), pos
    if t == b",":
        return Double(float(line)), pos
    if t == b"_":
        return None, pos
    if t == b"#":
        return line == b"t", pos
    if t in (b"$", b"="):
        n = int(line)
        if n < 0:
            return None, pos
        if len(buf) < pos + n + 2:
            raise IndexError
        return buf[pos:pos + n], pos + n + 2
    if t in (b"*", b"~", b">", b"%"):
        n = int(line)
        if n < 0:
            return None, pos
        count = n * 2 if t == b"%" else n
        items = []
        for _ in range(count):
            v, pos = parse_resp3(buf, pos)
            items.append(v)
        if t == b"%":
            return Map(zip(items[0::2], items[1::2])), pos
        if t == b"~":
            return RespSet(items), pos
        return items, pos
    raise RuntimeError("unknown RESP type %r" % t)


# ---------------------------------------------------------------------------------------------
# The checks: each takes (server, client) and returns a value to compare across servers.

def check_strings_and_ttl(srv, r):
    out = [r.set("user:1", "alice", ex=100), r.get("user:1"), r.ttl("user:1"),
           r.pttl("user:1") > 99000, r.set("user:1", "bob", xx=True, keepttl=True),
           r.ttl("user:1"), r.set("user:1", "carol", nx=True), r.getset("user:1", "dave"),
           r.persist("user:1"), r.ttl("user:1"), r.ttl("missing"),
           r.setex("session", 60, "s"), r.ttl("session"), r.psetex("p", 100000, "v"),
           r.expire("p", 50), r.ttl("p"), r.expireat("p", 4102444800), r.ttl("p") > 1000,
           r.incr("hits"), r.incrby("hits", 41), r.decr("hits"), r.incrbyfloat("f", 2.5),
           r.incrbyfloat("f", 0.1), r.append("log", "a"), r.append("log", "bc"),
           r.getrange("log", 1, -1), r.strlen("log"), r.mset({"m1": "1", "m2": b"\x00\xff"}),
           r.mget("m1", "m2", "missing"), r.msetnx({"m1": "x", "m3": "y"}), r.exists("m1", "m3"),
           r.getdel("m1"), r.getex("m2", ex=30), r.ttl("m2"), r.set("px", 1, px=50)]
    time.sleep(0.12)
    out += [r.get("px"), r.exists("px"), r.type("user:1"), r.type("missing"), r.dbsize()]
    return out


def check_pipeline(srv, r):
    p = r.pipeline(transaction=False)
    for i in range(200):
        p.set("k%d" % i, i)
        p.incr("counter")
    p.mget(["k0", "k99", "k199", "nope"])
    p.lpush("q", *range(10))
    p.lrange("q", 0, -1)
    p.get("q")  # WRONGTYPE inside the pipeline: returned, not raised
    p.hset("h", mapping={"a": 1})
    results = p.execute(raise_on_error=False)
    return [x if not isinstance(x, Exception) else "%s: %s" % (type(x).__name__, x)
            for x in results]


def check_hashes(srv, r):
    return [r.hset("user:7", mapping={"name": "Ann", "age": 33, "city": "Oslo"}),
            r.hget("user:7", "name"), r.hgetall("user:7"), r.hmget("user:7", "age", "nope"),
            r.hincrby("user:7", "age", 1), r.hincrbyfloat("user:7", "score", 1.5),
            r.hincrbyfloat("user:7", "score", 0.25), r.hexists("user:7", "city"),
            r.hdel("user:7", "city", "nope"), r.hlen("user:7"), sorted(r.hkeys("user:7")),
            sorted(r.hvals("user:7")), r.hsetnx("user:7", "name", "Bo"), r.hstrlen("user:7", "name"),
            r.hgetall("missing"), sorted(r.hscan_iter("user:7")),
            r.hset("big", mapping={"f%d" % i: i for i in range(600)}),
            r.hget("big", "f599"), r.object("encoding", "big"), r.object("encoding", "user:7")]


def check_lists(srv, r):
    return [r.rpush("jobs", "a", "b", "c"), r.lpush("jobs", "z"), r.lrange("jobs", 0, -1),
            r.llen("jobs"), r.lindex("jobs", -1), r.lpop("jobs"), r.rpop("jobs", 2),
            r.linsert("jobs", "before", "a", "pre"), r.lset("jobs", 0, "first"),
            r.lrange("jobs", 0, -1), r.lrem("jobs", 0, "a"), r.rpoplpush("jobs", "done"),
            r.lmove("done", "jobs", "LEFT", "RIGHT"), r.blpop(["nothing", "jobs"], timeout=1),
            r.lpos("jobs", "x"), r.ltrim("jobs", 0, 0), r.lrange("jobs", 0, -1),
            r.rpush("long", *range(1000)), r.lrange("long", 500, 503), r.llen("long"),
            r.lpop("missing"), r.lrange("missing", 0, -1)]


def check_sets(srv, r):
    return [r.sadd("tags", "red", "green", "blue"), r.sadd("tags", "red"), r.smembers("tags"),
            r.sismember("tags", "green"), r.smismember("tags", ["red", "nope"]), r.scard("tags"),
            r.srem("tags", "green"), r.sadd("other", "red", "pink"), r.sinter("tags", "other"),
            r.sunion("tags", "other"), r.sdiff("tags", "other"),
            r.sinterstore("both", ["tags", "other"]), r.smembers("both"),
            r.smove("other", "tags", "pink"), sorted(r.sscan_iter("tags")),
            r.sadd("ints", *range(20)), r.smembers("ints") == {str(i).encode() for i in range(20)},
            r.object("encoding", "ints"), r.object("encoding", "tags"),
            r.spop("missing"), r.smembers("missing")]


def check_sorted_sets(srv, r):
    return [r.zadd("board", {"ann": 10, "bob": 2.5, "cid": -1, "dan": 1e20}),
            r.zadd("board", {"bob": 3}, ch=True), r.zadd("board", {"eve": 1}, nx=True),
            r.zrange("board", 0, -1, withscores=True), r.zrevrange("board", 0, 1, withscores=True),
            r.zscore("board", "bob"), r.zscore("board", "nope"), r.zincrby("board", 0.1, "ann"),
            r.zrank("board", "ann"), r.zrevrank("board", "ann"), r.zcard("board"),
            r.zcount("board", 0, 10), r.zrangebyscore("board", "(1", "+inf", withscores=True),
            r.zrangebyscore("board", "-inf", "+inf", start=1, num=2),
            r.zrem("board", "eve"), r.zpopmin("board"), r.zpopmax("board", 2),
            r.zrange("board", 0, -1, withscores=True), sorted(r.zscan_iter("board")),
            r.zadd("lex", {"a": 0, "b": 0, "c": 0}), r.zrangebylex("lex", "[b", "+"),
            r.zrange("board", 0, -1, withscores=True, score_cast_func=str)]


def check_scan_and_keys(srv, r):
    r.mset({"user:%d" % i: i for i in range(300)})
    r.mset({"order:%d" % i: i for i in range(50)})
    r.rpush("user:list", 1)
    return [sorted(r.scan_iter(match="user:*", count=50)), sorted(r.scan_iter("order:1*")),
            len(list(r.scan_iter(count=1000))), sorted(r.scan_iter(_type="list")),
            sorted(r.keys("order:4?")), r.exists(*["user:%d" % i for i in range(10)]),
            r.delete("user:1", "user:2", "nope"), r.rename("order:1", "order:new"),
            r.renamenx("order:2", "order:new"), r.randomkey() is not None, r.dbsize(),
            r.unlink("order:3"), r.touch("order:4", "nope"), r.copy("order:5", "order:copy"),
            r.get("order:copy")]


def check_errors_and_dbs(srv, r):
    out = []
    r.rpush("l", "x")
    for call in (lambda: r.get("l"), lambda: r.incr("l"), lambda: r.hget("l", "f"),
                 lambda: r.execute_command("NOSUCHCMD", "a"), lambda: r.execute_command("GET"),
                 lambda: r.zadd("z", {"m": "nan"}), lambda: r.expire("l", "x")):
        try:
            out.append(("ok", call()))
        except redis.exceptions.RedisError as e:
            out.append((type(e).__name__, str(e)))
    r.set("where", "db0")
    r3 = redis.Redis(host="127.0.0.1", port=srv.port, db=3)
    out += [r3.get("where"), r3.set("where", "db3"), r3.dbsize(), r.get("where"),
            r3.move("where", 5), redis.Redis(unix_socket_path=srv.sock, db=5).get("where")]
    r3.close()
    out += [r.ping(), r.echo("hi"), r.flushdb(), r.dbsize(),
            redis.Redis(host="127.0.0.1", port=srv.port, db=5).dbsize()]
    return out


def check_binary_and_big(srv, r):
    blob = bytes(range(256)) * 4
    big = random.Random(7).randbytes(3 << 20)
    return [r.set(b"bin\x00key", blob), r.get(b"bin\x00key") == blob, r.strlen(b"bin\x00key"),
            r.set("big", big), r.get("big") == big, r.getrange("big", 0, 3) == big[:4],
            r.hset("h", b"\x00", b"\xff\x00"), r.hgetall("h")]


def check_decoded_client(srv, r):
    d = redis.Redis(host="127.0.0.1", port=srv.port, decode_responses=True)
    out = [d.set("name", "Zoë"), d.get("name"), d.hset("h", mapping={"ключ": "значение"}),
           d.hgetall("h"), d.zadd("z", {"ü": 1.5}), d.zrange("z", 0, -1, withscores=True)]
    d.close()
    return out


def check_resp3_raw(srv, r):
    """HELLO 3 over a raw socket; bytes and parsed values of RESP3-typed replies."""
    c = Resp3Conn(srv.port)
    out = []
    raw, hello = c.call("HELLO", "3")
    assert isinstance(hello, Map), hello
    hello = dict(hello)
    out.append(sorted((k, v) for k, v in hello.items() if k != b"id"))
    assert hello[b"proto"] == 3 and hello[b"version"] == b"7.0.15", hello
    for cmd in (("HSET", "h", "a", "1", "b", "2"), ("HGETALL", "h"), ("HGETALL", "missing"),
                ("ZADD", "z", "0.1", "m", "2", "n", "-inf", "o"), ("ZSCORE", "z", "m"),
                ("ZSCORE", "z", "o"), ("ZSCORE", "z", "missing"), ("ZINCRBY", "z", "1", "n"),
                ("ZRANGE", "z", "0", "-1", "WITHSCORES"), ("ZPOPMIN", "z"),
                ("SADD", "s", "3", "1", "2"), ("SMEMBERS", "s"), ("SINTER", "s", "s"),
                ("SMEMBERS", "missing"), ("GET", "missing"), ("HGET", "h", "nope"),
                ("LPOP", "missing"), ("GET", "h"), ("HRANDFIELD", "missing"),
                ("SCAN", "0", "MATCH", "h"), ("HELLO", "2"), ("HGETALL", "h"),
                ("ZSCORE", "z", "n")):
        raw, value = c.call(*cmd)
        if cmd[0] == "HELLO":  # the client id differs between the servers
            raw, value = re.sub(rb"\$2\r\nid\r\n:\d+\r\n", b"", raw), len(value)
        out.append((cmd, raw, value))
    c.close()
    # Literal checks: the RESP3 types really are RESP3 on this server (first reply per command).
    by_cmd = {}
    for cmd, raw, _ in out[1:]:
        by_cmd.setdefault(cmd, raw)
    assert by_cmd[("HGETALL", "h")].startswith(b"%2\r\n"), by_cmd
    assert by_cmd[("ZSCORE", "z", "m")] == b",0.10000000000000001\r\n", by_cmd
    assert by_cmd[("ZSCORE", "z", "o")] == b",-inf\r\n", by_cmd
    assert by_cmd[("SMEMBERS", "s")].startswith(b"~3\r\n"), by_cmd
    assert by_cmd[("GET", "missing")] == b"_\r\n", by_cmd
    assert out[-1][1] == b"$1\r\n3\r\n", out[-1]  # ZSCORE after HELLO 2
    return out


def check_auth(kevy_bin):
    """requirepass: redis-py raises before AUTH, works with password=."""
    out = {}
    for kind, binary in (("kevy", kevy_bin), ("redis", shutil.which("redis-server"))):
        srv = Server(kind, binary, ("--requirepass", "s3cret"))
        try:
            res = []
            try:
                redis.Redis(host="127.0.0.1", port=srv.port).get("k")
                res.append("no error")
            except redis.exceptions.RedisError as e:
                res.append((type(e).__name__, str(e)))
            try:
                redis.Redis(host="127.0.0.1", port=srv.port, password="wrong").get("k")
                res.append("no error")
            except redis.exceptions.RedisError as e:
                res.append((type(e).__name__, str(e)))
            good = redis.Redis(host="127.0.0.1", port=srv.port, password="s3cret")
            res += [good.set("k", "v"), good.get("k")]
            good.close()
            out[kind] = res
        finally:
            status = srv.stop()
        if kind == "kevy" and status != 0:
            raise AssertionError("kevy-server (requirepass) exit status %s" % status)
    return out


CHECKS = [check_strings_and_ttl, check_pipeline, check_hashes, check_lists, check_sets,
          check_sorted_sets, check_scan_and_keys, check_errors_and_dbs, check_binary_and_big,
          check_decoded_client, check_resp3_raw]

# Values that do not depend on the oracle: two equally wrong servers must not pass.
LITERALS = {
    "check_strings_and_ttl": lambda out: out[:3] == [True, b"alice", 100] and out[-5:-3] == [None, 0],
    "check_pipeline": lambda out: out[-5][:3] == [b"0", b"99", b"199"] and out[-2].startswith("ResponseError: WRONGTYPE"),
    "check_hashes": lambda out: out[2] == {b"name": b"Ann", b"age": b"33", b"city": b"Oslo"},
    "check_sorted_sets": lambda out: out[3][0] == (b"cid", -1.0) and out[5] == 3.0,
    "check_errors_and_dbs": lambda out: out[0] == ("ResponseError", "WRONGTYPE Operation against a key holding the wrong kind of value"),
}


def main():
    if len(sys.argv) != 2:
        print("usage: redis_py_test.py /path/to/kevy-server")
        return 2
    kevy_bin = sys.argv[1]
    redis_bin = shutil.which("redis-server")
    if redis_bin is None or b"v=7.0.15 " not in subprocess.run(
            [redis_bin, "--version"], capture_output=True).stdout:
        print("redis-server 7.0.15 is not installed: skipped")
        return SKIP
    print("redis-py", redis.__version__)
    kevy = Server("kevy", kevy_bin)
    oracle = Server("redis", redis_bin)
    failures = 0
    try:
        clients = {s: redis.Redis(host="127.0.0.1", port=s.port) for s in (kevy, oracle)}
        for check in CHECKS:
            results = {}
            for srv, r in clients.items():
                r.flushall()
                try:
                    results[srv.kind] = check(srv, r)
                except Exception as e:  # a check that crashes on one server is a difference
                    results[srv.kind] = "raised %s: %s" % (type(e).__name__, e)
            lit = LITERALS.get(check.__name__)
            try:
                lit_ok = lit is None or lit(results["kevy"])
            except Exception:  # the result has another shape than the literal expects
                lit_ok = False
            raised = [k for k, v in results.items() if isinstance(v, str) and v.startswith("raised")]
            if raised:
                failures += 1
                print("FAIL %s raised on %s: %s" % (check.__name__, ", ".join(raised),
                                                    "; ".join(results[k] for k in raised)))
            elif results["kevy"] != results["redis"]:
                failures += 1
                print("FAIL %s" % check.__name__)
                print("  redis: %r" % (results["redis"],))
                print("  kevy:  %r" % (results["kevy"],))
            elif not lit_ok:
                failures += 1
                print("FAIL %s: literal expectation: %r" % (check.__name__, results["kevy"]))
            else:
                print("ok   %s" % check.__name__, flush=True)
                if os.environ.get("VERBOSE"):
                    print("     %r" % (results["kevy"],))
        auth = check_auth(kevy_bin)
        if auth["kevy"] != auth["redis"] or auth["kevy"][-1] != b"v":
            failures += 1
            print("FAIL check_auth\n  redis: %r\n  kevy:  %r" % (auth["redis"], auth["kevy"]))
        else:
            print("ok   check_auth")
        for r in clients.values():
            r.close()
    finally:
        status = kevy.stop()
        oracle.stop()
    if status != 0:
        print("FAIL kevy-server exit status %s after SIGTERM" % status)
        failures += 1
    print("%d failure(s)" % failures if failures else "all checks equal on kevy-server and redis-server")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
