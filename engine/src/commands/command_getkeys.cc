// Key extraction for COMMAND GETKEYS / GETKEYSANDFLAGS (contract: command_getkeys.h).
#include "commands/command_getkeys.h"

#include <cstdint>
#include <optional>

#include "commands/args.h"
#include "core/numbers.h"

namespace kevy {
namespace {

constexpr std::string_view kRoAccess = "RO access";
constexpr std::string_view kRwAccessUpdate = "RW access update";
constexpr std::string_view kOwUpdate = "OW update";

bool has_word(std::string_view list, std::string_view word) {
  while (!list.empty()) {
    const size_t sp = list.find(' ');
    if (list.substr(0, sp) == word) return true;
    if (sp == std::string_view::npos) break;
    list.remove_prefix(sp + 1);
  }
  return false;
}

// C's atoi as glibc has it, (int)strtol(s, NULL, 10): leading white space, a sign, digits up
// to the first other byte; out-of-range values clamp to the long range and then wrap to int.
// Redis's per-command rules read numkeys this way, so "2abc" counts as 2.
int c_atoi(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'))) ++i;
  bool neg = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  uint64_t v = 0;
  bool overflow = false;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    if (v > (UINT64_MAX - 9) / 10) overflow = true;
    if (!overflow) v = v * 10 + static_cast<uint64_t>(s[i] - '0');
  }
  const uint64_t limit = neg ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
  if (overflow || v > limit) v = limit;
  const uint64_t as_long = neg ? ~v + 1 : v;
  return static_cast<int>(static_cast<uint32_t>(as_long));
}

// ---- key specs ----

// The argv index where a spec's keys start, or nullopt when the spec cannot say (unknown
// type); 0 when its keyword is absent (the spec then gives no keys).
std::optional<int> spec_first(const KeySpecMeta& spec, Args argv) {
  const int argc = static_cast<int>(argv.size());
  switch (spec.begin_search) {
    case BeginSearch::kIndex:
      return spec.index;
    case BeginSearch::kKeyword:
      // The keyword is looked for up to (not including) argc-1 going forwards, or down to
      // (not including) 1 going backwards; the key is the argument after it.
      if (spec.startfrom > 0) {
        for (int i = spec.startfrom; i < argc - 1; ++i) {
          if (eq_ci(argv[i], spec.keyword)) return i + 1;
        }
      } else {
        for (int i = argc + spec.startfrom; i > 1 && i < argc; --i) {
          if (eq_ci(argv[i], spec.keyword)) return i + 1;
        }
      }
      return 0;
    case BeginSearch::kUnknown:
      break;
  }
  return std::nullopt;
}

// Appends the keys of every spec in order. False when a spec is unknown or its arguments
// do not fit (a bad key count, a range beyond argv): Redis then drops all keys and asks the
// command's own rule, if it has one.
bool keys_from_specs(const CommandMeta& meta, Args argv, std::vector<KeyRef>* out) {
  const int argc = static_cast<int>(argv.size());
  for (const KeySpecMeta& spec : meta.key_specs) {
    if (has_word(spec.flags, "not_key")) continue;
    // An incomplete spec may miss keys (MIGRATE's KEYS after AUTH2 user pass): the command's
    // rule decides.
    if (has_word(spec.flags, "incomplete")) return false;
    const std::optional<int> begin = spec_first(spec, argv);
    if (!begin) return false;
    int64_t first = *begin;
    if (first == 0) continue;
    int64_t last = 0;
    const int step = spec.keystep;
    if (spec.find_keys == FindKeys::kRange) {
      if (spec.lastkey >= 0) {
        last = first + spec.lastkey;
      } else if (spec.limit == 0) {
        last = argc + spec.lastkey;
      } else {
        last = first + (argc - first) / spec.limit + spec.lastkey;
      }
    } else if (spec.find_keys == FindKeys::kKeynum) {
      if (spec.keynumidx >= argc - first) return false;
      const std::optional<int64_t> numkeys = parse_int64(argv[first + spec.keynumidx]);
      if (!numkeys || *numkeys < 0) return false;
      // Redis narrows the count to an int (4294967298 keys is 2 keys).
      first += spec.firstkey;
      last = first + static_cast<int>(*numkeys) - 1;
    } else {
      return false;
    }
    if (last >= argc || last < first || first >= argc || step <= 0) return false;
    for (int64_t i = first; i <= last; i += step) {
      out->push_back({static_cast<size_t>(i), spec.flags});
    }
  }
  return true;
}

// ---- Redis's per-command rules ----

// "numkeys" commands: argv[count_at] (read with atoi) keys from first_at, every `step`, then
// the destination at store_at (0: none). No key when the count is below 1 or larger than
// the arguments that are left. Redis gives these keys no flags.
struct NumkeysRule {
  std::string_view name;
  int store_at;
  int count_at;
  int first_at;
  int step;
};

constexpr NumkeysRule kNumkeysRules[] = {
    {"zunionstore", 1, 2, 3, 1}, {"zinterstore", 1, 2, 3, 1}, {"zdiffstore", 1, 2, 3, 1},
    {"zunion", 0, 1, 2, 1},      {"zinter", 0, 1, 2, 1},      {"zdiff", 0, 1, 2, 1},
    {"zintercard", 0, 1, 2, 1},  {"sintercard", 0, 1, 2, 1},  {"lmpop", 0, 1, 2, 1},
    {"zmpop", 0, 1, 2, 1},       {"blmpop", 0, 2, 3, 1},      {"bzmpop", 0, 2, 3, 1},
    {"eval", 0, 2, 3, 1},        {"evalsha", 0, 2, 3, 1},     {"eval_ro", 0, 2, 3, 1},
    {"evalsha_ro", 0, 2, 3, 1},  {"fcall", 0, 2, 3, 1},       {"fcall_ro", 0, 2, 3, 1},
};

const NumkeysRule* numkeys_rule(std::string_view name) {
  for (const NumkeysRule& r : kNumkeysRules) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

void numkeys_keys(const NumkeysRule& r, Args argv, std::vector<KeyRef>* out) {
  const int argc = static_cast<int>(argv.size());
  if (r.count_at >= argc) return;
  const int num = c_atoi(argv[r.count_at]);
  if (num < 1 || num > (argc - r.first_at) / r.step) return;
  for (int i = 0; i < num; ++i) out->push_back({static_cast<size_t>(r.first_at + i * r.step), ""});
  if (r.store_at != 0) out->push_back({static_cast<size_t>(r.store_at), ""});
}

// SORT key [BY p] [LIMIT o c] [GET p ...] [ASC|DESC] [ALPHA] [STORE dst]: the key, then the
// destination of the last STORE. LIMIT skips two arguments and BY/GET one, so their values are
// never taken for STORE; a STORE value is itself looked at again ("STORE STORE d" stores to d).
void sort_keys(Args argv, std::vector<KeyRef>* out) {
  out->push_back({1, kRoAccess});
  std::optional<size_t> store;
  for (size_t i = 2; i < argv.size(); ++i) {
    if (eq_ci(argv[i], "limit")) {
      i += 2;
    } else if (eq_ci(argv[i], "get") || eq_ci(argv[i], "by")) {
      i += 1;
    } else if (eq_ci(argv[i], "store") && i + 1 < argv.size()) {
      store = i + 1;
    }
  }
  if (store) out->push_back({*store, kOwUpdate});
}

// SET key value [...]: read-write when a GET option follows the value, else overwrite-only.
std::string_view set_key_flags(Args argv) {
  for (size_t i = 3; i < argv.size(); ++i) {
    if (eq_ci(argv[i], "get")) return kRwAccessUpdate;
  }
  return kOwUpdate;
}

// BITFIELD key [GET t o] [SET t o v] [INCRBY t o i] [OVERFLOW w]: read-only while only complete
// GET and OVERFLOW operations appear; SET, INCRBY or anything malformed makes it read-write.
std::string_view bitfield_key_flags(Args argv) {
  for (size_t i = 2; i < argv.size(); ++i) {
    const size_t more = argv.size() - i - 1;
    if (eq_ci(argv[i], "get") && more >= 2) {
      i += 2;
    } else if (eq_ci(argv[i], "overflow") && more >= 1) {
      i += 1;
    } else {
      return kRwAccessUpdate;
    }
  }
  return kRoAccess;
}

// MIGRATE host port key|"" db timeout [COPY] [REPLACE] [AUTH pw] [AUTH2 user pw] [KEYS k...]:
// the key argument, or with KEYS (scanned from argv[6], skipping AUTH/AUTH2 values) the keys
// after it, and none when KEYS comes with a non-empty key argument.
void migrate_keys(Args argv, std::vector<KeyRef>* out) {
  constexpr std::string_view kFlags = "RW access delete";
  size_t first = 3;
  size_t num = 1;
  for (size_t i = 6; i < argv.size(); ++i) {
    if (eq_ci(argv[i], "auth")) {
      i += 1;
    } else if (eq_ci(argv[i], "auth2")) {
      i += 2;
    } else if (eq_ci(argv[i], "keys")) {
      if (!argv[3].empty()) return;
      first = i + 1;
      num = argv.size() - first;
      break;
    }
  }
  for (size_t i = 0; i < num; ++i) out->push_back({first + i, kFlags});
}

bool has_own_rule(std::string_view name) {
  return numkeys_rule(name) != nullptr || name == "sort" || name == "sort_ro" || name == "set" ||
         name == "bitfield" || name == "migrate";
}

// Redis's rule for the command, or false when it has none.
bool keys_from_rule(const CommandMeta& meta, Args argv, std::vector<KeyRef>* out) {
  if (const NumkeysRule* r = numkeys_rule(meta.name)) {
    numkeys_keys(*r, argv, out);
  } else if (meta.name == "sort") {
    sort_keys(argv, out);
  } else if (meta.name == "sort_ro") {
    out->push_back({1, kRoAccess});
  } else if (meta.name == "set") {
    out->push_back({1, set_key_flags(argv)});
  } else if (meta.name == "bitfield") {
    out->push_back({1, bitfield_key_flags(argv)});
  } else if (meta.name == "migrate") {
    migrate_keys(argv, out);
  } else {
    return false;
  }
  return true;
}

}  // namespace

bool command_has_keys(const CommandMeta& meta) {
  if (has_own_rule(meta.name)) return true;
  for (const KeySpecMeta& spec : meta.key_specs) {
    if (!has_word(spec.flags, "not_key")) return true;
  }
  return false;
}

std::vector<KeyRef> command_keys(const CommandMeta& meta, Args argv) {
  std::vector<KeyRef> keys;
  // Specs whose flags depend on the arguments (SET's GET, BITFIELD's SET) are not trusted
  // for flags: the command's rule decides.
  bool variable_flags = false;
  for (const KeySpecMeta& spec : meta.key_specs) {
    variable_flags = variable_flags || has_word(spec.flags, "variable_flags");
  }
  if (!meta.key_specs.empty() && !variable_flags) {
    if (keys_from_specs(meta, argv, &keys)) return keys;
    keys.clear();
  }
  keys_from_rule(meta, argv, &keys);
  return keys;
}

}  // namespace kevy
