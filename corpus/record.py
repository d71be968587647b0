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

Re-recording keeps the previous bytes of a `<?`/`<~` reply when the new one is equivalent
(same shape / same multiset), so that running it twice gives identical files.
"""

import argparse
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
    """One script line: kind 'cmd' (args), 'sleep' (ms) or 'scan' (args after @scan)."""

    def __init__(self, kind, args, text, lineno):
        self.kind, self.args, self.text, self.lineno = kind, args, text, lineno


class Case:
    def __init__(self, family, title, lineno):
        self.family = family
        self.title = title
        self.lineno = lineno
        self.tags = {}
        self.protos = [2, 3]
        self.steps = []
        self.slug = None


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
        case.steps.append(Step("cmd", args, line, lineno))
        has_steps = True
    if not has_steps:
        return None  # a block of comments only (file header)
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
    where marker is None for @sleep."""

    def __init__(self, cid, tags, title):
        self.id, self.tags, self.title, self.lines = cid, tags, title, []


def record_case(conn, case, proto, commands):
    since = case.tags.get("since")
    if since is None:
        versions = [commands.since(s.args) for s in case.steps if s.kind == "cmd"]
        versions += ["2.8.0" for s in case.steps if s.kind == "scan"]
        versions = [v for v in versions if v]
        since = max(versions, key=version_key) if versions else "1.0.0"
    tags = {"family": case.family, "since": since, "proto": str(proto)}
    for k in sorted(case.tags):
        if k not in tags:
            tags[k] = case.tags[k]
    rec = Recorded("%s/%s/resp%d" % (case.family, case.slug, proto), tags, case.title)
    reset(conn, proto)
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


def read_corpus(path):
    """{id: Recorded} in file order (dicts keep insertion order)."""
    cases = {}
    cur = None
    pending = None
    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if line.startswith("=== "):
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
            elif line.split(" ", 1)[0] in MARKERS:
                marker, text = line.split(" ", 1)
                if pending is None:
                    raise ScriptError("%s:%d: reply without a command" % (path, n))
                cur.lines.append((pending, marker, unescape_bytes(text)))
                pending = None
            else:
                raise ScriptError("%s:%d: unexpected line %r" % (path, n, line[:40]))
    if pending is not None:
        cur.lines.append((pending, None, None))
    return cases


# ---------------------------------------------------------------------------------------------
# modes


def script_paths(families):
    if families:
        return [os.path.join(SCRIPTS, f + ".txt") for f in families]
    return sorted(glob.glob(os.path.join(SCRIPTS, "*.txt")))


def do_record(out_dir, families, keep_old, commands, quiet=False):
    total = {}
    with corpuslib.RedisServer() as srv:
        version = srv.version()
        if version != "7.0.15" and not os.environ.get("KEVY_CORPUS_ANY_VERSION"):
            raise SystemExit("redis-server %s: the corpus is recorded from 7.0.15 "
                             "(KEVY_CORPUS_ANY_VERSION=1 to override)" % version)
        for script in script_paths(families):
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
