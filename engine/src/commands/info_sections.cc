#include "commands/info_sections.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <set>

#include "clients/clients.h"
#include "commands/args.h"
#include "commands/client_host.h"
#include "commands/command_stats.h"
#include "commands/memory_figures.h"
#include "core/keyspace.h"
#include "core/process_info.h"

namespace kevy {
namespace {

// Builds the reply: sections separated by a blank line, every line ending in \r\n.
class InfoWriter {
 public:
  void section(std::string_view name) {
    if (sections_++ > 0) out_ += "\r\n";
    out_ += "# ";
    out_ += name;
    out_ += "\r\n";
  }
  void field(std::string_view name, std::string_view value) {
    out_ += name;
    out_ += ':';
    out_ += value;
    out_ += "\r\n";
  }
  void field(std::string_view name, const char* value) { field(name, std::string_view(value)); }
  void field(std::string_view name, const std::string& value) {
    field(name, std::string_view(value));
  }
  template <typename Int>
    requires std::is_integral_v<Int>
  void field(std::string_view name, Int value) {
    field(name, std::string_view(std::to_string(value)));
  }
  // printf-formatted value (doubles: "%.2f", "%.6f", ...).
  void fieldf(std::string_view name, const char* format, double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, value);
    field(name, std::string_view(buf));
  }
  void line(std::string_view text) {
    out_ += text;
    out_ += "\r\n";
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  int sections_ = 0;
};

// Which sections INFO's arguments select (Redis 7.0's rules: "default" when there are none;
// "all" and "everything" select every section).
class Selection {
 public:
  explicit Selection(Args args) {
    if (args.empty()) {
      add_default();
      return;
    }
    for (std::string_view a : args) {
      std::string name = to_lower(a);
      if (name == "all" || name == "everything") {
        all_ = true;
      } else if (name == "default") {
        add_default();
      } else {
        names_.insert(std::move(name));
      }
    }
  }
  bool has(std::string_view name) const { return all_ || names_.count(std::string(name)) != 0; }

 private:
  void add_default() {
    for (const char* n : {"server", "clients", "memory", "persistence", "stats", "replication",
                          "cpu", "modules", "errorstats", "cluster", "keyspace"}) {
      names_.insert(n);
    }
  }
  static std::string to_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return out;
  }

