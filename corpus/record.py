#!/usr/bin/env python3
"""Records case scripts (corpus/scripts/<family>.txt) against a spawned redis-server 7.0.15
into corpus/<family>.corpus (format: corpus/README.md).

    python3 corpus/record.py [FAMILY...]          re-record (all scripts by default)
    python3 corpus/record.py --check [FAMILY...]  re-record into a temp dir and compare with
                                                  the committed .corpus files (exit 1 on any
                                                  difference; <~ / <? compared as the marker
                                                  says, so Redis vs Redis gives none)
    python3 corpus/record.py --lint               no redis needed: every marker agrees with
                                                  the tips in commands.json, every reply line
                                                  is exactly one RESP reply, ids are unique

A case whose script prefixes commands with a connection name (`c2> BLPOP q 0`) is a
multi-connection case: every connection is its own client, and after each command the messages
that arrive on every connection are recorded (corpus/README.md, "Multi-connection cases").

Re-recording keeps the previous bytes of a `<?`/`<~` reply when the new one is equivalent
(same shape / same multiset), so that running it twice gives identical files.
"""

import argparse
import concurrent.futures
import glob
import json
import os
import re
import shutil
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import corpuslib  # noqa: E402
from corpuslib import escape_bytes, join_args, split_args, unescape_bytes  # noqa: E402

SCRIPTS = os.path.join(HERE, "scripts")
COMMANDS_JSON = os.path.join(HERE, "commands.json")
MARKERS = ("<", "<~", "<?")
# A connection prefix in a script (`c2> CMD`) and a connection name in a corpus line.
CONN_PREFIX = re.compile(r"^\s*(c[1-9][0-9]?)>(?=\s|$)")
CONN_NAME = re.compile(r"^c[1-9][0-9]?$")
# Multi-connection recording: after a command, read every connection until no byte arrived
# for SETTLE seconds (after the command's own reply; a command without a reply within
# BLOCK_WINDOW seconds blocks: the case is tagged blocking=waits).
SETTLE = 0.01
BLOCK_WINDOW = 0.15


class ScriptError(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# command metadata


class Commands:
    def __init__(self, path=COMMANDS_JSON):
        with open(path) as f:
            self.cmds = json.load(f)["commands"]

    def entry(self, args):
        """The commands.json entry for argv (the subcommand's for a container), or None."""
        if not args:
            return None
        name = args[0].decode("latin-1").lower()
        e = self.cmds.get(name)
        if e and e.get("subcommands") and len(args) >= 2:
            sub = self.cmds.get(name + "|" + args[1].decode("latin-1").lower())
            if sub:
                return sub
        return e

    def marker(self, args):
        e = self.entry(args)
        tips = e.get("tips", []) if e else []
        if "nondeterministic_output_order" in tips:
            return "<~"
        if "nondeterministic_output" in tips:
            return "<?"
        return "<"

    def since(self, args):
        e = self.entry(args)
        return e.get("since") if e else None


def version_key(v):
    return tuple(int(x) for x in re.findall(r"\d+", v))


# ---------------------------------------------------------------------------------------------
# scripts


class Step:
    """One script line: kind 'cmd' (args), 'sleep' (ms) or 'scan' (args after @scan); conn:
    the connection prefix (`c2> ...`) or None."""

    def __init__(self, kind, args, text, lineno, conn=None):
        self.kind, self.args, self.text, self.lineno = kind, args, text, lineno
        self.conn = conn


class Case:
    def __init__(self, family, title, lineno):
        self.family = family
        self.title = title
        self.lineno = lineno
        self.tags = {}
        self.protos = [2, 3]
        self.steps = []
        self.slug = None
        self.multi = False  # some command has a connection prefix


def conn_key(name):
    """Connections in name order: c1 < c2 < ... < c10."""
    return (len(name), name)


def slugify(text):
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:60].rstrip("-") or "case"


