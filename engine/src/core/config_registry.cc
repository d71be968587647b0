// ConfigRegistry: CONFIG GET / SET over the parameter table (see config_registry.h).
#include "core/config_registry.h"

#include <cctype>
#include <filesystem>
#include <system_error>

#include "commands/errors.h"
#include "core/ascii.h"
#include "core/config_params.h"
#include "core/config_values.h"
#include "core/glob.h"
#include "core/key_events.h"
#include "core/numbers.h"

namespace kevy {
namespace {

using config::Bind;
using config::ParamSpec;

constexpr std::pair<EvictionPolicy, std::string_view> kPolicyNames[] = {
    {EvictionPolicy::kVolatileLru, "volatile-lru"},
    {EvictionPolicy::kVolatileLfu, "volatile-lfu"},
    {EvictionPolicy::kVolatileRandom, "volatile-random"},
    {EvictionPolicy::kVolatileTtl, "volatile-ttl"},
    {EvictionPolicy::kAllKeysLru, "allkeys-lru"},
    {EvictionPolicy::kAllKeysLfu, "allkeys-lfu"},
    {EvictionPolicy::kAllKeysRandom, "allkeys-random"},
    {EvictionPolicy::kNoEviction, "noeviction"},
};

std::string bound_value(Bind bind, const Options& o) {
  switch (bind) {
    case Bind::kNone: break;
    case Bind::kHz: return std::to_string(o.hz);
    case Bind::kDatabases: return std::to_string(o.databases);
    case Bind::kMaxMemory: return std::to_string(o.max_memory);
    case Bind::kMaxMemoryPolicy:
      for (const auto& [policy, name] : kPolicyNames) {
        if (policy == o.eviction_policy) return std::string(name);
      }
      break;
    case Bind::kMaxMemorySamples: return std::to_string(o.maxmemory_samples);
    case Bind::kMaxMemoryEvictionTenacity: return std::to_string(o.maxmemory_eviction_tenacity);
    case Bind::kLfuLogFactor: return std::to_string(o.lfu_log_factor);
    case Bind::kLfuDecayTime: return std::to_string(o.lfu_decay_time);
    case Bind::kHashMaxListpackEntries: return std::to_string(o.hash_max_listpack_entries);
    case Bind::kHashMaxListpackValue: return std::to_string(o.hash_max_listpack_value);
    case Bind::kListMaxListpackSize: return std::to_string(o.list_max_listpack_size);
    case Bind::kListCompressDepth: return std::to_string(o.list_compress_depth);
    case Bind::kSetMaxIntsetEntries: return std::to_string(o.set_max_intset_entries);
    case Bind::kZsetMaxListpackEntries: return std::to_string(o.zset_max_listpack_entries);
    case Bind::kZsetMaxListpackValue: return std::to_string(o.zset_max_listpack_value);
    case Bind::kSlowlogLogSlowerThan: return std::to_string(o.slowlog_log_slower_than);
    case Bind::kSlowlogMaxLen: return std::to_string(o.slowlog_max_len);
    case Bind::kNotifyKeyspaceEvents: return notify_letters_from_flags(o.notify_keyspace_events);
  }
  return {};
}

// REQUIRES: canonical is what parse_value produced for the bound parameter (decimal digits, a
// policy name or notify-keyspace-events letters), so the conversions cannot fail.
void write_bound(Bind bind, const std::string& canonical, Options& o) {
  const int64_t n = parse_int64(canonical).value_or(0);
  switch (bind) {
    case Bind::kNone:
    case Bind::kDatabases:  // immutable: fixed when the store opened
      break;
    case Bind::kHz: o.hz = static_cast<int>(n); break;
    case Bind::kMaxMemory: o.max_memory = parse_uint64(canonical).value_or(0); break;
    case Bind::kMaxMemoryPolicy:
      for (const auto& [policy, name] : kPolicyNames) {
        if (name == canonical) o.eviction_policy = policy;
      }
      break;
    case Bind::kMaxMemorySamples: o.maxmemory_samples = static_cast<int>(n); break;
    case Bind::kMaxMemoryEvictionTenacity:
      o.maxmemory_eviction_tenacity = static_cast<int>(n);
      break;
    case Bind::kLfuLogFactor: o.lfu_log_factor = static_cast<int>(n); break;
    case Bind::kLfuDecayTime: o.lfu_decay_time = static_cast<int>(n); break;
    case Bind::kHashMaxListpackEntries: o.hash_max_listpack_entries = static_cast<size_t>(n); break;
    case Bind::kHashMaxListpackValue: o.hash_max_listpack_value = static_cast<size_t>(n); break;
    case Bind::kListMaxListpackSize: o.list_max_listpack_size = static_cast<int>(n); break;
    case Bind::kListCompressDepth: o.list_compress_depth = static_cast<int>(n); break;
    case Bind::kSetMaxIntsetEntries: o.set_max_intset_entries = static_cast<size_t>(n); break;
    case Bind::kZsetMaxListpackEntries: o.zset_max_listpack_entries = static_cast<size_t>(n); break;
    case Bind::kZsetMaxListpackValue: o.zset_max_listpack_value = static_cast<size_t>(n); break;
    case Bind::kSlowlogLogSlowerThan: o.slowlog_log_slower_than = n; break;
    case Bind::kSlowlogMaxLen: o.slowlog_max_len = static_cast<size_t>(n); break;
    case Bind::kNotifyKeyspaceEvents:
      o.notify_keyspace_events = notify_flags_from_letters(canonical);
      break;
  }
}

bool has_glob(std::string_view pattern) {
  return pattern.find_first_of("*?[") != std::string_view::npos;
}

size_t param_index(std::string_view name) { return config::find_param(name).value_or(0); }

}  // namespace

ConfigRegistry::ConfigRegistry() {
  const auto params = config::params();
  values_.reserve(params.size());
  for (const ParamSpec& p : params) values_.emplace_back(p.default_value);
  std::error_code ec;
  std::filesystem::path cwd = std::filesystem::current_path(ec);
  values_[param_index("dir")] = ec ? std::string() : cwd.string();
}

std::string ConfigRegistry::value_of(size_t index, const Options& opts) const {
  const ParamSpec& spec = config::params()[index];
  if (spec.bind != Bind::kNone) return bound_value(spec.bind, opts);
  return values_[index];
}

void ConfigRegistry::store(size_t index, const std::string& canonical, Options& opts) {
  const ParamSpec& spec = config::params()[index];
  if (spec.bind != Bind::kNone) {
    write_bound(spec.bind, canonical, opts);
  } else {
    values_[index] = canonical;
  }
}

std::optional<std::string> ConfigRegistry::get(std::string_view name, const Options& opts) const {
  auto index = config::find_param(name);
  if (!index) return std::nullopt;
  return value_of(*index, opts);
}

std::vector<std::pair<std::string, std::string>> ConfigRegistry::get_matching(
    std::span<const std::string_view> patterns, const Options& opts) const {
  std::vector<std::pair<std::string, std::string>> out;
  auto seen = [&](std::string_view name) {
    for (const auto& [n, v] : out) {
      if (eq_ci(n, name)) return true;
    }
    return false;
  };
  for (std::string_view pattern : patterns) {
    if (!has_glob(pattern)) {
      auto index = config::find_param(pattern);
      if (index && !seen(pattern)) out.emplace_back(std::string(pattern), value_of(*index, opts));
      continue;
    }
    for (const config::ParamName& n : config::all_names()) {
      if (config::params()[n.index].has(config::kHidden)) continue;
      if (!glob_match(pattern, n.name, /*nocase=*/true) || seen(n.name)) continue;
      out.emplace_back(std::string(n.name), value_of(n.index, opts));
    }
  }
  return out;
}

Status ConfigRegistry::set(std::span<const NameValue> pairs, Options& opts, Origin origin) {
  const bool from_file = origin == Origin::kConfigFile;
  std::vector<size_t> index(pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    const std::string_view name = pairs[i].first;
    auto found = config::find_param(name);
    if (!found) return Status::command_error(err::config_unknown_option(name));
    const ParamSpec& spec = config::params()[*found];
    if (!from_file && spec.has(config::kImmutable)) {
      return Status::command_error(err::config_set_failed(name, err::kConfigImmutable));
    }
    if (!from_file && spec.has(config::kProtected)) {
      return Status::command_error(err::config_set_failed(name, err::kConfigProtected));
    }
    for (size_t j = 0; j < i; ++j) {
      if (eq_ci(pairs[j].first, name)) {
        return Status::command_error(err::config_set_failed(name, err::kConfigDuplicate));
      }
    }
    index[i] = *found;
  }

  static const size_t unixsocket = param_index("unixsocket");
  std::vector<std::string> canonical(pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    const ParamSpec& spec = config::params()[index[i]];
    const std::string current = value_of(index[i], opts);
    const std::string socket = value_of(unixsocket, opts);
    config::ParseInput in{.text = pairs[i].second,
                          .current = current,
                          .from_file = from_file,
                          .unixsocket = socket};
    std::string reason = config::parse_value(spec, in, &canonical[i]);
    // databases sized the store when it opened: a config file may only repeat it.
    if (reason.empty() && spec.bind == Bind::kDatabases && canonical[i] != current) {
      reason = err::kConfigImmutable;
    }
    if (!reason.empty()) {
      return Status::command_error(err::config_set_failed(pairs[i].first, reason));
    }
  }

  for (size_t i = 0; i < pairs.size(); ++i) {
    const ParamSpec& spec = config::params()[index[i]];
    if (from_file && spec.kind == config::Kind::kSave) {
      // redis.conf: the first `save` line replaces the defaults, the next ones add to it, and
      // `save ""` clears the list.
      if (file_save_seen_ && !canonical[i].empty() && !values_[index[i]].empty()) {
        canonical[i] = values_[index[i]] + " " + canonical[i];
      }
      file_save_seen_ = true;
    }
    store(index[i], canonical[i], opts);
  }
  return Status::ok();
}

}  // namespace kevy