  bool all_ = false;
  std::set<std::string> names_;
};

// The host's numbers, or an embedded store's: one client (the caller), no network.
// Blocked clients are counted from the store's registry, which also holds embedded callers.
HostStats host_stats(const CommandContext& ctx) {
  HostStats s;
  if (ctx.session.host != nullptr) {
    s = ctx.session.host->stats();
  } else {
    s.connected_clients = 1;
  }
  const BlockedClients& blocked = ctx.ks.clients().blocked;
  s.blocked_clients = static_cast<int64_t>(blocked.size());
  s.clients_in_timeout_table = static_cast<int64_t>(blocked.with_timeout());
  return s;
}

const char* policy_name(EvictionPolicy p) {
  switch (p) {
    case EvictionPolicy::kAllKeysLru: return "allkeys-lru";
    case EvictionPolicy::kAllKeysLfu: return "allkeys-lfu";
    case EvictionPolicy::kAllKeysRandom: return "allkeys-random";
    case EvictionPolicy::kVolatileLru: return "volatile-lru";
    case EvictionPolicy::kVolatileLfu: return "volatile-lfu";
    case EvictionPolicy::kVolatileRandom: return "volatile-random";
    case EvictionPolicy::kVolatileTtl: return "volatile-ttl";
    case EvictionPolicy::kNoEviction: break;
  }
  return "noeviction";
}

std::string compiler_version() {
#if defined(__GNUC__)
  return std::to_string(__GNUC__) + "." + std::to_string(__GNUC_MINOR__) + "." +
         std::to_string(__GNUC_PATCHLEVEL__);
#else
  return "0.0.0";
#endif
}

void server_section(InfoWriter& w, CommandContext& ctx, const HostStats& hs) {
  Keyspace& ks = ctx.ks;
  const int64_t now_us = ks.clock().now_us();
  const int64_t uptime_s = std::max<int64_t>(0, (now_us / 1000 - ks.instance().start_ms) / 1000);
  static const std::string os = os_description();
  static const int64_t pid = process_id();
  w.section("Server");
  w.field("redis_version", "7.0.15");  // clients check this to pick features
  w.field("redis_git_sha1", "00000000");
  w.field("redis_git_dirty", 0);
  w.field("redis_build_id", "0");
  w.field("redis_mode", "standalone");
  w.field("os", os);
  w.field("arch_bits", static_cast<int>(sizeof(void*) * 8));
  w.field("monotonic_clock", "POSIX clock_gettime");  // std::chrono::steady_clock
  w.field("multiplexing_api", "epoll");
  w.field("atomicvar_api", "c11-builtin");
  w.field("gcc_version", compiler_version());
  w.field("process_id", pid);
  w.field("process_supervised", "no");
  w.field("run_id", ks.instance().stats.run_id());
  w.field("tcp_port", hs.tcp_port);
  w.field("server_time_usec", now_us);
  w.field("uptime_in_seconds", uptime_s);
  w.field("uptime_in_days", uptime_s / 86400);
  w.field("hz", ks.options().hz);
  w.field("configured_hz", ks.options().hz);
  w.field("lru_clock", ks.lru_clock());
  w.field("executable", hs.executable.empty() ? executable_path() : hs.executable);
  w.field("config_file", hs.config_file);
  w.field("io_threads_active", 0);
}

void clients_section(InfoWriter& w, const HostStats& hs) {
  w.section("Clients");
  w.field("connected_clients", hs.connected_clients);
  w.field("cluster_connections", 0);
  w.field("maxclients", hs.maxclients);
  w.field("client_recent_max_input_buffer", hs.client_recent_max_input_buffer);
  w.field("client_recent_max_output_buffer", hs.client_recent_max_output_buffer);
  w.field("blocked_clients", hs.blocked_clients);
  w.field("tracking_clients", 0);
  w.field("clients_in_timeout_table", hs.clients_in_timeout_table);
}

// The figures MEMORY STATS reports too (commands/memory_figures.h): kevy's heap model, the
// allocator_* fields repeating it (so their ratios are 1), RSS the whole process's.
void memory_section(InfoWriter& w, CommandContext& ctx) {
  Keyspace& ks = ctx.ks;
  const MemoryFigures m = memory_figures(ks);
  const uint64_t total_mem = total_system_memory_bytes();
  const uint64_t max_memory = ks.options().max_memory;
  w.section("Memory");
  w.field("used_memory", m.used);
  w.field("used_memory_human", bytes_to_human(m.used));
  w.field("used_memory_rss", m.rss);
  w.field("used_memory_rss_human", bytes_to_human(m.rss));
  w.field("used_memory_peak", m.peak);
  w.field("used_memory_peak_human", bytes_to_human(m.peak));
  w.fieldf("used_memory_peak_perc", "%.2f%%", m.peak_perc());
  w.field("used_memory_overhead", m.overhead);
  w.field("used_memory_startup", m.startup);
  w.field("used_memory_dataset", m.dataset);
  w.fieldf("used_memory_dataset_perc", "%.2f%%", m.dataset_perc());
  w.field("allocator_allocated", m.allocator_allocated);
  w.field("allocator_active", m.allocator_active);
  w.field("allocator_resident", m.allocator_resident);
  w.field("total_system_memory", total_mem);
  w.field("total_system_memory_human", bytes_to_human(total_mem));
  // No scripting engine, so nothing for Lua, scripts or functions.
  w.field("used_memory_lua", 0);
  w.field("used_memory_vm_eval", 0);
  w.field("used_memory_lua_human", "0B");
  w.field("used_memory_scripts_eval", 0);
  w.field("number_of_cached_scripts", 0);
  w.field("number_of_functions", 0);
  w.field("number_of_libraries", 0);
  w.field("used_memory_vm_functions", 0);
  w.field("used_memory_vm_total", 0);
  w.field("used_memory_vm_total_human", "0B");
  w.field("used_memory_functions", 0);
  w.field("used_memory_scripts", 0);
  w.field("used_memory_scripts_human", "0B");
  w.field("maxmemory", max_memory);
  w.field("maxmemory_human", bytes_to_human(max_memory));
  w.field("maxmemory_policy", policy_name(ks.options().eviction_policy));
  w.fieldf("allocator_frag_ratio", "%.2f", m.allocator_frag());
  w.field("allocator_frag_bytes", m.allocator_frag_bytes());
  w.fieldf("allocator_rss_ratio", "%.2f", m.allocator_rss());
  w.field("allocator_rss_bytes", m.allocator_rss_bytes());
  w.fieldf("rss_overhead_ratio", "%.2f", m.rss_extra());
  w.field("rss_overhead_bytes", m.rss_extra_bytes());
  w.fieldf("mem_fragmentation_ratio", "%.2f", m.frag());
  w.field("mem_fragmentation_bytes", m.frag_bytes());
  w.field("mem_not_counted_for_evict", 0);
  w.field("mem_replication_backlog", 0);
  w.field("mem_total_replication_buffers", 0);
  w.field("mem_clients_slaves", 0);
  w.field("mem_clients_normal", 0);
  w.field("mem_cluster_links", 0);
  w.field("mem_aof_buffer", 0);
  w.field("mem_allocator", kMemAllocatorName);
  w.field("active_defrag_running", 0);
  w.field("lazyfree_pending_objects", 0);
  w.field("lazyfreed_objects", 0);
}

void persistence_section(InfoWriter& w, CommandContext& ctx) {
  Keyspace& ks = ctx.ks;
  w.section("Persistence");
  w.field("loading", ks.loading() ? 1 : 0);
  w.field("async_loading", 0);
  w.field("current_cow_peak", 0);
  w.field("current_cow_size", 0);
  w.field("current_cow_size_age", 0);
  w.field("current_fork_perc", "0.00");
  w.field("current_save_keys_processed", 0);
  w.field("current_save_keys_total", 0);
  const SnapshotState& snap = ks.instance().snapshot;  // persist/snapshot_state.h
  w.field("rdb_changes_since_last_save", ks.instance().stats.dirty());
  w.field("rdb_bgsave_in_progress", snap.writer.busy() ? 1 : 0);
  w.field("rdb_last_save_time", ks.instance().lastsave_s);
  w.field("rdb_last_bgsave_status", snap.last_bgsave_ok ? "ok" : "err");
  w.field("rdb_last_bgsave_time_sec", snap.last_bgsave_time_sec);
  w.field("rdb_current_bgsave_time_sec",
          snap.writer.busy() ? (ks.now_ms() - snap.bgsave_start_ms) / 1000 : int64_t{-1});
  w.field("rdb_saves", snap.rdb_saves);
  w.field("rdb_last_cow_size", 0);
  w.field("rdb_last_load_keys_expired", snap.last_load_keys_expired);
  w.field("rdb_last_load_keys_loaded", snap.last_load_keys_loaded);
  const AofState& aof = ks.instance().aof;  // persist/aof_state.h
  w.field("aof_enabled", aof.on ? 1 : 0);
  w.field("aof_rewrite_in_progress", aof.rewrite_writer.busy() ? 1 : 0);
  w.field("aof_rewrite_scheduled", 0);
  w.field("aof_last_rewrite_time_sec", aof.last_rewrite_time_sec);
  w.field("aof_current_rewrite_time_sec",
          aof.rewrite_writer.busy() ? (ks.now_ms() - aof.rewrite_start_ms) / 1000 : int64_t{-1});
  w.field("aof_last_bgrewrite_status", aof.last_rewrite_ok ? "ok" : "err");
  w.field("aof_rewrites", aof.rewrites);
  w.field("aof_rewrites_consecutive_failures", aof.rewrites_consecutive_failures);
  w.field("aof_last_write_status", aof.last_write_ok ? "ok" : "err");
  w.field("aof_last_cow_size", 0);
  if (aof.on) {
    // Only while the AOF is on, as Redis prints them.
    w.field("aof_current_size", aof.current_size);
    w.field("aof_base_size", aof.base_size);
    w.field("aof_pending_rewrite", 0);
    w.field("aof_buffer_length", aof.retry.size());
    w.field("aof_pending_bio_fsync", 0);
    w.field("aof_delayed_fsync", 0);
  }
  w.field("module_fork_in_progress", 0);
  w.field("module_fork_last_cow_size", 0);
}

void stats_section(InfoWriter& w, CommandContext& ctx, const HostStats& hs) {
  Keyspace& ks = ctx.ks;
  ServerStats& st = ks.instance().stats;
  const KeyspaceStats& kst = ks.stats();
  w.section("Stats");
  w.field("total_connections_received", hs.total_connections_received);
  w.field("total_commands_processed", st.total_commands_processed());
  w.field("instantaneous_ops_per_sec", static_cast<int64_t>(st.ops_rate().per_second()));
  w.field("total_net_input_bytes", hs.total_net_input_bytes);
  w.field("total_net_output_bytes", hs.total_net_output_bytes);
  w.field("total_net_repl_input_bytes", 0);
  w.field("total_net_repl_output_bytes", 0);
  w.fieldf("instantaneous_input_kbps", "%.2f", st.net_input_rate().per_second() / 1024);
  w.fieldf("instantaneous_output_kbps", "%.2f", st.net_output_rate().per_second() / 1024);
  w.field("instantaneous_input_repl_kbps", "0.00");
  w.field("instantaneous_output_repl_kbps", "0.00");
  w.field("rejected_connections", hs.rejected_connections);
  w.field("sync_full", 0);
  w.field("sync_partial_ok", 0);
  w.field("sync_partial_err", 0);
  w.field("expired_keys", kst.expired_keys);
  w.fieldf("expired_stale_perc", "%.2f", kst.expired_stale_perc);
  w.field("expired_time_cap_reached_count", kst.expired_time_cap_reached_count);
  w.field("expire_cycle_cpu_milliseconds", kst.expire_cycle_time_used_us / 1000);
  w.field("evicted_keys", kst.evicted_keys);
  w.field("evicted_clients", 0);
  // Milliseconds used memory has stayed over maxmemory: the current stretch and all of them.
  const uint64_t exceeded_us =
      kst.eviction_exceeded_since_us == 0
          ? 0
          : static_cast<uint64_t>(ks.now_us() - kst.eviction_exceeded_since_us);
  w.field("total_eviction_exceeded_time", (kst.eviction_exceeded_total_us + exceeded_us) / 1000);
  w.field("current_eviction_exceeded_time", exceeded_us / 1000);
  w.field("keyspace_hits", kst.keyspace_hits);
  w.field("keyspace_misses", kst.keyspace_misses);
  const PubSub& pubsub = ks.clients().pubsub;
  w.field("pubsub_channels", pubsub.channel_count());
  w.field("pubsub_patterns", pubsub.pattern_count());
  w.field("pubsubshard_channels", pubsub.shard_channel_count());
  w.field("latest_fork_usec", 0);
  w.field("total_forks", 0);
  w.field("migrate_cached_sockets", 0);
  w.field("slave_expires_tracked_keys", 0);
  w.field("active_defrag_hits", 0);
  w.field("active_defrag_misses", 0);
  w.field("active_defrag_key_hits", 0);
  w.field("active_defrag_key_misses", 0);
  w.field("total_active_defrag_time", 0);
  w.field("current_active_defrag_time", 0);
  w.field("tracking_total_keys", 0);
  w.field("tracking_total_items", 0);
  w.field("tracking_total_prefixes", 0);
  w.field("unexpected_error_replies", 0);
  w.field("total_error_replies", st.total_error_replies());
  w.field("dump_payload_sanitizations", 0);
  w.field("total_reads_processed", 0);
  w.field("total_writes_processed", 0);
  w.field("io_threaded_reads_processed", 0);
  w.field("io_threaded_writes_processed", 0);
  w.field("reply_buffer_shrinks", 0);
  w.field("reply_buffer_expands", 0);
}

void replication_section(InfoWriter& w, CommandContext& ctx) {
  w.section("Replication");
  w.field("role", "master");
  w.field("connected_slaves", 0);
  w.field("master_failover_state", "no-failover");
  w.field("master_replid", ctx.ks.instance().stats.replid());
  w.field("master_replid2", std::string(40, '0'));
  w.field("master_repl_offset", 0);
  w.field("second_repl_offset", -1);
  w.field("repl_backlog_active", 0);
  w.field("repl_backlog_size", 1048576);
  w.field("repl_backlog_first_byte_offset", 0);
  w.field("repl_backlog_histlen", 0);
}

void cpu_section(InfoWriter& w) {
  const CpuTimes t = cpu_times();
  w.section("CPU");
  w.fieldf("used_cpu_sys", "%.6f", t.sys_s);
  w.fieldf("used_cpu_user", "%.6f", t.user_s);
  w.fieldf("used_cpu_sys_children", "%.6f", t.children_sys_s);
  w.fieldf("used_cpu_user_children", "%.6f", t.children_user_s);
  w.fieldf("used_cpu_sys_main_thread", "%.6f", t.thread_sys_s);
  w.fieldf("used_cpu_user_main_thread", "%.6f", t.thread_user_s);
}

void commandstats_section(InfoWriter& w, const ServerStats& st) {
  w.section("Commandstats");
  char buf[160];
  for (const CommandSpec* spec : stats_rows()) {
    const CommandStats* c = st.find(spec->stats_id);
    if (c == nullptr) continue;
    // Redis divides in float.
    const float per_call =
        c->calls == 0 ? 0.0f : static_cast<float>(c->usec) / static_cast<float>(c->calls);
    std::snprintf(buf, sizeof buf,
                  ":calls=%" PRIu64 ",usec=%" PRIu64 ",usec_per_call=%.2f,rejected_calls=%" PRIu64
                  ",failed_calls=%" PRIu64,
                  c->calls, c->usec, static_cast<double>(per_call), c->rejected_calls,
                  c->failed_calls);
    w.line("cmdstat_" + spec->full_name + buf);
  }
}

void errorstats_section(InfoWriter& w, const ServerStats& st) {
  w.section("Errorstats");
  for (const auto& [code, count] : st.error_counts()) {
    w.line("errorstat_" + code + ":count=" + std::to_string(count));
  }
}

void latencystats_section(InfoWriter& w, const ServerStats& st) {
  w.section("Latencystats");
  for (const CommandSpec* spec : stats_rows()) {
    const CommandStats* c = st.find(spec->stats_id);
    if (c == nullptr || c->latency.empty()) continue;
    std::string line = "latency_percentiles_usec_" + spec->full_name + ":";
    bool first = true;
    for (double p : st.info_percentiles()) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "=%.3f",
                    static_cast<double>(c->latency.value_at_percentile_ns(p)) / 1000.0);
      if (!first) line += ',';
      first = false;
      line += "p" + percentile_name(p) + buf;
    }
    w.line(line);
  }
}