def parse_script(path):
    family = os.path.splitext(os.path.basename(path))[0]
    with open(path, "rb") as f:
        raw_lines = f.read().decode("utf-8", "surrogateescape").split("\n")
    cases = []
    block = []
    for lineno, line in enumerate(raw_lines + [""], 1):
        line = line.rstrip("\r")
        if line.strip() == "":
            if block:
                c = parse_block(family, path, block)
                if c is not None:
                    cases.append(c)
            block = []
        else:
            block.append((lineno, line))
    seen = {}
    for c in cases:
        base = slugify(c.title) if c.title else "case-%d" % c.lineno
        n = seen.get(base, 0) + 1
        seen[base] = n
        c.slug = base if n == 1 else "%s-%d" % (base, n)
    return family, cases


def parse_block(family, path, block):
    case = Case(family, None, block[0][0])
    has_steps = False
    for lineno, line in block:
        where = "%s:%d" % (path, lineno)
        conn = None
        m = CONN_PREFIX.match(line)
        if m:
            conn = m.group(1)
            line = line[m.end():]
            case.multi = True
            if line.strip().startswith("@") or line.strip().startswith("#") or not line.strip():
                raise ScriptError("%s: a connection prefix goes before a command" % where)
        s = line.strip()
        if s.startswith("#"):
            body = s[1:].strip()
            if body.startswith("tags:"):
                for kv in body[5:].split():
                    if "=" not in kv:
                        raise ScriptError("%s: tag without '=': %s" % (where, kv))
                    k, v = kv.split("=", 1)
                    case.tags[k] = v
            elif case.title is None and not has_steps:
                case.title = body
            continue
        if s.startswith("@"):
            words = s.split()
            d = words[0]
            if d == "@proto":
                if has_steps or len(words) != 2 or words[1] not in ("2", "3"):
                    raise ScriptError("%s: '@proto 2|3' goes before the first command" % where)
                case.protos = [int(words[1])]
            elif d == "@sleep":
                if len(words) != 2 or not words[1].isdigit():
                    raise ScriptError("%s: '@sleep MS'" % where)
                case.steps.append(Step("sleep", int(words[1]), s, lineno))
                has_steps = True
            elif d == "@scan":
                try:
                    args = split_args(s[len("@scan"):])
                except corpuslib.SplitError as e:
                    raise ScriptError("%s: %s" % (where, e))
                case.steps.append(Step("scan", args, s, lineno))
                has_steps = True
            else:
                raise ScriptError("%s: unknown directive %s" % (where, d))
            continue
        try:
            args = split_args(line)
        except corpuslib.SplitError as e:
            raise ScriptError("%s: redis-cli would reject this line (%s)" % (where, e))
        if not args:
            raise ScriptError("%s: empty command" % where)
        case.steps.append(Step("cmd", args, line, lineno, conn))
        has_steps = True
    if not has_steps:
        return None  # a block of comments only (file header)
    if case.multi:
        for st in case.steps:
            if st.kind == "scan":
                raise ScriptError("%s:%d: @scan is for single-connection cases" %
                                  (path, st.lineno))
            if st.kind == "cmd" and st.conn is None:
                st.conn = "c1"
    return case


# ---------------------------------------------------------------------------------------------
# recording


def encode_keys(keys):
    return b"*%d\r\n" % len(keys) + b"".join(b"$%d\r\n%s\r\n" % (len(k), k) for k in keys)


def run_scan(conn, opts):
    """SCAN from cursor 0 back to 0; the reply is the array of distinct keys seen, or the
    first page that is an error / not a [cursor, keys] pair."""
    cursor = b"0"
    seen = []
    seen_set = set()
    for _ in range(1000000):
        raw = conn.call(b"SCAN", cursor, *opts)
        tree, _ = corpuslib.parse_reply(raw)
        t, p = tree
        if t != "*" or not p or len(p) != 2 or p[0][0] != "$" or p[1][0] not in "*~":
            return raw
        for k in p[1][1]:
            if k[1] not in seen_set:
                seen_set.add(k[1])
                seen.append(k[1])
        cursor = p[0][1]
        if cursor == b"0":
            return encode_keys(seen)
    raise RuntimeError("SCAN did not finish")


