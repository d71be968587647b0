// Lookup over the generated metadata (command_metadata_data.cc).
#include "commands/command_metadata.h"

#include <algorithm>

namespace kevy {

const CommandMeta* find_command_meta(std::string_view full_name) {
  const std::span<const CommandMeta* const> all = all_command_meta();
  auto it = std::lower_bound(all.begin(), all.end(), full_name,
                             [](const CommandMeta* m, std::string_view n) { return m->name < n; });
  return it != all.end() && (*it)->name == full_name ? *it : nullptr;
}

}  // namespace kevy
