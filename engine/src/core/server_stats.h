// ServerStats: command/error/slowlog statistics of one instance (filled in by the stats module).
#pragma once

namespace kevy {

struct ServerStats {};

}  // namespace kevy
