#!/usr/bin/env python3
"""Generates engine/src/commands/command_metadata_data.cc from corpus/commands.json.

    python3 corpus/gen_command_metadata.py            rewrite the generated file
    python3 corpus/gen_command_metadata.py --check    exit 1 when the file is not what
                                                      commands.json gives (ctest-friendly)

The engine cannot read commands.json at run time, so this turns it into constant C++ data
(types in engine/src/commands/command_metadata.h): per command and subcommand, everything
COMMAND INFO and COMMAND DOCS of redis-server 7.0.15 print: arity, flags, key positions, ACL
categories, tips, key specs, and the docs (summary, since, group, complexity, doc flags,
deprecation, history, the argument tree). Every command of commands.json is emitted, not only
the ones kevy implements: kevy's CommandTable decides what COMMAND shows, and a command added
later finds its metadata already there. Lists of names (flags, ACL categories, tips, key-spec
and argument flags) are kept as one space-separated string each, in Redis's reply order.

Only the Python 3 standard library is used.
"""

import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
COMMANDS_JSON = os.path.join(HERE, "commands.json")
OUT = os.path.join(ROOT, "engine", "src", "commands", "command_metadata_data.cc")

ENTRY_KEYS = ("arity", "flags", "first_key", "last_key", "key_step", "acl_categories", "tips",
              "key_specs", "summary", "since", "group", "complexity", "doc_flags",
              "deprecated_since", "replaced_by", "history", "arguments", "subcommands")
ARG_KEYS = ("name", "type", "key_spec_index", "token", "since", "flags", "deprecated_since",
            "arguments")
KEY_SPEC_KEYS = ("notes", "flags", "begin_search", "find_keys")


def cstr(s):
    """A C++ string literal for printable-ASCII text (commands.json holds nothing else)."""
    if any(not (" " <= ch <= "~") for ch in s):
        raise ValueError("unexpected byte in %r" % s)
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def words(items):
    for w in items:
        if not w or " " in w:
            raise ValueError("name with a blank: %r" % w)
    return cstr(" ".join(items))


def ident(name):
    return re.sub(r"[^A-Za-z0-9]", "_", name)


def row(fields, indent="    "):
    """A brace-initialiser line `{f1, f2},`, wrapped at 100 columns between fields."""
    lines, cur = [], indent + "{"
    for i, f in enumerate(fields):
        piece = f + ("}," if i == len(fields) - 1 else ",")
        if cur.strip("{ ") and len(cur) + 1 + len(piece) > 100:
            lines.append(cur)
            cur = indent + " " + piece
        else:
            cur += ("" if cur.endswith("{") else " ") + piece
    lines.append(cur)
    return lines


def check_keys(obj, allowed, what):
    extra = [k for k in obj if k not in allowed]
    if extra:
        raise ValueError("%s: unknown fields %s (extend the generator and command_metadata.h)"
                         % (what, extra))


