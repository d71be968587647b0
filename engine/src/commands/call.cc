// call_command: see call.h.
#include "commands/call.h"

#include "commands/command_stats.h"

namespace kevy {

Reply call_command(CommandContext& ctx, const CommandSpec& spec, Args argv, bool record_stats) {
  Propagation& prop = ctx.ks.propagation();
  prop.begin_command();
  const CommandTimer timer(ctx.ks);
  Reply reply = spec.handler(ctx, argv);
  if (record_stats) record_command(ctx, spec, argv, timer.elapsed_us(), reply);
  prop.finish_command(ctx.db(), argv, (spec.flags & kCmdWrite) != 0 && !reply.is_error());
  return reply;
}

}  // namespace kevy
