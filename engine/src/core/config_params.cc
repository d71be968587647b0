// The CONFIG parameter table (see config_params.h). Ranges, names and defaults were read from
// redis-server 7.0.15: CONFIG GET * of a server started with no arguments, and the errors
// CONFIG SET gives for out-of-range and malformed values.
#include "core/config_params.h"

#include <algorithm>
#include <string>
#include <vector>

namespace kevy::config {
namespace {

constexpr ParamSpec boolean(std::string_view name, std::string_view def) {
  return {.name = name, .kind = Kind::kBool, .default_value = def};
}
constexpr ParamSpec integer(std::string_view name, std::string_view def, int64_t min,
                            int64_t max) {
  return {.name = name, .kind = Kind::kInt, .default_value = def, .min = min, .max = max};
}
constexpr ParamSpec memory(std::string_view name, std::string_view def, int64_t min = 0) {
  return {.name = name, .kind = Kind::kMemory, .default_value = def, .min = min, .max = kLongMax};
}
constexpr ParamSpec enumerated(std::string_view name, std::string_view def,
                               std::span<const EnumName> names) {
  return {.name = name, .kind = Kind::kEnum, .default_value = def, .names = names};
}
constexpr ParamSpec string(std::string_view name, std::string_view def = "") {
  return {.name = name, .kind = Kind::kString, .default_value = def};
}
constexpr ParamSpec special(std::string_view name, Kind kind, std::string_view def) {
  return {.name = name, .kind = kind, .default_value = def};
}

constexpr EnumName kAclPubsubDefault[] = {{"allchannels", 1}, {"resetchannels", 0}};
constexpr EnumName kAppendFsync[] = {{"everysec", 2}, {"always", 1}, {"no", 0}};
constexpr EnumName kEndpointType[] = {{"ip", 0}, {"hostname", 1}, {"unknown-endpoint", 2}};
constexpr EnumName kProtectedConfig[] = {{"no", 0}, {"yes", 1}, {"local", 2}};
constexpr EnumName kLogLevel[] = {{"debug", 0}, {"verbose", 1}, {"notice", 2}, {"warning", 3}};
constexpr EnumName kMaxMemoryPolicy[] = {
    {"volatile-lru", 0}, {"volatile-lfu", 1},   {"volatile-random", 2}, {"volatile-ttl", 3},
    {"allkeys-lru", 4},  {"allkeys-lfu", 5},    {"allkeys-random", 6},  {"noeviction", 7}};
// "yes" and "relative" are one value: CONFIG GET prints the first name, "yes".
constexpr EnumName kOomScoreAdj[] = {{"no", 0}, {"yes", 1}, {"relative", 1}, {"absolute", 2}};
constexpr EnumName kPropagationError[] = {
    {"ignore", 0}, {"panic", 1}, {"panic-on-replicas", 2}};
constexpr EnumName kDisklessLoad[] = {{"disabled", 0}, {"on-empty-db", 1}, {"swapdb", 2}};
constexpr EnumName kSanitizePayload[] = {{"no", 0}, {"yes", 1}, {"clients", 2}};
// Bit flags (Kind::kFlags); "default" is no flag.
constexpr EnumName kShutdownFlags[] = {
    {"default", 0}, {"save", 1}, {"nosave", 2}, {"now", 4}, {"force", 8}};
constexpr EnumName kSupervised[] = {{"upstart", 1}, {"systemd", 2}, {"auto", 3}, {"no", 0}};
constexpr EnumName kSyslogFacility[] = {
    {"user", 0},   {"local0", 1}, {"local1", 2}, {"local2", 3}, {"local3", 4},
    {"local4", 5}, {"local5", 6}, {"local6", 7}, {"local7", 8}};
constexpr EnumName kTlsAuthClients[] = {{"no", 0}, {"yes", 1}, {"optional", 2}};

constexpr uint8_t kImm = kImmutable;

// Built-in defaults as `redis-server` with no arguments reports them (port 6379, save with
// its three default points, appendonly no, enable-debug-command no). dir's default is the
// working directory, filled in by the registry.
constexpr ParamSpec kParams[] = {
    enumerated("acl-pubsub-default", "resetchannels", kAclPubsubDefault),
    string("aclfile").with_flags(kImm),
    integer("acllog-max-len", "128", 0, kLongMax),
    integer("active-defrag-cycle-max", "25", 1, 99),
    integer("active-defrag-cycle-min", "1", 1, 99),
    memory("active-defrag-ignore-bytes", "104857600", 1),
    integer("active-defrag-max-scan-fields", "1000", 1, kLongMax),
    integer("active-defrag-threshold-lower", "10", 0, 1000),
    integer("active-defrag-threshold-upper", "100", 0, 1000),
    integer("active-expire-effort", "1", 1, 10),
    boolean("activedefrag", "no").checked(Check::kActiveDefrag),
    boolean("activerehashing", "yes"),
    boolean("always-show-logo", "no").with_flags(kImm),
    boolean("aof-disable-auto-gc", "no"),
    boolean("aof-load-truncated", "yes"),
    boolean("aof-rewrite-incremental-fsync", "yes"),
    boolean("aof-timestamp-enabled", "no"),
    boolean("aof-use-rdb-preamble", "yes"),
    string("aof_rewrite_cpulist").with_flags(kImm),
    string("appenddirname", "appendonlydir").with_flags(kImm),
    string("appendfilename", "appendonly.aof").with_flags(kImm),
    enumerated("appendfsync", "everysec", kAppendFsync),
    boolean("appendonly", "no"),
    memory("auto-aof-rewrite-min-size", "67108864"),
    integer("auto-aof-rewrite-percentage", "100", 0, kIntMax),
    string("bgsave_cpulist").with_flags(kImm),
    special("bind", Kind::kBind, "* -::*"),
    string("bind-source-addr"),
    string("bio_cpulist").with_flags(kImm),
    integer("busy-reply-threshold", "5000", 0, kLongMax).with_alias("lua-time-limit"),
    special("client-output-buffer-limit", Kind::kOutputBufferLimit,
            "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60"),
    memory("client-query-buffer-limit", "1073741824", 1048576),
    boolean("cluster-allow-pubsubshard-when-down", "yes"),
    boolean("cluster-allow-reads-when-down", "no"),
    boolean("cluster-allow-replica-migration", "yes"),
    integer("cluster-announce-bus-port", "0", 0, 65535),
    string("cluster-announce-hostname"),
    string("cluster-announce-ip"),
    integer("cluster-announce-port", "0", 0, 65535),
    integer("cluster-announce-tls-port", "0", 0, 65535),
    string("cluster-config-file", "nodes.conf").with_flags(kImm),
    boolean("cluster-enabled", "no").with_flags(kImm),
    memory("cluster-link-sendbuf-limit", "0").with_flags(kUnsigned),
    integer("cluster-migration-barrier", "1", 0, kIntMax),
    integer("cluster-node-timeout", "15000", 0, kLongMax),
    integer("cluster-port", "0", 0, 65535).with_flags(kImm),
    enumerated("cluster-preferred-endpoint-type", "ip", kEndpointType),
    boolean("cluster-replica-no-failover", "no").with_alias("cluster-slave-no-failover"),
    integer("cluster-replica-validity-factor", "10", 0, kIntMax)
        .with_alias("cluster-slave-validity-factor"),
    boolean("cluster-require-full-coverage", "yes"),
    boolean("crash-log-enabled", "yes"),
    boolean("crash-memcheck-enabled", "yes"),
    boolean("daemonize", "no").with_flags(kImm),
    integer("databases", "16", 1, kIntMax).with_flags(kImm).bound_to(Bind::kDatabases),
    string("dbfilename", "dump.rdb").with_flags(kProtected),
    special("dir", Kind::kDir, "").with_flags(kProtected),
    boolean("disable-thp", "yes").with_flags(kImm),
    boolean("dynamic-hz", "yes"),
    enumerated("enable-debug-command", "no", kProtectedConfig).with_flags(kImm),
    enumerated("enable-module-command", "no", kProtectedConfig).with_flags(kImm),
    enumerated("enable-protected-configs", "no", kProtectedConfig).with_flags(kImm),
    integer("hash-max-listpack-entries", "512", 0, kLongMax)
        .with_alias("hash-max-ziplist-entries")
        .bound_to(Bind::kHashMaxListpackEntries),
    memory("hash-max-listpack-value", "64")
        .with_alias("hash-max-ziplist-value")
        .bound_to(Bind::kHashMaxListpackValue),
    memory("hll-sparse-max-bytes", "3000"),
    integer("hz", "10", 0, kIntMax).bound_to(Bind::kHz).checked(Check::kClampHz),
    string("ignore-warnings"),
    integer("io-threads", "1", 1, 128).with_flags(kImm),
    boolean("io-threads-do-reads", "no").with_flags(kImm),
    boolean("jemalloc-bg-thread", "yes"),
    integer("key-load-delay", "0", kIntMin, kIntMax).with_flags(kHidden),
    integer("latency-monitor-threshold", "0", 0, kLongMax),
    boolean("latency-tracking", "yes"),
    special("latency-tracking-info-percentiles", Kind::kPercentiles, "50 99 99.9"),
    boolean("lazyfree-lazy-eviction", "no"),
    boolean("lazyfree-lazy-expire", "no"),
    boolean("lazyfree-lazy-server-del", "no"),
    boolean("lazyfree-lazy-user-del", "no"),
    boolean("lazyfree-lazy-user-flush", "no"),
    integer("lfu-decay-time", "1", 0, kIntMax).bound_to(Bind::kLfuDecayTime),
    integer("lfu-log-factor", "10", 0, kIntMax).bound_to(Bind::kLfuLogFactor),
    integer("list-compress-depth", "0", 0, kIntMax).bound_to(Bind::kListCompressDepth),
    integer("list-max-listpack-size", "-2", kIntMin, kIntMax)
        .with_alias("list-max-ziplist-size")
        .bound_to(Bind::kListMaxListpackSize),
    integer("loading-process-events-interval-bytes", "2097152", 1024, kIntMax)
        .with_flags(kHidden),
    string("logfile").with_flags(kImm),
    enumerated("loglevel", "notice", kLogLevel),
    boolean("lua-enable-deprecated-api", "no").with_flags(kImm | kHidden),
    string("masterauth"),
    string("masteruser"),
    integer("maxclients", "10000", 1, kUintMax),
    memory("maxmemory", "0").with_flags(kUnsigned).bound_to(Bind::kMaxMemory),
    special("maxmemory-clients", Kind::kMemoryOrPercent, "0"),
    integer("maxmemory-eviction-tenacity", "10", 0, 100)
        .bound_to(Bind::kMaxMemoryEvictionTenacity),
    enumerated("maxmemory-policy", "noeviction", kMaxMemoryPolicy)
        .bound_to(Bind::kMaxMemoryPolicy),
    integer("maxmemory-samples", "5", 1, kIntMax).bound_to(Bind::kMaxMemorySamples),
    integer("min-replicas-max-lag", "10", 0, kIntMax).with_alias("min-slaves-max-lag"),
    integer("min-replicas-to-write", "0", 0, kIntMax).with_alias("min-slaves-to-write"),
    boolean("no-appendfsync-on-rewrite", "no"),
    special("notify-keyspace-events", Kind::kKeyspaceEvents, "")
        .bound_to(Bind::kNotifyKeyspaceEvents),
    enumerated("oom-score-adj", "no", kOomScoreAdj),
    special("oom-score-adj-values", Kind::kOomScoreAdjValues, "0 200 800"),
    string("pidfile").with_flags(kImm),
    integer("port", "6379", 0, 65535),
    string("proc-title-template", "{title} {listen-addr} {server-mode}")
        .checked(Check::kProcTitle),
    enumerated("propagation-error-behavior", "ignore", kPropagationError),
    boolean("protected-mode", "yes"),
    memory("proto-max-bulk-len", "536870912", 1048576),
    boolean("rdb-del-sync-files", "no"),
    integer("rdb-key-save-delay", "0", kIntMin, kIntMax).with_flags(kHidden),
    boolean("rdb-save-incremental-fsync", "yes"),
    boolean("rdbchecksum", "yes").with_flags(kImm),
    boolean("rdbcompression", "yes"),
    memory("repl-backlog-size", "1048576", 1),
    integer("repl-backlog-ttl", "3600", 0, kLongMax),
    boolean("repl-disable-tcp-nodelay", "no"),
    enumerated("repl-diskless-load", "disabled", kDisklessLoad),
    boolean("repl-diskless-sync", "yes"),
    integer("repl-diskless-sync-delay", "5", 0, kIntMax),
    integer("repl-diskless-sync-max-replicas", "0", 0, kIntMax),
    integer("repl-ping-replica-period", "10", 1, kIntMax).with_alias("repl-ping-slave-period"),
    integer("repl-timeout", "60", 1, kIntMax),
    string("replica-announce-ip").with_alias("slave-announce-ip"),
    integer("replica-announce-port", "0", 0, 65535).with_alias("slave-announce-port"),
    boolean("replica-announced", "yes"),
    boolean("replica-ignore-disk-write-errors", "no"),
    boolean("replica-ignore-maxmemory", "yes").with_alias("slave-ignore-maxmemory"),
    boolean("replica-lazy-flush", "no").with_alias("slave-lazy-flush"),
    integer("replica-priority", "100", 0, kIntMax).with_alias("slave-priority"),
    boolean("replica-read-only", "yes").with_alias("slave-read-only"),
    boolean("replica-serve-stale-data", "yes").with_alias("slave-serve-stale-data"),
    special("replicaof", Kind::kReplicaOf, "").with_alias("slaveof").with_flags(kImm),
    string("requirepass"),
    enumerated("sanitize-dump-payload", "no", kSanitizePayload),
    special("save", Kind::kSave, "3600 1 300 100 60 10000"),
    string("server_cpulist").with_flags(kImm),
    integer("set-max-intset-entries", "512", 0, kLongMax).bound_to(Bind::kSetMaxIntsetEntries),
    boolean("set-proc-title", "yes").with_flags(kImm),
    ParamSpec{.name = "shutdown-on-sigint", .kind = Kind::kFlags, .default_value = "default",
              .names = kShutdownFlags, .check = Check::kShutdownFlags},
    ParamSpec{.name = "shutdown-on-sigterm", .kind = Kind::kFlags, .default_value = "default",
              .names = kShutdownFlags, .check = Check::kShutdownFlags},
    integer("shutdown-timeout", "10", 0, kIntMax),
    integer("slowlog-log-slower-than", "10000", -1, kLongMax)
        .bound_to(Bind::kSlowlogLogSlowerThan),
    integer("slowlog-max-len", "128", 0, kLongMax).bound_to(Bind::kSlowlogMaxLen),
    integer("socket-mark-id", "0", 0, kUintMax).with_flags(kImm),
    boolean("stop-writes-on-bgsave-error", "yes"),
    memory("stream-node-max-bytes", "4096"),
    integer("stream-node-max-entries", "100", 0, kLongMax),
    enumerated("supervised", "no", kSupervised).with_flags(kImm),
    boolean("syslog-enabled", "no").with_flags(kImm),
    enumerated("syslog-facility", "local0", kSyslogFacility).with_flags(kImm),
    string("syslog-ident", "redis").with_flags(kImm),
    integer("tcp-backlog", "511", 0, kIntMax).with_flags(kImm),
    integer("tcp-keepalive", "300", 0, kIntMax),
    integer("timeout", "0", 0, kIntMax),
    enumerated("tls-auth-clients", "yes", kTlsAuthClients),
    string("tls-ca-cert-dir"),
    string("tls-ca-cert-file"),
    string("tls-cert-file"),
    string("tls-ciphers"),
    string("tls-ciphersuites"),
    string("tls-client-cert-file"),
    string("tls-client-key-file"),
    string("tls-client-key-file-pass"),
    boolean("tls-cluster", "no"),
    string("tls-dh-params-file"),
    string("tls-key-file"),
    string("tls-key-file-pass"),
    integer("tls-port", "0", 0, 65535),
    boolean("tls-prefer-server-ciphers", "no"),
    string("tls-protocols"),
    boolean("tls-replication", "no"),
    integer("tls-session-cache-size", "20480", 0, kIntMax),
    integer("tls-session-cache-timeout", "300", 0, kIntMax),
    boolean("tls-session-caching", "yes"),
    integer("tracking-table-max-keys", "1000000", 0, kLongMax),
    string("unixsocket").with_flags(kImm),
    special("unixsocketperm", Kind::kOctal, "0").with_flags(kImm),
    boolean("use-exit-on-panic", "no").with_flags(kHidden),
    integer("watchdog-period", "0", 0, kIntMax).with_flags(kHidden),
    integer("zset-max-listpack-entries", "128", 0, kLongMax)
        .with_alias("zset-max-ziplist-entries")
        .bound_to(Bind::kZsetMaxListpackEntries),
    memory("zset-max-listpack-value", "64")
        .with_alias("zset-max-ziplist-value")
        .bound_to(Bind::kZsetMaxListpackValue),
};

unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

struct NameIndex {
  std::vector<ParamName> in_table_order;
  std::vector<ParamName> sorted;  // by name, for find_param
};

const NameIndex& name_index() {
  static const NameIndex* index = [] {
    auto* idx = new NameIndex();
    for (size_t i = 0; i < std::size(kParams); ++i) {
      idx->in_table_order.push_back({kParams[i].name, i, false});
      if (!kParams[i].alias.empty()) idx->in_table_order.push_back({kParams[i].alias, i, true});
    }
    idx->sorted = idx->in_table_order;
    std::sort(idx->sorted.begin(), idx->sorted.end(),
              [](const ParamName& a, const ParamName& b) { return a.name < b.name; });
    return idx;
  }();
  return *index;
}

}  // namespace

std::span<const ParamSpec> params() { return kParams; }

std::span<const ParamName> all_names() { return name_index().in_table_order; }

std::optional<size_t> find_param(std::string_view name) {
  // Every table name is lowercase ASCII, so a lowercased copy finds any spelling.
  if (name.size() > 64) return std::nullopt;
  std::string key(name);
  for (char& c : key) c = static_cast<char>(lower(static_cast<unsigned char>(c)));
  const auto& sorted = name_index().sorted;
  auto it = std::lower_bound(sorted.begin(), sorted.end(), key,
                             [](const ParamName& p, const std::string& k) { return p.name < k; });
  if (it == sorted.end() || it->name != key) return std::nullopt;
  return it->index;
}

std::span<const EnumName> maxmemory_policy_names() { return kMaxMemoryPolicy; }

}  // namespace kevy::config
