// info_sections: the text of INFO — redis-server 7.0.15's sections, field names and field order
// (checked against the oracle's `INFO everything` by info_cmds_test.cc), filled with kevy's
// values — plus the helpers SLOWLOG/LATENCY share with it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "commands/command_table.h"
#include "commands/context.h"

namespace kevy {

// The INFO reply text for INFO's arguments (section names, "all", "everything", "default", any
// case; none means "default"): the chosen sections in Redis's fixed order, each "# Name\r\n"
// plus "field:value\r\n" lines, separated by "\r\n". Unknown names select nothing.
std::string info_text(CommandContext& ctx, Args sections);

// Redis's bytesToHuman: "999B", "1.50K", "2.00M", ... "%.2f" with K M G T P.
std::string bytes_to_human(uint64_t bytes);

// What the keys take, in bytes, as INFO memory reports it. Exact (every entry measured with
// types/memory_usage.h's model) up to kExactKeys keys per table; above that an estimate from
// a sample of kSampleKeys keys (the first ones in hash order, i.e. a random sample) scaled to
// the table size, so INFO stays cheap on big keyspaces.
struct MemoryEstimate {
  static constexpr size_t kExactKeys = 100000;
  static constexpr size_t kSampleKeys = 4096;
  uint64_t startup = 0;   // the empty instance: its database array
  uint64_t overhead = 0;  // startup + hash table slots + expire-time entries
  uint64_t dataset = 0;   // keys and values
  uint64_t used() const { return overhead + dataset; }
};
MemoryEstimate estimate_memory(Keyspace& ks);

// Every row of the command table with its subcommands (containers before their subcommands),
// ordered by full name: the order INFO commandstats/latencystats and LATENCY HISTOGRAM list
// commands in (Redis lists them in its hash table's order, which varies between processes).
const std::vector<const CommandSpec*>& stats_rows();

// "%f" of v with trailing zeros and a trailing point removed (Redis's trimDoubleString), as
// INFO latencystats names a percentile: 50 -> "50", 99.9 -> "99.9".
std::string percentile_name(double v);

}  // namespace kevy