class Emitter:
    def __init__(self):
        self.lines = []

    def key_specs(self, base, specs):
        name = "kKeySpecs_" + base
        self.lines.append("constexpr KeySpecMeta %s[] = {" % name)
        for i, ks in enumerate(specs):
            check_keys(ks, KEY_SPEC_KEYS, "%s key spec %d" % (base, i))
            fields = []
            if "notes" in ks:
                fields.append(".notes = %s" % cstr(ks["notes"]))
            fields.append(".flags = %s" % words(ks["flags"]))
            bs, fk = ks["begin_search"], ks["find_keys"]
            if bs["type"] == "index":
                fields.append(".begin_search = BeginSearch::kIndex")
                fields.append(".index = %d" % bs["spec"]["index"])
            elif bs["type"] == "keyword":
                fields.append(".begin_search = BeginSearch::kKeyword")
                fields.append(".keyword = %s" % cstr(bs["spec"]["keyword"]))
                fields.append(".startfrom = %d" % bs["spec"]["startfrom"])
            elif bs["type"] != "unknown" or bs["spec"]:
                raise ValueError("%s: begin_search %r" % (base, bs))
            if fk["type"] == "range":
                sp = fk["spec"]
                fields.append(".find_keys = FindKeys::kRange")
                fields.append(".lastkey = %d" % sp["lastkey"])
                fields.append(".keystep = %d" % sp["keystep"])
                fields.append(".limit = %d" % sp["limit"])
            elif fk["type"] == "keynum":
                sp = fk["spec"]
                fields.append(".find_keys = FindKeys::kKeynum")
                fields.append(".keynumidx = %d" % sp["keynumidx"])
                fields.append(".firstkey = %d" % sp["firstkey"])
                fields.append(".keystep = %d" % sp["keystep"])
            elif fk["type"] != "unknown" or fk["spec"]:
                raise ValueError("%s: find_keys %r" % (base, fk))
            self.lines.extend(row(fields))
        self.lines.append("};")
        return name

    def args(self, base, args):
        """Emits children first (they must be defined before the array that points at them);
        returns the array's name."""
        name = "kArgs_" + base
        rows = []
        for i, a in enumerate(args):
            check_keys(a, ARG_KEYS, "%s argument %d" % (base, i))
            fields = [".name = %s" % cstr(a["name"]), ".type = %s" % cstr(a["type"])]
            if "key_spec_index" in a:
                fields.append(".key_spec_index = %d" % a["key_spec_index"])
            for k in ("token", "since"):
                if k in a:
                    fields.append(".%s = %s" % (k, cstr(a[k])))
            if "flags" in a:
                fields.append(".flags = %s" % words(a["flags"]))
            if "deprecated_since" in a:
                fields.append(".deprecated_since = %s" % cstr(a["deprecated_since"]))
            if "arguments" in a:
                if not a["arguments"]:
                    raise ValueError("%s: empty argument block" % base)
                fields.append(".args = %s" % self.args("%s_%d" % (base, i), a["arguments"]))
            rows.extend(row(fields))
        self.lines.append("constexpr ArgMeta %s[] = {" % name)
        self.lines.extend(rows)
        self.lines.append("};")
        return name

    def history(self, base, history):
        name = "kHistory_" + base
        self.lines.append("constexpr HistoryMeta %s[] = {" % name)
        for version, change in history:
            self.lines.extend(row([cstr(version), cstr(change)]))
        self.lines.append("};")
        return name

    def command(self, name, e):
        check_keys(e, ENTRY_KEYS, name)
        base = ident(name)
        self.lines.append("// ---- %s" % name)
        fields = [".name = %s" % cstr(name),
                  ".arity = %d, .first_key = %d, .last_key = %d, .key_step = %d" %
                  (e["arity"], e["first_key"], e["last_key"], e["key_step"]),
                  ".flags = %s" % words(e["flags"]),
                  ".acl_categories = %s" % words(e["acl_categories"]),
                  ".tips = %s" % words(e["tips"])]
        if e["key_specs"]:
            fields.append(".key_specs = %s" % self.key_specs(base, e["key_specs"]))
        for k in ("summary", "since", "group", "complexity"):
            if k in e:
                if not e[k]:
                    raise ValueError("%s: empty %s" % (name, k))
                fields.append(".%s = %s" % (k, cstr(e[k])))
        if "doc_flags" in e:
            fields.append(".doc_flags = %s" % words(e["doc_flags"]))
        for k in ("deprecated_since", "replaced_by"):
            if k in e:
                fields.append(".%s = %s" % (k, cstr(e[k])))
        if e.get("history"):
            fields.append(".history = %s" % self.history(base, e["history"]))
        if e.get("arguments"):
            fields.append(".args = %s" % self.args(base, e["arguments"]))
        self.lines.append("constexpr CommandMeta kMeta_%s = {" % base)
        for f in fields:
            self.lines.append("    %s," % f)
        self.lines.append("};")
        self.lines.append("")
        return "kMeta_" + base


def generate(doc):
    commands = doc["commands"]
    names = sorted(commands)
    idents = [ident(n) for n in names]
    if len(set(idents)) != len(idents):
        raise ValueError("two command names map to one C++ identifier")
    em = Emitter()
    metas = [em.command(n, commands[n]) for n in names]
    head = [
        "// GENERATED by corpus/gen_command_metadata.py from corpus/commands.json (redis-server",
        "// %s): do not edit. Regenerate with `python3 corpus/gen_command_metadata.py`;" %
        doc["redis_version"],
        "// `--check` tells whether this file is current. What the fields mean:",
        "// command_metadata.h.",
        "// clang-format off",
        '#include "commands/command_metadata.h"',
        "",
        "namespace kevy {",
        "namespace {",
        "",
    ]
    tail = [
        "// Sorted by name (binary search in find_command_meta).",
        "constexpr const CommandMeta* kAllMeta[] = {",
    ] + ["    &%s," % m for m in metas] + [
        "};",
        "",
        "}  // namespace",
        "",
        "std::span<const CommandMeta* const> all_command_meta() { return kAllMeta; }",
        "",
        "}  // namespace kevy",
    ]
    return "\n".join(head + em.lines + tail) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="exit 1 when the generated file is out of date")
    ap.add_argument("--json", default=COMMANDS_JSON)
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    with open(args.json) as f:
        doc = json.load(f)
    text = generate(doc)
    if args.check:
        try:
            with open(args.out) as f:
                current = f.read()
        except FileNotFoundError:
            current = None
        if current != text:
            print("%s is out of date: run python3 corpus/gen_command_metadata.py" % args.out)
            return 1
        print("%s is current (%d commands)" % (args.out, len(doc["commands"])))
        return 0
    with open(args.out, "w") as f:
        f.write(text)
    print("%s: %d commands (incl. subcommands) from redis-server %s" %
          (args.out, len(doc["commands"]), doc["redis_version"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