def reset(conn, proto):
    for cmd in (("FLUSHALL",), ("SELECT", "0"), ("HELLO", str(proto))):
        r = conn.call(*cmd)
        if r.startswith(b"-"):
            raise RuntimeError("reset %s failed: %r" % (cmd, r))


class Recorded:
    """One recorded case: id, tags (ordered dict), title, lines [(cmd_text, marker, bytes)]
    where marker is None for @sleep. A multi-connection case (multi=True) has lines
    [(cmd_text, conn, messages)]: conn None for @sleep, messages [(conn, marker, bytes)]."""

    def __init__(self, cid, tags, title, multi=False):
        self.id, self.tags, self.title, self.lines = cid, tags, title, []
        self.multi = multi


# Where the timeout argument of a blocking command is (index into argv; negative from the end).
BLOCKING_TIMEOUT_ARG = {b"blpop": -1, b"brpop": -1, b"brpoplpush": -1, b"blmove": -1,
                        b"bzpopmin": -1, b"bzpopmax": -1, b"blmpop": 1, b"bzmpop": 1}


def reply_window(args):
    """How long to wait for the own reply of a command: BLOCK_WINDOW, or for a blocking
    command with a timeout of at most 2 s, the timeout + 0.35 s (Redis notices a timeout in
    its next event loop turn, at most 1/hz = 100 ms late): its timeout reply is then recorded
    right after it. Scripts give a command that another connection wakes timeout 0."""
    i = BLOCKING_TIMEOUT_ARG.get(args[0].lower()) if args else None
    if i is None or len(args) < 3:
        return BLOCK_WINDOW
    try:
        t = float(args[i])
    except ValueError:
        return BLOCK_WINDOW
    return t + 0.35 if 0 < t <= 2 else BLOCK_WINDOW


ID_ARG = re.compile(rb"^\$id\((c[1-9][0-9]?)\)$")


def uses_ids(case):
    return any(ID_ARG.match(a) for st in case.steps if st.kind == "cmd" for a in st.args)


def open_case_conn(sock, proto, want_id):
    """A new connection of a multi-connection case: HELLO <proto>, SELECT 0 (out of band);
    returns (conn, client id or None)."""
    c = corpuslib.RespConn(sock)
    for cmd in (("HELLO", str(proto)), ("SELECT", "0")):
        r = c.call(*cmd)
        if r.startswith(b"-"):
            raise RuntimeError("connection setup %s failed: %r" % (cmd, r))
    cid = None
    if want_id:
        r = c.call("CLIENT", "ID")
        if not r.startswith(b":"):
            raise RuntimeError("CLIENT ID failed: %r" % r)
        cid = r[1:-2]
    return c, cid


def record_multi(sock, case, rec, proto, commands):
    """Records a multi-connection case on fresh connections (opened at first use)."""
    reader = corpuslib.MessageReader()
    ids = {}
    want_ids = uses_ids(case)
    blocked = False
    try:
        for s in case.steps:
            if s.kind == "sleep":
                time.sleep(s.args / 1000.0)
                got, _ = reader.collect(None, SETTLE, SETTLE)
                own, text, marker = None, "@sleep %d" % s.args, None
            else:
                # The connection, and those named by $id(cN), open now if they are new.
                for name in [s.conn] + [ID_ARG.match(a).group(1).decode()
                                        for a in s.args if ID_ARG.match(a)]:
                    if name not in reader.conns:
                        c, ids[name] = open_case_conn(sock, proto, want_ids)
                        reader.add(name, c)
                args = [ids[ID_ARG.match(a).group(1).decode()] if ID_ARG.match(a) else a
                        for a in s.args]
                reader.conns[s.conn].send(args)
                got, replied = reader.collect(s.conn, reply_window(s.args), SETTLE)
                blocked = blocked or not replied
                own, text, marker = s.conn, join_args(s.args), commands.marker(s.args)
            msgs = []
            for name in sorted(got, key=conn_key):
                for m in got[name]:
                    msgs.append((name, marker if name == own else "<", m))
            rec.lines.append((text, own, msgs))
    finally:
        for c in reader.conns.values():
            c.close()
    rec.tags["clients"] = str(len(reader.conns))
    if blocked:
        rec.tags["blocking"] = "waits"
    return rec


