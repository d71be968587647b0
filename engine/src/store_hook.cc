// Store's test hooks: the command hook (fault injection and recording for kevy/testing.h)
// and the deterministic expiry sweep.
#include <thread>

#include "commands/command_getkeys.h"
#include "store_impl.h"

namespace kevy {

void Store::set_command_hook(CommandHook hook) {
  std::lock_guard<std::mutex> lock(impl_->hook_mu);
  impl_->hook = hook ? std::make_shared<const CommandHook>(std::move(hook)) : nullptr;
  impl_->has_hook.store(impl_->hook != nullptr, std::memory_order_release);
}

std::optional<Reply> Store::Impl::intercept(Args argv, const CommandSpec* spec,
                                            Session& session) {
  std::shared_ptr<const CommandHook> h;
  {
    std::lock_guard<std::mutex> lock(hook_mu);
    h = hook;
  }
  if (!h) return std::nullopt;
  CommandCall call{argv, {}, session};
  if (spec != nullptr) {
    // resolve() checked the arity, which command_keys requires.
    if (const CommandMeta* meta = find_command_meta(spec->full_name)) {
      for (const KeyRef& k : command_keys(*meta, argv)) call.keys.push_back(argv[k.pos]);
    }
  }
  CommandHookAction action = (*h)(call);
  if (session.host != nullptr) {
    session.reply_fault = {action.delay_ms, action.close_connection};
  } else if (action.delay_ms > 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(action.delay_ms));
  }
  return std::move(action.reply);
}

uint64_t Store::expire_due() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->ks.begin_command();
  const uint64_t deleted = impl_->ks.expire_all_due();
  impl_->expire_waiters();
  impl_->end_unit_op_by_op();  // each DEL a unit of its own, as active expiry propagates
  return deleted;
}

}  // namespace kevy
