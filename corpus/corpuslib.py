"""Shared pieces of the corpus tools (record.py, gen_commands.py, monitor_record.py).

- split_args / quote_arg: redis-cli's line splitting (sdssplitargs rules) and its inverse.
- escape_bytes / unescape_bytes: the escaping of `<` reply lines in .corpus files.
- RespConn: a raw RESP connection that returns the exact bytes of one complete reply.
- parse_reply: the raw bytes of one reply as a Python tree (for shape / multiset checks).
- RedisServer: spawns redis-server 7.0.15 on a unix socket in a temp dir, stops it by PID.
- reply_length / MessageReader: where one complete reply ends in a buffer (None while it is
  incomplete), and the connections of a multi-connection case read as they arrive.

Python 3 standard library only.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time

# ---------------------------------------------------------------------------------------------
# redis-cli line splitting

_HEX = "0123456789abcdefABCDEF"
_ISSPACE = " \t\n\v\f\r"


class SplitError(ValueError):
    pass


def split_args(line):
    """Split `line` (str or bytes) like redis-cli does. Returns a list of bytes.

    Raises SplitError where redis-cli says "Invalid argument(s)" (unbalanced quotes, a
    closing quote not followed by a blank or the end of the line)."""
    if isinstance(line, str):
        line = line.encode("utf-8", "surrogateescape")
    nul = line.find(b"\0")
    if nul >= 0:  # redis-cli reads a C string
        line = line[:nul]
    s = line.decode("latin-1")
    n = len(s)
    i = 0
    out = []
    while True:
        while i < n and s[i] in _ISSPACE:
            i += 1
        if i >= n:
            return out
        cur = []
        inq = insq = False
        while True:
            c = s[i] if i < n else None
            if inq:
                if c is None:
                    raise SplitError("unbalanced quotes")
                if (c == "\\" and i + 3 < n and s[i + 1] == "x" and s[i + 2] in _HEX
                        and s[i + 3] in _HEX):
                    cur.append(chr(int(s[i + 2:i + 4], 16)))
                    i += 3
                elif c == "\\" and i + 1 < n:
                    i += 1
                    e = s[i]
                    cur.append({"n": "\n", "r": "\r", "t": "\t", "b": "\b",
                                "a": "\a"}.get(e, e))
                elif c == '"':
                    if i + 1 < n and s[i + 1] not in _ISSPACE:
                        raise SplitError("closing quote must be followed by a space")
                    i += 1
                    break
                else:
                    cur.append(c)
            elif insq:
                if c is None:
                    raise SplitError("unbalanced quotes")
                if c == "\\" and i + 1 < n and s[i + 1] == "'":
                    i += 1
                    cur.append("'")
                elif c == "'":
                    if i + 1 < n and s[i + 1] not in _ISSPACE:
                        raise SplitError("closing quote must be followed by a space")
                    i += 1
                    break
                else:
                    cur.append(c)
            else:
                if c is None or c in " \n\r\t":
                    break
                if c == '"':
                    inq = True
                elif c == "'":
                    insq = True
                else:
                    cur.append(c)
            i += 1
        out.append("".join(cur).encode("latin-1"))


_PLAIN = set(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
             b"!$%&()*+,-./:;<=>?@[]^_`{|}~")


def quote_arg(arg, first=False):
    """One argument (bytes) in redis-cli quoting: bare when that is unambiguous, else "..."
    with \\" \\\\ \\n \\r \\t \\a \\b \\xHH. `first` quotes a leading '#' or '@' (comment and
    directive lines in scripts)."""
    if isinstance(arg, str):
        arg = arg.encode("utf-8", "surrogateescape")
    if arg and all(b in _PLAIN for b in arg) and not (first and arg[:1] in (b"@", b"#")):
        return arg.decode("ascii")
    out = ['"']
    for b in arg:
        ch = chr(b)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\a":
            out.append("\\a")
        elif ch == "\b":
            out.append("\\b")
        elif 0x20 <= b < 0x7F:
            out.append(ch)
        else:
            out.append("\\x%02x" % b)
    out.append('"')
    return "".join(out)


def join_args(args):
    return " ".join(quote_arg(a, first=(i == 0)) for i, a in enumerate(args))


# ---------------------------------------------------------------------------------------------
# reply escaping in .corpus files


def escape_bytes(data):
    """Reply bytes -> one printable ASCII line: \\r \\n \\t \\\\ and \\xHH for every byte
    outside printable ASCII; everything else literal ('"' too)."""
    out = []
    for b in data:
        if b == 0x0D:
            out.append("\\r")
        elif b == 0x0A:
            out.append("\\n")
        elif b == 0x09:
            out.append("\\t")
        elif b == 0x5C:
            out.append("\\\\")
        elif 0x20 <= b < 0x7F:
            out.append(chr(b))
        else:
            out.append("\\x%02x" % b)
    return "".join(out)


def unescape_bytes(text):
    out = bytearray()
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n:
            e = text[i + 1]
            if e == "x":
                out.append(int(text[i + 2:i + 4], 16))
                i += 4
                continue
            out.extend({"r": b"\r", "n": b"\n", "t": b"\t", "\\": b"\\",
                        '"': b'"'}[e])
            i += 2
            continue
        out.append(ord(c))
        i += 1
    return bytes(out)


# ---------------------------------------------------------------------------------------------
# RESP


class RespConn:
    """A raw RESP connection. send(args) writes a multibulk request; read_reply() returns the
    exact bytes of one complete reply (an attribute `|` is kept with the reply it precedes)."""

    def __init__(self, address, timeout=30.0):
        self.address = address
        if isinstance(address, str) and (address.startswith("/") or address.startswith(".")):
            self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self.sock.connect(address)
        else:
            host, port = address.rsplit(":", 1) if isinstance(address, str) else address
            self.sock = socket.create_connection((host, int(port)))
        self.sock.settimeout(timeout)
        self.buf = bytearray()
        self.pos = 0

    def close(self):
        self.sock.close()

    def send(self, args):
        parts = [b"*%d\r\n" % len(args)]
        for a in args:
            if isinstance(a, str):
                a = a.encode()
            parts.append(b"$%d\r\n%s\r\n" % (len(a), a))
        self.sock.sendall(b"".join(parts))

    def _fill(self):
        chunk = self.sock.recv(1 << 16)
        if not chunk:
            raise ConnectionError("connection closed by the server")
        self.buf += chunk

    def _line(self):
        while True:
            j = self.buf.find(b"\r\n", self.pos)
            if j >= 0:
                line = bytes(self.buf[self.pos:j])
                self.pos = j + 2
                return line
            self._fill()

    def _exact(self, n):
        while len(self.buf) - self.pos < n:
            self._fill()
        data = bytes(self.buf[self.pos:self.pos + n])
        self.pos += n
        return data

    def _skip_one(self):
        line = self._line()
        t = line[:1]
        if t in (b"$", b"=", b"!"):
            n = int(line[1:])
            if n >= 0:
                self._exact(n + 2)
        elif t in (b"*", b"~", b">"):
            n = int(line[1:])
            for _ in range(max(n, 0)):
                self._skip_one()
        elif t in (b"%", b"|"):
            n = int(line[1:])
            for _ in range(2 * n):
                self._skip_one()
            if t == b"|":  # an attribute precedes the real reply
                self._skip_one()
        elif t in (b"+", b"-", b":", b"_", b",", b"#", b"("):
            pass
        else:
            raise ValueError("bad RESP type byte in %r" % line[:40])

    def read_reply(self):
        start = self.pos
        self._skip_one()
        data = bytes(self.buf[start:self.pos])
        del self.buf[:self.pos]
        self.pos = 0
        return data

    def call(self, *args):
        self.send(list(args))
        return self.read_reply()


def parse_reply(data, pos=0):
    """(tree, next_pos). tree = (type_char, payload): payload is bytes for simple types and
    bulk strings (None for nulls), a list of trees for aggregates (maps flattened)."""
    j = data.index(b"\r\n", pos)
    line = data[pos:j]
    t = chr(line[0])
    rest = line[1:]
    pos = j + 2
    if t in "$=!":
        n = int(rest)
        if n < 0:
            return (t, None), pos
        return (t, data[pos:pos + n]), pos + n + 2
    if t in "*~>%|":
        n = int(rest)
        if n < 0:
            return (t, None), pos
        items = []
        for _ in range(2 * n if t in "%|" else n):
            item, pos = parse_reply(data, pos)
            items.append(item)
        if t == "|":
            real, pos = parse_reply(data, pos)
            return ("|", items + [real]), pos
        return (t, items), pos
    return (t, rest), pos


def shape(tree):
    """Type bytes, nulls and aggregate lengths, recursively; errors keep their text."""
    t, p = tree
    if p is None:
        return (t, None)
    if t in "-!":
        return (t, p)
    if isinstance(p, list):
        return (t, tuple(shape(x) for x in p))
    return (t,)


def multiset_key(tree):
    """A canonical form where the elements of every aggregate are compared as a multiset
    (map entries as pairs)."""
    t, p = tree
    if not isinstance(p, list):
        return (t, p)
    if t in "%|":
        pairs = [(multiset_key(p[i]), multiset_key(p[i + 1])) for i in range(0, len(p) - 1, 2)]
        return (t, tuple(sorted(pairs, key=repr)))
    return (t, tuple(sorted((multiset_key(x) for x in p), key=repr)))


def replies_equivalent(marker, a, b):
    if a == b:
        return True
    if marker == "<":
        return False
    ta, _ = parse_reply(a)
    tb, _ = parse_reply(b)
    if marker == "<~":
        return multiset_key(ta) == multiset_key(tb)
    if marker == "<?":
        return shape(ta) == shape(tb)
    return False


def reply_length(data, pos=0):
    """The length of the one complete RESP reply at data[pos:] (an attribute `|` counts with
    the reply it precedes), or None while it is incomplete. ValueError on a bad type byte."""
    end = _reply_end(data, pos)
    return None if end is None else end - pos


def _reply_end(data, pos):
    j = data.find(b"\r\n", pos)
    if j < 0:
        return None
    t = data[pos:pos + 1]
    nxt = j + 2
    if t in (b"$", b"=", b"!"):
        n = int(data[pos + 1:j])
        if n < 0:
            return nxt
        return nxt + n + 2 if len(data) >= nxt + n + 2 else None
    if t in (b"*", b"~", b">", b"%", b"|"):
        n = int(data[pos + 1:j])
        count = max(n, 0) * (2 if t in (b"%", b"|") else 1) + (1 if t == b"|" else 0)
        for _ in range(count):
            nxt = _reply_end(data, nxt)
            if nxt is None:
                return None
        return nxt
    if t in (b"+", b"-", b":", b"_", b",", b"#", b"("):
        return nxt
    raise ValueError("bad RESP type byte in %r" % bytes(data[pos:pos + 40]))


class MessageReader:
    """The connections of a multi-connection case, read together: every complete RESP
    message that arrives is appended, in arrival order, to the list of the connection that
    received it. Connections are RespConn objects (their buffers are used; they must have no
    partly-read reply)."""

    def __init__(self):
        self.conns = {}  # name -> RespConn

    def add(self, name, conn):
        self.conns[name] = conn

    def _take(self, conn, out):
        while True:
            n = reply_length(conn.buf, 0)
            if n is None:
                return
            out.append(bytes(conn.buf[:n]))
            del conn.buf[:n]

    def collect(self, own=None, block_window=0.15, settle=0.02):
        """Reads until the traffic settles: no new bytes for `settle` seconds, after a first
        message on connection `own` (its reply) or, when none comes, `block_window` seconds
        (a command that blocks). Returns ({name: [messages]}, own_replied)."""
        import select
        got = {name: [] for name in self.conns}
        for name, c in self.conns.items():
            self._take(c, got[name])
        start = last = time.monotonic()
        while True:
            now = time.monotonic()
            replied = own is None or bool(got.get(own))
            if replied:
                wait = last + settle - now
            else:
                wait = max(start + block_window, last + settle) - now
            if wait <= 0:
                break
            socks = {c.sock: name for name, c in self.conns.items()}
            ready, _, _ = select.select(list(socks), [], [], wait)
            for s in ready:
                c = self.conns[socks[s]]
                c._fill()
                self._take(c, got[socks[s]])
                last = time.monotonic()
        for name, c in self.conns.items():
            if c.buf:
                raise RuntimeError("%s: incomplete message after settling: %r" %
                                   (name, bytes(c.buf[:80])))
        return got, own is None or bool(got.get(own))


# ---------------------------------------------------------------------------------------------
# redis-server


class RedisServer:
    """redis-server 7.0.15 on a unix socket in its own temp dir, no config file; stopped by
    PID (SIGTERM, then SIGKILL)."""

    def __init__(self, binary=None):
        self.binary = binary or os.environ.get("KEVY_REDIS_SERVER") or shutil.which(
            "redis-server")
        if not self.binary:
            raise RuntimeError("redis-server not found (PATH or $KEVY_REDIS_SERVER)")
        self.dir = tempfile.mkdtemp(prefix="kevy-corpus-")
        self.sock = os.path.join(self.dir, "r.sock")
        self.proc = subprocess.Popen(
            [self.binary, "--port", "0", "--unixsocket", self.sock, "--save", "",
             "--appendonly", "no", "--enable-debug-command", "yes", "--dir", self.dir],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 10
        while True:
            try:
                c = RespConn(self.sock)
                if c.call("PING") == b"+PONG\r\n":
                    c.close()
                    break
                c.close()
            except (FileNotFoundError, ConnectionRefusedError, ConnectionError):
                pass
            if time.time() > deadline or self.proc.poll() is not None:
                self.stop()
                raise RuntimeError("redis-server did not start")
            time.sleep(0.02)

    def version(self):
        c = RespConn(self.sock)
        info = c.call("INFO", "server").decode("latin-1")
        c.close()
        for line in info.split("\r\n"):
            if line.startswith("redis_version:"):
                return line.split(":", 1)[1]
        return "?"

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