def record_case(conn, case, proto, commands):
    since = case.tags.get("since")
    if since is None:
        versions = [commands.since(s.args) for s in case.steps if s.kind == "cmd"]
        versions += ["2.8.0" for s in case.steps if s.kind == "scan"]
        versions = [v for v in versions if v]
        since = max(versions, key=version_key) if versions else "1.0.0"
    tags = {"family": case.family, "since": since, "proto": str(proto)}
    rec = Recorded("%s/%s/resp%d" % (case.family, case.slug, proto), tags, case.title,
                   case.multi)
    reset(conn, proto)
    if case.multi:
        # clients= and blocking= are computed; the script's own tags win.
        record_multi(conn.address, case, rec, proto, commands)
        extra = {k: rec.tags.pop(k) for k in ("clients", "blocking") if k in rec.tags}
        extra.update(case.tags)
        for k in sorted(extra):
            if k not in tags:
                tags[k] = extra[k]
        return rec
    for k in sorted(case.tags):
        if k not in tags:
            tags[k] = case.tags[k]
    for s in case.steps:
        if s.kind == "sleep":
            time.sleep(s.args / 1000.0)
            rec.lines.append(("@sleep %d" % s.args, None, None))
        elif s.kind == "scan":
            reply = run_scan(conn, s.args)
            text = "@scan" + ("" if not s.args else " " + join_args(s.args))
            rec.lines.append((text, "<~", reply))
        else:
            conn.send(s.args)
            reply = conn.read_reply()
            rec.lines.append((join_args(s.args), commands.marker(s.args), reply))
    return rec


def record_family(srv_sock, script, commands):
    family, cases = parse_script(script)
    conn = corpuslib.RespConn(srv_sock)
    out = []
    try:
        for case in cases:
            for proto in case.protos:
                out.append(record_case(conn, case, proto, commands))
    finally:
        conn.close()
    return family, out


# ---------------------------------------------------------------------------------------------
# corpus files


def write_corpus(path, family, recs, version, old=None):
    old = old or {}
    lines = [
        "# %s.corpus: recorded from redis-server %s by corpus/record.py from scripts/%s.txt."
        % (family, version, family),
        "# Do not edit by hand: change the script and re-record. Format: corpus/README.md.",
    ]
    for rec in recs:
        prev = old.get(rec.id)
        lines.append("")
        if rec.title:
            lines.append("# " + rec.title)
        lines.append("=== " + rec.id)
        lines.append("tags: " + " ".join("%s=%s" % kv for kv in rec.tags.items()))
        if rec.multi:
            lines.extend(multi_lines(rec, prev))
            continue
        for i, (text, marker, reply) in enumerate(rec.lines):
            lines.append("> " + text)
            if marker is None:
                continue
            if (prev is not None and i < len(prev.lines) and prev.lines[i][0] == text
                    and prev.lines[i][1] == marker and marker != "<"
                    and corpuslib.replies_equivalent(marker, prev.lines[i][2], reply)):
                reply = prev.lines[i][2]  # keep the committed bytes: stable files
            lines.append(marker + " " + escape_bytes(reply))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def multi_lines(rec, prev):
    """The corpus lines of a multi-connection case: `>c2 CMD` (or `> @sleep MS`), then one
    `<c1 ...` line per message (marker + connection). Equivalent `<~`/`<?` messages keep the
    bytes of `prev`."""
    out = []
    for i, (text, own, msgs) in enumerate(rec.lines):
        out.append((">%s " % own if own else "> ") + text)
        old = None
        if (prev is not None and prev.multi and i < len(prev.lines)
                and prev.lines[i][:2] == (text, own)):
            old = prev.lines[i][2]
        for j, (name, marker, data) in enumerate(msgs):
            if (old is not None and j < len(old) and old[j][:2] == (name, marker)
                    and marker != "<" and corpuslib.replies_equivalent(marker, old[j][2], data)):
                data = old[j][2]
            out.append("%s%s %s" % (marker, name, escape_bytes(data)))
    return out


