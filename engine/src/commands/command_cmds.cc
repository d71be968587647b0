// COMMAND and its subcommands (COUNT INFO DOCS LIST GETKEYS GETKEYSANDFLAGS HELP). Replies are
// built from the table row (name, arity, flags, key positions, subcommands) and the command's
// metadata (ACL categories, tips, key specs, docs), with the reply types redis-server 7.0.15
// uses: in RESP3 flag/category/tip lists, key specs and histories are sets, docs and key specs
// maps; RESP2 flattens both (Reply's encoder does that).
#include "commands/command_cmds.h"

#include <algorithm>
#include <string>

#include "commands/args.h"
#include "commands/command_getkeys.h"
#include "commands/command_metadata.h"
#include "commands/errors.h"
#include "core/glob.h"

namespace kevy {
namespace {

constexpr CommandFlagName kFlagOrder[] = {
    {kCmdWrite, "write"},
    {kCmdReadonly, "readonly"},
    {kCmdDenyOom, "denyoom"},
    {0, "module"},
    {kCmdAdmin, "admin"},
    {kCmdPubsub, "pubsub"},
    {kCmdNoscript, "noscript"},
    {kCmdBlocking, "blocking"},
    {kCmdLoading, "loading"},
    {kCmdStale, "stale"},
    {kCmdSkipMonitor, "skip_monitor"},
    {kCmdSkipSlowlog, "skip_slowlog"},
    {kCmdAsking, "asking"},
    {kCmdFast, "fast"},
    {kCmdNoAuth, "no_auth"},
    {kCmdNoMandatoryKeys, "no_mandatory_keys"},
    {kCmdNoAsyncLoading, "no_async_loading"},
    {kCmdNoMulti, "no_multi"},
    {0, "movablekeys"},
    {kCmdAllowBusy, "allow_busy"},
};

// Calls f(word) for each word of a space-separated list.
template <typename F>
void for_each_word(std::string_view list, F f) {
  while (!list.empty()) {
    const size_t sp = list.find(' ');
    f(list.substr(0, sp));
    if (sp == std::string_view::npos) break;
    list.remove_prefix(sp + 1);
  }
}

// Redis derives movablekeys: some key spec is not "argv index + fixed range".
bool movable_keys(const CommandMeta* meta) {
  if (meta == nullptr) return false;
  for (const KeySpecMeta& spec : meta->key_specs) {
    if (spec.begin_search != BeginSearch::kIndex || spec.find_keys != FindKeys::kRange) {
      return true;
    }
  }
  return false;
}

Reply simple_set(std::string_view words) {
  Reply r = Reply::set();
  for_each_word(words, [&](std::string_view w) { r.push_back(Reply::simple(w)); });
  return r;
}

Reply bulk_set(std::string_view words) {
  Reply r = Reply::set();
  for_each_word(words, [&](std::string_view w) { r.push_back(Reply::bulk(w)); });
  return r;
}

// ---- lookup ----

// The row named by `name` as COMMAND INFO / DOCS take it: "get", or "container|sub"
// (case-insensitive); nullptr for an unknown command or subcommand, a '|' after a command
// that has no subcommands, or more than one '|'.
const CommandSpec* find_row(const CommandTable& table, std::string_view name) {
  const size_t bar = name.find('|');
  if (bar == std::string_view::npos) return table.find(name);
  const std::string_view sub = name.substr(bar + 1);
  if (sub.find('|') != std::string_view::npos) return nullptr;
  const CommandSpec* base = table.find(name.substr(0, bar));
  if (base == nullptr) return nullptr;
  for (const CommandSpec& s : base->subcommands) {
    if (eq_ci(s.name, sub)) return &s;
  }
  return nullptr;
}

std::vector<const CommandSpec*> sorted_rows(const CommandTable& table) {
  std::vector<const CommandSpec*> rows = table.all();
  std::sort(rows.begin(), rows.end(),
            [](const CommandSpec* a, const CommandSpec* b) { return a->full_name < b->full_name; });
  return rows;
}

std::vector<const CommandSpec*> sorted_subcommands(const CommandSpec& row) {
  std::vector<const CommandSpec*> subs;
  for (const CommandSpec& s : row.subcommands) subs.push_back(&s);
  std::sort(subs.begin(), subs.end(),
            [](const CommandSpec* a, const CommandSpec* b) { return a->full_name < b->full_name; });
  return subs;
}

const CommandMeta* meta_of(const CommandSpec& row) { return find_command_meta(row.full_name); }

// ---- COMMAND INFO ----

Reply key_spec_reply(const KeySpecMeta& spec) {
  Reply begin_spec = Reply::map();
  std::string_view begin_type = "unknown";
  if (spec.begin_search == BeginSearch::kIndex) {
    begin_type = "index";
    begin_spec = Reply::map({Reply::bulk("index"), Reply::integer(spec.index)});
  } else if (spec.begin_search == BeginSearch::kKeyword) {
    begin_type = "keyword";
    begin_spec = Reply::map({Reply::bulk("keyword"), Reply::bulk(spec.keyword),
                             Reply::bulk("startfrom"), Reply::integer(spec.startfrom)});
  }
  Reply find_spec = Reply::map();
  std::string_view find_type = "unknown";
  if (spec.find_keys == FindKeys::kRange) {
    find_type = "range";
    find_spec = Reply::map({Reply::bulk("lastkey"), Reply::integer(spec.lastkey),
                            Reply::bulk("keystep"), Reply::integer(spec.keystep),
                            Reply::bulk("limit"), Reply::integer(spec.limit)});
  } else if (spec.find_keys == FindKeys::kKeynum) {
    find_type = "keynum";
    find_spec = Reply::map({Reply::bulk("keynumidx"), Reply::integer(spec.keynumidx),
                            Reply::bulk("firstkey"), Reply::integer(spec.firstkey),
                            Reply::bulk("keystep"), Reply::integer(spec.keystep)});
  }
  Reply r = Reply::map();
  if (!spec.notes.empty()) {
    r.push_back(Reply::bulk("notes"));
    r.push_back(Reply::bulk(spec.notes));
  }
  r.push_back(Reply::bulk("flags"));
  r.push_back(simple_set(spec.flags));
  r.push_back(Reply::bulk("begin_search"));
  r.push_back(Reply::map(
      {Reply::bulk("type"), Reply::bulk(begin_type), Reply::bulk("spec"), std::move(begin_spec)}));
  r.push_back(Reply::bulk("find_keys"));
  r.push_back(Reply::map(
      {Reply::bulk("type"), Reply::bulk(find_type), Reply::bulk("spec"), std::move(find_spec)}));
  return r;
}

// [name, arity, flags, first, last, step, acl categories, tips, key specs, subcommands].
Reply info_reply(const CommandSpec& row) {
  const CommandMeta* meta = meta_of(row);
  Reply flags = Reply::set();
  for (std::string_view f : command_flag_names(row)) flags.push_back(Reply::simple(f));
  Reply key_specs = Reply::set();
  if (meta != nullptr) {
    for (const KeySpecMeta& spec : meta->key_specs) key_specs.push_back(key_spec_reply(spec));
  }
  // A command without subcommands has an empty set here, a container an array.
  Reply subcommands = Reply::set();
  if (!row.subcommands.empty()) {
    subcommands = Reply::array();
    for (const CommandSpec* sub : sorted_subcommands(row)) subcommands.push_back(info_reply(*sub));
  }
  return Reply::array(
      {Reply::bulk(row.full_name), Reply::integer(row.arity), std::move(flags),
       Reply::integer(row.first_key), Reply::integer(row.last_key), Reply::integer(row.key_step),
       simple_set(meta != nullptr ? meta->acl_categories : ""),
       bulk_set(meta != nullptr ? meta->tips : ""), std::move(key_specs), std::move(subcommands)});
}

// ---- COMMAND DOCS ----

void add_field(Reply& map, std::string_view key, Reply value) {
  map.push_back(Reply::bulk(key));
  map.push_back(std::move(value));
}

void add_text(Reply& map, std::string_view key, std::string_view text) {
  if (!text.empty()) add_field(map, key, Reply::bulk(text));
}

Reply args_reply(std::span<const ArgMeta> args) {
  Reply out = Reply::array();
  for (const ArgMeta& a : args) {
    Reply m = Reply::map();
    add_text(m, "name", a.name);
    add_text(m, "type", a.type);
    if (a.key_spec_index >= 0) add_field(m, "key_spec_index", Reply::integer(a.key_spec_index));
    add_text(m, "token", a.token);
    add_text(m, "since", a.since);
    if (!a.flags.empty()) add_field(m, "flags", simple_set(a.flags));
    add_text(m, "deprecated_since", a.deprecated_since);
    if (!a.args.empty()) add_field(m, "arguments", args_reply(a.args));
    out.push_back(std::move(m));
  }
  return out;
}

Reply docs_reply(const CommandSpec& row) {
  Reply m = Reply::map();
  if (const CommandMeta* meta = meta_of(row)) {
    add_text(m, "summary", meta->summary);
    add_text(m, "since", meta->since);
    add_text(m, "group", meta->group);
    add_text(m, "complexity", meta->complexity);
    if (!meta->doc_flags.empty()) add_field(m, "doc_flags", simple_set(meta->doc_flags));
    add_text(m, "deprecated_since", meta->deprecated_since);
    add_text(m, "replaced_by", meta->replaced_by);
    if (!meta->history.empty()) {
      Reply history = Reply::set();
      for (const HistoryMeta& h : meta->history) {
        history.push_back(Reply::array({Reply::bulk(h.version), Reply::bulk(h.change)}));
      }
      add_field(m, "history", std::move(history));
    }
    if (!meta->args.empty()) add_field(m, "arguments", args_reply(meta->args));
  }
  if (!row.subcommands.empty()) {
    Reply subs = Reply::map();
    for (const CommandSpec* sub : sorted_subcommands(row)) {
      add_field(subs, sub->full_name, docs_reply(*sub));
    }
    add_field(m, "subcommands", std::move(subs));
  }
  return m;
}

// ---- handlers ----

// COMMAND and COMMAND INFO without names: every command.
Reply all_info() {
  Reply out = Reply::array();
  for (const CommandSpec* row : sorted_rows(CommandTable::instance())) {
    out.push_back(info_reply(*row));
  }
  return out;
}

Reply command_command(CommandContext&, Args) { return all_info(); }

Reply command_count(CommandContext&, Args) {
  return Reply::integer(static_cast<int64_t>(CommandTable::instance().size()));
}

// COMMAND INFO [name ...]: one entry per name, a null for an unknown one.
Reply command_info(CommandContext&, Args argv) {
  if (argv.size() == 2) return all_info();
  Reply out = Reply::array();
  for (size_t i = 2; i < argv.size(); ++i) {
    const CommandSpec* row = find_row(CommandTable::instance(), argv[i]);
    out.push_back(row != nullptr ? info_reply(*row) : Reply::null());
  }
  return out;
}

// COMMAND DOCS [name ...]: name -> docs for each known name; unknown names are left out.
Reply command_docs(CommandContext&, Args argv) {
  Reply out = Reply::map();
  if (argv.size() == 2) {
    for (const CommandSpec* row : sorted_rows(CommandTable::instance())) {
      add_field(out, row->full_name, docs_reply(*row));
    }
    return out;
  }
  for (size_t i = 2; i < argv.size(); ++i) {
    if (const CommandSpec* row = find_row(CommandTable::instance(), argv[i])) {
      add_field(out, row->full_name, docs_reply(*row));
    }
  }
  return out;
}

// COMMAND LIST [FILTERBY MODULE m | ACLCAT c | PATTERN p]: command and subcommand names,
// each container followed by its subcommands. kevy has no modules, so MODULE lists nothing.
Reply command_list(CommandContext&, Args argv) {
  enum class Filter { kNone, kModule, kAclCat, kPattern } filter = Filter::kNone;
  std::string category;
  if (argv.size() == 5 && eq_ci(argv[2], "filterby")) {
    if (eq_ci(argv[3], "module")) {
      filter = Filter::kModule;
    } else if (eq_ci(argv[3], "aclcat")) {
      filter = Filter::kAclCat;
      category = "@" + std::string(argv[4]);
    } else if (eq_ci(argv[3], "pattern")) {
      filter = Filter::kPattern;
    } else {
      return syntax_error();
    }
  } else if (argv.size() != 2) {
    return syntax_error();
  }
  auto keep = [&](const CommandSpec& row) {
    switch (filter) {
      case Filter::kNone:
        return true;
      case Filter::kModule:
        return false;
      case Filter::kAclCat: {
        const CommandMeta* meta = meta_of(row);
        bool found = false;
        if (meta != nullptr) {
          for_each_word(meta->acl_categories,
                        [&](std::string_view c) { found = found || eq_ci(c, category); });
        }
        return found;
      }
      case Filter::kPattern:
        return glob_match(argv[4], row.full_name, /*nocase=*/true);
    }
    return false;
  };
  Reply out = Reply::array();
  for (const CommandSpec* row : sorted_rows(CommandTable::instance())) {
    if (keep(*row)) out.push_back(Reply::bulk(row->full_name));
    for (const CommandSpec* sub : sorted_subcommands(*row)) {
      if (keep(*sub)) out.push_back(Reply::bulk(sub->full_name));
    }
  }
  return out;
}

// COMMAND GETKEYS / GETKEYSANDFLAGS cmd arg...: the command is looked up as Redis runs it (a
// container with arguments means its subcommand), then checked for keys, then its arity.
Reply getkeys(Args argv, bool with_flags) {
  const Args target = argv.subspan(2);
  const CommandSpec* row = CommandTable::instance().find(target[0]);
  if (row != nullptr && !row->subcommands.empty() && target.size() >= 2) {
    const CommandSpec* sub = nullptr;
    for (const CommandSpec& s : row->subcommands) {
      if (eq_ci(s.name, target[1])) sub = &s;
    }
    row = sub;
  }
  if (row == nullptr) return Reply::error(err::kInvalidCommandSpecified);
  const CommandMeta* meta = meta_of(*row);
  if (meta == nullptr || !command_has_keys(*meta)) return Reply::error(err::kCommandHasNoKeys);
  const size_t argc = target.size();
  if ((row->arity > 0 && static_cast<size_t>(row->arity) != argc) ||
      (row->arity < 0 && argc < static_cast<size_t>(-row->arity))) {
    return Reply::error(err::kInvalidArgumentCount);
  }
  const std::vector<KeyRef> keys = command_keys(*meta, target);
  if (keys.empty() && !(row->flags & kCmdNoMandatoryKeys)) {
    return Reply::error(err::kInvalidArgumentsForCommand);
  }
  Reply out = Reply::array();
  for (const KeyRef& k : keys) {
    if (with_flags) {
      out.push_back(Reply::array({Reply::bulk(target[k.pos]), simple_set(k.flags)}));
    } else {
      out.push_back(Reply::bulk(target[k.pos]));
    }
  }
  return out;
}

Reply command_getkeys(CommandContext&, Args argv) { return getkeys(argv, false); }
Reply command_getkeysandflags(CommandContext&, Args argv) { return getkeys(argv, true); }

Reply command_help(CommandContext&, Args) {
  static constexpr std::string_view kLines[] = {
      "COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
      "(no subcommand)",
      "    Return details about all Redis commands.",
      "COUNT",
      "    Return the total number of commands in this Redis server.",
      "LIST",
      "    Return a list of all commands in this Redis server.",
      "INFO [<command-name> ...]",
      "    Return details about multiple Redis commands.",
      "    If no command names are given, documentation details for all",
      "    commands are returned.",
      "DOCS [<command-name> ...]",
      "    Return documentation details about multiple Redis commands.",
      "    If no command names are given, documentation details for all",
      "    commands are returned.",
      "GETKEYS <full-command>",
      "    Return the keys from a full Redis command.",
      "GETKEYSANDFLAGS <full-command>",
      "    Return the keys and the access flags from a full Redis command.",
      "HELP",
      "    Prints this help.",
  };
  return help_reply(kLines);
}

}  // namespace

std::span<const CommandFlagName> command_flag_order() { return kFlagOrder; }

std::vector<std::string_view> command_flag_names(const CommandSpec& row) {
  const bool movable = movable_keys(meta_of(row));
  std::vector<std::string_view> out;
  for (const CommandFlagName& f : kFlagOrder) {
    if ((f.bit != 0 && (row.flags & f.bit)) || (f.name == "movablekeys" && movable)) {
      out.push_back(f.name);
    }
  }
  return out;
}

void register_command_commands(CommandTable& t) {
  constexpr uint32_t kFlags = kCmdLoading | kCmdStale;
  auto sub = [](std::string_view name, int arity, Handler handler, std::string_view since) {
    return CommandSpec{.name = name,
                       .arity = arity,
                       .flags = kFlags,
                       .handler = handler,
                       .since = since,
                       .group = "server"};
  };
  t.add({.name = "command",
         .arity = -1,
         .flags = kFlags,
         .handler = command_command,
         .since = "2.8.13",
         .group = "server",
         .subcommands = {
             sub("count", 2, command_count, "2.8.13"), sub("docs", -2, command_docs, "7.0.0"),
             sub("getkeys", -4, command_getkeys, "2.8.13"),
             sub("getkeysandflags", -4, command_getkeysandflags, "7.0.0"),
             sub("help", 2, command_help, "5.0.0"), sub("info", -2, command_info, "2.8.13"),
             sub("list", -2, command_list, "7.0.0")}});
}

}  // namespace kevy
