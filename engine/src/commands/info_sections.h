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

// Every row of the command table with its subcommands (containers before their subcommands),
// ordered by full name: the order INFO commandstats/latencystats and LATENCY HISTOGRAM list
// commands in (Redis lists them in its hash table's order, which varies between processes).
const std::vector<const CommandSpec*>& stats_rows();

// "%f" of v with trailing zeros and a trailing point removed (Redis's trimDoubleString), as
// INFO latencystats names a percentile: 50 -> "50", 99.9 -> "99.9".
std::string percentile_name(double v);

}  // namespace kevy