MULTI_CMD = re.compile(r"^>(c[1-9][0-9]?) (.*)$")
MULTI_MSG = re.compile(r"^(<[~?]?)(c[1-9][0-9]?) (.*)$")


def finish_multi(cur, entries, where):
    """Builds cur.lines of a multi-connection case from its parsed entries."""
    cur.multi = True
    for e in entries:
        if e[0] == "cmd":
            cur.lines.append((e[2], e[1], []))
        elif not cur.lines:
            raise ScriptError("%s: a message before the first command of %s" % (where, cur.id))
        elif e[1] is None:
            raise ScriptError("%s: %s: a reply line without a connection in a "
                              "multi-connection case" % (where, cur.id))
        else:
            cur.lines[-1][2].append((e[1], e[2], e[3]))


def read_corpus(path):
    """{id: Recorded} in file order (dicts keep insertion order)."""
    cases = {}
    cur = None
    pending = None
    entries = []  # of the current case: ("cmd", conn, text) / ("msg", conn, marker, bytes)

    def finish():
        if cur is not None and any(e[0] == "cmd" and e[1] for e in entries):
            cur.lines = []
            finish_multi(cur, entries, path)
        entries.clear()

    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            m = MULTI_CMD.match(line) or MULTI_MSG.match(line)
            if m and cur is not None:
                if line.startswith(">"):
                    if pending is not None:
                        cur.lines.append((pending, None, None))
                        pending = None
                    entries.append(("cmd", m.group(1), m.group(2)))
                else:
                    entries.append(("msg", m.group(2), m.group(1), unescape_bytes(m.group(3))))
                continue
            if line.startswith("=== "):
                finish()
                if pending is not None:
                    cur.lines.append((pending, None, None))
                    pending = None
                cur = Recorded(line[4:].strip(), {}, None)
                if cur.id in cases:
                    raise ScriptError("%s:%d: duplicate case id %s" % (path, n, cur.id))
                cases[cur.id] = cur
                continue
            if cur is None:
                raise ScriptError("%s:%d: line outside a case" % (path, n))
            if line.startswith("tags: ") or line == "tags:":
                for kv in line[5:].split():
                    k, v = kv.split("=", 1)
                    cur.tags[k] = v
            elif line.startswith("> "):
                if pending is not None:
                    cur.lines.append((pending, None, None))
                pending = line[2:]
                entries.append(("cmd", None, line[2:]))
            elif line.split(" ", 1)[0] in MARKERS:
                marker, text = line.split(" ", 1)
                if pending is None and not entries:
                    raise ScriptError("%s:%d: reply without a command" % (path, n))
                if pending is not None:
                    cur.lines.append((pending, marker, unescape_bytes(text)))
                pending = None
                entries.append(("msg", None, marker, unescape_bytes(text)))
            else:
                raise ScriptError("%s:%d: unexpected line %r" % (path, n, line[:40]))
    if pending is not None:
        cur.lines.append((pending, None, None))
    finish()
    return cases


# ---------------------------------------------------------------------------------------------
# modes


def script_paths(families):
    if families:
        return [os.path.join(SCRIPTS, f + ".txt") for f in families]
    return sorted(glob.glob(os.path.join(SCRIPTS, "*.txt")))


def has_multi(script):
    return any(c.multi for c in parse_script(script)[1])


def record_multi_family(script, commands):
    """A family with multi-connection cases, on its own redis-server (they wait for settling
    traffic, so these families are recorded in parallel threads)."""
    with corpuslib.RedisServer() as srv:
        return record_family(srv.sock, script, commands)