void keyspace_section(InfoWriter& w, CommandContext& ctx) {
  w.section("Keyspace");
  for (int i = 0; i < ctx.ks.num_dbs(); ++i) {
    const Db& db = ctx.ks.db(i);
    if (db.main.empty()) continue;
    w.line("db" + std::to_string(i) + ":keys=" + std::to_string(db.main.size()) +
           ",expires=" + std::to_string(db.expires.size()) +
           ",avg_ttl=" + std::to_string(db.avg_ttl));
  }
}

}  // namespace

std::string bytes_to_human(uint64_t n) {
  static constexpr const char* kUnits[] = {"K", "M", "G", "T", "P"};
  if (n < 1024) return std::to_string(n) + "B";
  double scale = 1024;
  for (const char* unit : kUnits) {
    if (static_cast<double>(n) < scale * 1024) {
      char buf[48];
      std::snprintf(buf, sizeof buf, "%.2f%s", static_cast<double>(n) / scale, unit);
      return buf;
    }
    scale *= 1024;
  }
  return std::to_string(n) + "B";
}

std::string percentile_name(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%f", v);
  std::string s(buf);
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  return s;
}

const std::vector<const CommandSpec*>& stats_rows() {
  static const std::vector<const CommandSpec*> rows = [] {
    std::vector<const CommandSpec*> out;
    for (const CommandSpec* spec : CommandTable::instance().all()) {
      out.push_back(spec);
      for (const CommandSpec& sub : spec->subcommands) out.push_back(&sub);
    }
    std::sort(out.begin(), out.end(), [](const CommandSpec* a, const CommandSpec* b) {
      return a->full_name < b->full_name;
    });
    return out;
  }();
  return rows;
}

std::string info_text(CommandContext& ctx, Args sections) {
  const Selection sel(sections);
  // INFO is where an idle instance's rates decay, as Redis's cron samples while idle.
  sample_instantaneous_rates(ctx);
  const HostStats hs = host_stats(ctx);
  ServerStats& st = ctx.ks.instance().stats;
  InfoWriter w;
  if (sel.has("server")) server_section(w, ctx, hs);
  if (sel.has("clients")) clients_section(w, hs);
  if (sel.has("memory")) memory_section(w, ctx);
  if (sel.has("persistence")) persistence_section(w, ctx);
  if (sel.has("stats")) stats_section(w, ctx, hs);
  if (sel.has("replication")) replication_section(w, ctx);
  if (sel.has("cpu")) cpu_section(w);
  if (sel.has("modules")) w.section("Modules");
  if (sel.has("commandstats")) commandstats_section(w, st);
  if (sel.has("errorstats")) errorstats_section(w, st);
  if (sel.has("latencystats")) latencystats_section(w, st);
  if (sel.has("cluster")) {
    w.section("Cluster");
    w.field("cluster_enabled", 0);
  }
  if (sel.has("keyspace")) keyspace_section(w, ctx);
  return w.take();
}

}  // namespace kevy
