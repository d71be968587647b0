#!/usr/bin/env python3
"""Regenerates corpus/commands.json: COMMAND INFO + COMMAND DOCS of redis-server 7.0.15 as data.

    python3 corpus/gen_commands.py [--out corpus/commands.json] [--redis-server PATH]

Spawns a redis-server (unix socket, temp dir, no config file), reads every command and
subcommand, and writes one JSON object keyed by lowercase name ("get", "object|encoding"),
sorted, pretty-printed. Per entry: arity, flags, first_key, last_key, key_step,
acl_categories, tips, key_specs (from COMMAND INFO) and summary, since, group, complexity,
doc_flags, deprecated_since, replaced_by, history, arguments (from COMMAND DOCS); containers
list their subcommand names in "subcommands" (each subcommand is its own top-level entry).
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpuslib  # noqa: E402


def to_py(tree):
    """RESP3 tree -> JSON-able Python: maps -> dict, arrays/sets -> list, strings -> str."""
    t, p = tree
    if p is None:
        return None
    if t in "%":
        return {to_py(p[i]): to_py(p[i + 1]) for i in range(0, len(p), 2)}
    if t in "*~":
        return [to_py(x) for x in p]
    if t == ":":
        return int(p)
    if t == "#":
        return p == b"t"
    if t == ",":
        return float(p)
    if t in "-!":
        raise RuntimeError("error reply: %r" % p)
    return p.decode("utf-8", "replace")


def info_entry(info):
    # COMMAND INFO entry: name, arity, flags, first, last, step, acl categories, tips,
    # key specs, subcommands.
    name, arity, flags, first, last, step, acl, tips, key_specs, subs = info[:10]
    entry = {
        "arity": arity,
        "flags": flags,
        "first_key": first,
        "last_key": last,
        "key_step": step,
        "acl_categories": acl,
        "tips": tips,
        "key_specs": key_specs,
    }
    return name.lower(), entry, subs


def docs_fields(doc):
    out = {}
    for k in ("summary", "since", "group", "complexity", "doc_flags", "deprecated_since",
              "replaced_by", "history", "arguments"):
        if k in doc:
            out[k] = doc[k]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                  "commands.json"))
    ap.add_argument("--redis-server", default=None)
    args = ap.parse_args()

    with corpuslib.RedisServer(args.redis_server) as srv:
        version = srv.version()
        c = corpuslib.RespConn(srv.sock)
        c.call("HELLO", "3")
        infos = to_py(corpuslib.parse_reply(c.call("COMMAND", "INFO"))[0])
        docs = to_py(corpuslib.parse_reply(c.call("COMMAND", "DOCS"))[0])
        c.close()

    commands = {}

    def add(info, doc):
        name, entry, subs = info_entry(info)
        entry.update(docs_fields(doc or {}))
        sub_docs = (doc or {}).get("subcommands") or {}
        if subs:
            entry["subcommands"] = sorted(s[0].lower() for s in subs)
        commands[name] = entry
        for s in subs or []:
            add(s, sub_docs.get(s[0]) or sub_docs.get(s[0].lower()))

    for info in infos:
        if info is None:
            continue
        add(info, docs.get(info[0]) or docs.get(info[0].lower()))

    out = {"redis_version": version, "commands": dict(sorted(commands.items()))}
    with open(args.out, "w") as f:
        json.dump(out, f, indent=1, sort_keys=False, ensure_ascii=True)
        f.write("\n")
    print("%s: %d commands (incl. subcommands) from redis-server %s" %
          (args.out, len(commands), version))


if __name__ == "__main__":
    main()