def do_record(out_dir, families, keep_old, commands, quiet=False):
    total = {}
    scripts = script_paths(families)
    with corpuslib.RedisServer() as srv:
        version = srv.version()
        if version != "7.0.15" and not os.environ.get("KEVY_CORPUS_ANY_VERSION"):
            raise SystemExit("redis-server %s: the corpus is recorded from 7.0.15 "
                             "(KEVY_CORPUS_ANY_VERSION=1 to override)" % version)
        multi = [s for s in scripts if has_multi(s)]
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=max(1, len(multi)))
        futures = {s: pool.submit(record_multi_family, s, commands) for s in multi}
        for script in scripts:
            if script in futures:
                family, recs = futures[script].result()
            else:
                family, recs = record_family(srv.sock, script, commands)
            path = os.path.join(out_dir, family + ".corpus")
            old = read_corpus(path) if keep_old and os.path.exists(path) else None
            write_corpus(path, family, recs, version, old)
            ncmd = sum(1 for r in recs for l in r.lines if l[1] is not None)
            total[family] = (len(recs), ncmd)
            if not quiet:
                ncases = len({r.id.rsplit("/", 1)[0] for r in recs})
                print("%-12s %3d cases (%3d recordings, %4d replies) -> %s" %
                      (family, ncases, len(recs), ncmd, os.path.relpath(path)))
    return total


def do_check(families, commands):
    diffs = []
    with tempfile.TemporaryDirectory(prefix="kevy-corpus-check-") as tmp:
        do_record(tmp, families, False, commands, quiet=True)
        for script in script_paths(families):
            family = os.path.splitext(os.path.basename(script))[0]
            committed_path = os.path.join(HERE, family + ".corpus")
            if not os.path.exists(committed_path):
                diffs.append("%s: missing (run record.py)" % committed_path)
                continue
            fresh = read_corpus(os.path.join(tmp, family + ".corpus"))
            committed = read_corpus(committed_path)
            for cid in committed.keys() - fresh.keys():
                diffs.append("%s: case no longer in the script" % cid)
            for cid, rec in fresh.items():
                old = committed.get(cid)
                if old is None:
                    diffs.append("%s: case not recorded in %s" % (cid, committed_path))
                    continue
                if old.tags != rec.tags:
                    diffs.append("%s: tags %s != %s" % (cid, old.tags, rec.tags))
                if old.multi or rec.multi:
                    diffs.extend(multi_diffs(cid, old, rec))
                    continue
                if len(old.lines) != len(rec.lines):
                    diffs.append("%s: %d lines recorded, script has %d" %
                                 (cid, len(old.lines), len(rec.lines)))
                for a, b in zip(old.lines, rec.lines):
                    if a[0] != b[0] or a[1] != b[1]:
                        diffs.append("%s: > %s %s  vs  > %s %s" % (cid, a[0], a[1], b[0], b[1]))
                        break
                    if a[1] and not corpuslib.replies_equivalent(a[1], a[2], b[2]):
                        diffs.append("%s: > %s\n    committed: %s\n    redis now: %s" %
                                     (cid, a[0], escape_bytes(a[2]), escape_bytes(b[2])))
    for d in diffs:
        print("DIFF " + d)
    n = len(glob.glob(os.path.join(HERE, "*.corpus"))) if not families else len(families)
    print("record.py --check: %d corpus files, %d differences" % (n, len(diffs)))
    return 1 if diffs else 0


def multi_diffs(cid, old, rec):
    """Differences between two recordings of a multi-connection case (at most one)."""
    if old.multi != rec.multi or len(old.lines) != len(rec.lines):
        return ["%s: %d steps recorded, script has %d" % (cid, len(old.lines), len(rec.lines))]
    for a, b in zip(old.lines, rec.lines):
        if a[:2] != b[:2]:
            return ["%s: >%s %s  vs  >%s %s" % (cid, a[1], a[0], b[1], b[0])]
        ka = [(m[0], m[1]) for m in a[2]]
        kb = [(m[0], m[1]) for m in b[2]]
        same = ka == kb and all(corpuslib.replies_equivalent(x[1], x[2], y[2])
                                for x, y in zip(a[2], b[2]))
        if not same:
            fmt = lambda ms: " ".join("%s%s %s" % (m[1], m[0], escape_bytes(m[2])) for m in ms)
            return ["%s: >%s %s\n    committed: %s\n    redis now: %s" %
                    (cid, a[1], a[0], fmt(a[2]) or "(no message)", fmt(b[2]) or "(no message)")]
    return []


