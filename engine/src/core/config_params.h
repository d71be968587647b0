// The table of CONFIG parameters: every parameter redis-server 7.0.15 knows, with its type,
// range, allowed names, built-in default (what `redis-server` with no arguments reports),
// aliases, mutability, and — for the parameters kevy acts on — the Options field it is bound
// to. Facts recorded from the running oracle (CONFIG GET *, and CONFIG SET probes).
//
// This header is internal to the config module (config_registry, config_values,
// config_rewrite).
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>

namespace kevy::config {

inline constexpr int64_t kIntMin = std::numeric_limits<int32_t>::min();
inline constexpr int64_t kIntMax = std::numeric_limits<int32_t>::max();
inline constexpr int64_t kUintMax = std::numeric_limits<uint32_t>::max();
inline constexpr int64_t kLongMax = std::numeric_limits<int64_t>::max();

enum class Kind : uint8_t {
  kBool,              // yes / no
  kInt,               // string2ll text within [min, max]
  kMemory,            // "100", "1kb", "2mb", "1gb", "1k", ...; GET prints bytes
  kMemoryOrPercent,   // maxmemory-clients: a memory value or "N%" (N <= 100)
  kEnum,              // one of `names`
  kFlags,             // shutdown-on-sig*: several of `names`, space separated
  kString,            // any bytes
  kSave,              // "<seconds> <changes> ..." pairs
  kBind,              // up to 16 addresses
  kOutputBufferLimit, // client-output-buffer-limit "<class> <hard> <soft> <seconds> ..."
  kKeyspaceEvents,    // notify-keyspace-events flag letters
  kOomScoreAdjValues, // three integers in [-2000, 2000]
  kPercentiles,       // latency-tracking-info-percentiles: doubles in [0, 100]
  kDir,               // the working directory (absolute)
  kReplicaOf,         // "<host> <port>" or empty
  kOctal,             // unixsocketperm
};

enum ParamFlag : uint8_t {
  kImmutable = 1u << 0,  // CONFIG SET refuses it; only a config file sets it
  kProtected = 1u << 1,  // refused while enable-protected-configs is "no" (always, here)
  kHidden = 1u << 2,     // CONFIG GET answers its exact name but no pattern lists it
  kUnsigned = 1u << 3,   // kMemory over the whole unsigned 64-bit range (maxmemory)
};

// The Options field a parameter is bound to; kNone parameters keep their text in the registry.
enum class Bind : uint8_t {
  kNone,
  kHz,
  kDatabases,
  kMaxMemory,
  kMaxMemoryPolicy,
  kMaxMemorySamples,
  kMaxMemoryEvictionTenacity,
  kLfuLogFactor,
  kLfuDecayTime,
  kHashMaxListpackEntries,
  kHashMaxListpackValue,
  kListMaxListpackSize,
  kListCompressDepth,
  kSetMaxIntsetEntries,
  kZsetMaxListpackEntries,
  kZsetMaxListpackValue,
  kSlowlogLogSlowerThan,
  kSlowlogMaxLen,
  kNotifyKeyspaceEvents,  // Options::notify_keyspace_events (NotifyClass bits)
};

// Extra validation or normalisation a few parameters add to their kind's.
enum class Check : uint8_t {
  kNone,
  kClampHz,         // hz: accepted over [0, INT_MAX], then clamped to [1, 500]
  kActiveDefrag,    // activedefrag yes is refused (no defrag-capable allocator)
  kShutdownFlags,   // SAVE and NOSAVE together are refused
  kProcTitle,       // proc-title-template must parse and expand to non-blank text
};

struct EnumName {
  std::string_view name;
  int value;
};

struct ParamSpec {
  std::string_view name;
  Kind kind = Kind::kString;
  std::string_view default_value;  // canonical text, as CONFIG GET prints it
  int64_t min = 0;
  int64_t max = 0;
  std::span<const EnumName> names;  // kEnum, kFlags: in Redis's order
  std::string_view alias;           // the old name ("slaveof" for "replicaof"), or empty
  uint8_t flags = 0;
  Bind bind = Bind::kNone;
  Check check = Check::kNone;

  constexpr ParamSpec with_alias(std::string_view a) const {
    ParamSpec p = *this;
    p.alias = a;
    return p;
  }
  constexpr ParamSpec with_flags(uint8_t f) const {
    ParamSpec p = *this;
    p.flags = static_cast<uint8_t>(p.flags | f);
    return p;
  }
  constexpr ParamSpec bound_to(Bind b) const {
    ParamSpec p = *this;
    p.bind = b;
    return p;
  }
  constexpr ParamSpec checked(Check c) const {
    ParamSpec p = *this;
    p.check = c;
    return p;
  }
  bool has(ParamFlag f) const { return (flags & f) != 0; }
};

// Every parameter, canonical names in byte order. Index = position in this span.
std::span<const ParamSpec> params();

// One name CONFIG GET/SET accepts: a canonical name or an alias, and the parameter it names.
struct ParamName {
  std::string_view name;
  size_t index;
  bool is_alias;
};
// Every canonical name followed by its alias (if any), in table order.
std::span<const ParamName> all_names();
// The parameter `name` (canonical or alias, any case) names, or nullopt.
std::optional<size_t> find_param(std::string_view name);

// The enum tables CONFIG GET and the Options bindings share.
std::span<const EnumName> maxmemory_policy_names();

}  // namespace kevy::config
