// MEMORY USAGE / STATS / DOCTOR / MALLOC-STATS / PURGE / HELP. Arities, flags, error texts,
// reply shapes and key orders are redis-server 7.0.15's (memory_cmds_test.cc holds its replies);
// the byte counts are kevy's model (commands/memory_figures.h), not Redis's.
#include "commands/memory_cmds.h"

#include <string>
#include <vector>

#include "commands/args.h"
#include "commands/command_table.h"
#include "commands/memory_figures.h"
#include "core/heap.h"
#include "types/memory_usage.h"

namespace kevy {

std::optional<size_t> key_memory_usage(Keyspace& ks, int db, std::string_view key) {
  if (db < 0 || db >= ks.num_dbs()) return std::nullopt;
  const Db& d = ks.db(db);
  const Entry* e = d.main.find(key);
  if (e == nullptr) return std::nullopt;
  size_t bytes = entry_memory_bytes(*e);
  // The key's share of its table slots: the table's slot bytes over its keys, i.e. 8 bytes
  // divided by the load factor (Redis's MEMORY USAGE leaves its dict buckets out; kevy
  // counts them, as they grow with the keys). The same for a TTL's expires entry.
  bytes += d.main.memory_bytes() / d.main.size();
  if (e->has_expire()) {
    if (const Entry* when = d.expires.find(key); when != nullptr) {
      bytes += heap_bytes(when->alloc_size()) + d.expires.memory_bytes() / d.expires.size();
    }
  }
  return bytes;
}

namespace {

// MEMORY USAGE key [SAMPLES count]: the options are read first (so a bad one is an error even
// for a missing key), each SAMPLES needing a following argument, an integer (else "not an
// integer"), not negative (else a syntax error); anything else is a syntax error. Redis samples
// that many elements of a collection (default 5, 0 = all) and extrapolates; kevy's per-type
// sizes are exact and O(1), so the count is validated as Redis does and does not change the
// result (every answer is the "SAMPLES 0" one).
Reply memory_usage_command(CommandContext& ctx, Args argv) {
  for (size_t j = 3; j < argv.size(); j += 2) {
    if (!eq_ci(argv[j], "samples") || j + 1 >= argv.size()) return syntax_error();
    Reply error;
    const std::optional<int64_t> samples = int_arg(argv[j + 1], &error);
    if (!samples) return error;
    if (*samples < 0) return syntax_error();
  }
  const std::optional<size_t> bytes = key_memory_usage(ctx.ks, ctx.db(), argv[2]);
  return bytes ? Reply::integer(static_cast<int64_t>(*bytes)) : Reply::null();
}

Reply u64(uint64_t v) { return Reply::integer(static_cast<int64_t>(v)); }

// MEMORY STATS: a map (RESP2: flat array) of 27 fields plus one "db.N" map per non-empty db,
// in Redis's order. Replication, client, cluster, AOF-buffer, Lua and function memory are not
// part of kevy's model and are 0.
Reply memory_stats_command(CommandContext& ctx, Args) {
  const MemoryFigures m = memory_figures(ctx.ks);
  std::vector<Reply> f;
  f.reserve(2 * (27 + m.dbs.size()));
  auto field = [&f](std::string_view name, Reply value) {
    f.push_back(Reply::bulk(name));
    f.push_back(std::move(value));
  };
  field("peak.allocated", u64(m.peak));
  field("total.allocated", u64(m.used));
  field("startup.allocated", u64(m.startup));
  field("replication.backlog", u64(0));
  field("clients.slaves", u64(0));
  field("clients.normal", u64(0));
  field("cluster.links", u64(0));
  field("aof.buffer", u64(0));
  field("lua.caches", u64(0));
  field("functions.caches", u64(0));
  for (const DbOverhead& d : m.dbs) {
    field("db." + std::to_string(d.db),
          Reply::map({Reply::bulk("overhead.hashtable.main"), u64(d.main),
                      Reply::bulk("overhead.hashtable.expires"), u64(d.expires),
                      Reply::bulk("overhead.hashtable.slot-to-keys"), u64(0)}));
  }
  field("overhead.total", u64(m.overhead));
  field("keys.count", u64(m.keys));
  field("keys.bytes-per-key", u64(m.bytes_per_key()));
  field("dataset.bytes", u64(m.dataset));
  field("dataset.percentage", Reply::dbl(m.dataset_perc()));
  field("peak.percentage", Reply::dbl(m.peak_perc()));
  field("allocator.allocated", u64(m.allocator_allocated));
  field("allocator.active", u64(m.allocator_active));
  field("allocator.resident", u64(m.allocator_resident));
  field("allocator-fragmentation.ratio", Reply::dbl(m.allocator_frag()));
  field("allocator-fragmentation.bytes", Reply::integer(m.allocator_frag_bytes()));
  field("allocator-rss.ratio", Reply::dbl(m.allocator_rss()));
  field("allocator-rss.bytes", Reply::integer(m.allocator_rss_bytes()));
  field("rss-overhead.ratio", Reply::dbl(m.rss_extra()));
  field("rss-overhead.bytes", Reply::integer(m.rss_extra_bytes()));
  field("fragmentation", Reply::dbl(m.frag()));
  field("fragmentation.bytes", Reply::integer(m.frag_bytes()));
  return Reply::map(std::move(f));
}

// A verbatim "txt" reply (RESP2: a bulk string), as Redis sends it.
Reply memory_doctor_command(CommandContext& ctx, Args) {
  return Reply::verbatim("txt", memory_doctor_report(memory_figures(ctx.ks)));
}

// Redis built without jemalloc answers this bulk string; kevy has no allocator statistics
// either (INFO's mem_allocator is libc).
Reply memory_malloc_stats_command(CommandContext&, Args) {
  return Reply::bulk("Stats not supported for the current allocator");
}

// Nothing to purge: Redis without jemalloc replies OK as well.
Reply memory_purge_command(CommandContext&, Args) { return Reply::ok(); }

Reply memory_help_command(CommandContext&, Args) {
  static constexpr std::string_view kLines[] = {
      "MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
      "DOCTOR",
      "    Return memory problems reports.",
      "MALLOC-STATS",
      "    Return internal statistics report from the memory allocator.",
      "PURGE",
      "    Attempt to purge dirty pages for reclamation by the allocator.",
      "STATS",
      "    Return information about the memory usage of the server.",
      "USAGE <key> [SAMPLES <count>]",
      "    Return memory in bytes used by <key> and its value. Nested values are",
      "    sampled up to <count> times (default: 5, 0 means sample all).",
      "HELP",
      "    Prints this help.",
  };
  return help_reply(kLines);
}

std::vector<CommandSpec> memory_subcommands() {
  auto plain = [](std::string_view name, Handler h, uint32_t flags = 0) {
    return CommandSpec{.name = name,
                       .arity = 2,
                       .flags = flags,
                       .handler = h,
                       .since = "4.0.0",
                       .group = "server"};
  };
  return {
      {.name = "usage",
       .arity = -3,
       .flags = kCmdReadonly,
       .first_key = 2,
       .last_key = 2,
       .key_step = 1,
       .handler = memory_usage_command,
       .since = "4.0.0",
       .group = "server"},
      plain("stats", memory_stats_command),
      plain("doctor", memory_doctor_command),
      plain("malloc-stats", memory_malloc_stats_command),
      plain("purge", memory_purge_command),
      plain("help", memory_help_command, kCmdLoading | kCmdStale),
  };
}

}  // namespace

void register_memory_commands(CommandTable& t) {
  t.add({.name = "memory",
         .arity = -2,
         .since = "4.0.0",
         .group = "server",
         .subcommands = memory_subcommands()});
}

}  // namespace kevy