def lint_multi(cid, rec, commands, problems):
    """Markers of a multi-connection case: a command's own connection gets the command's
    marker, every other message (other connections, after @sleep) `<`. Returns the number of
    messages."""
    n = 0
    for text, own, msgs in rec.lines:
        if own is None:
            if not text.startswith("@sleep"):
                problems.append("%s: > %s: only @sleep goes without a connection" % (cid, text))
            want_own = "<"
        else:
            try:
                want_own = commands.marker(split_args(text))
            except corpuslib.SplitError as e:
                problems.append("%s: >%s %s: %s" % (cid, own, text, e))
                continue
        for name, marker, reply in msgs:
            n += 1
            want = want_own if name == own else "<"
            if marker != want:
                problems.append("%s: >%s %s: message on %s has %s, the rule says %s" %
                                (cid, own, text, name, marker, want))
            try:
                _, end = corpuslib.parse_reply(reply)
                if end != len(reply):
                    raise ValueError("trailing bytes")
            except (ValueError, IndexError) as e:
                problems.append("%s: >%s %s: message is not one RESP reply (%s)" %
                                (cid, own, text, e))
    if rec.tags.get("clients") is None:
        problems.append("%s: a multi-connection case without a clients= tag" % cid)
    return n


def do_lint(commands, paths):
    problems = []
    ncases = nreplies = 0
    for path in paths:
        for cid, rec in read_corpus(path).items():
            ncases += 1
            fam = os.path.splitext(os.path.basename(path))[0]
            if rec.tags.get("family") != fam or not cid.startswith(fam + "/"):
                problems.append("%s: family tag/id does not match the file %s" % (cid, path))
            if rec.tags.get("proto") not in ("2", "3") or not cid.endswith(
                    "/resp" + rec.tags.get("proto", "?")):
                problems.append("%s: proto tag missing or not matching the id" % cid)
            if rec.multi:
                nreplies += lint_multi(cid, rec, commands, problems)
                continue
            for text, marker, reply in rec.lines:
                if text.startswith("@sleep"):
                    if marker is not None:
                        problems.append("%s: @sleep has a reply" % cid)
                    continue
                if marker is None:
                    problems.append("%s: > %s has no reply line" % (cid, text))
                    continue
                nreplies += 1
                if text.startswith("@scan"):
                    want = "<~"
                else:
                    try:
                        want = commands.marker(split_args(text))
                    except corpuslib.SplitError as e:
                        problems.append("%s: > %s: %s" % (cid, text, e))
                        continue
                if marker != want:
                    problems.append("%s: > %s has %s but the tips in commands.json say %s" %
                                    (cid, text, marker, want))
                try:
                    _, end = corpuslib.parse_reply(reply)
                    if end != len(reply):
                        raise ValueError("trailing bytes")
                except (ValueError, IndexError) as e:
                    problems.append("%s: > %s: reply is not one RESP reply (%s)" %
                                    (cid, text, e))
    for p in problems:
        print("LINT " + p)
    print("record.py --lint: %d files, %d cases, %d replies, %d problems" %
          (len(paths), ncases, nreplies, len(problems)))
    return 1 if problems else 0


def main():
    ap = argparse.ArgumentParser(description="Record corpus/scripts/*.txt from redis-server.")
    ap.add_argument("families", nargs="*", help="script names (default: all)")
    ap.add_argument("--check", action="store_true", help="compare with the committed files")
    ap.add_argument("--lint", action="store_true", help="check markers against tips (no redis)")
    ap.add_argument("--out-dir", default=HERE)
    a = ap.parse_args()
    commands = Commands()
    try:
        if a.lint:
            paths = ([os.path.join(HERE, f + ".corpus") for f in a.families] if a.families
                     else sorted(glob.glob(os.path.join(HERE, "*.corpus"))))
            return do_lint(commands, paths)
        if a.check:
            if not (os.environ.get("KEVY_REDIS_SERVER") or shutil.which("redis-server")):
                print("record.py --check: redis-server not found: skipped")
                return 77
            return do_check(a.families, commands)
        do_record(a.out_dir, a.families, True, commands)
        return 0
    except ScriptError as e:
        print("error: %s" % e, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
