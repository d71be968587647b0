// Store's pub/sub API: in-process subscriptions with callbacks, PUBLISH, and the messages
// pushed to embedded sessions (kevy/store.h, "Pub/sub"). A Subscription is a ClientState of
// its own registered in the pub/sub hub (clients/pubsub.h) whose `deliver` turns each pushed
// message into a PubSubMessage for the callback.
#include <mutex>
#include <utility>

#include "clients/client_state.h"
#include "clients/clients.h"
#include "kevy/store.h"
#include "store_impl.h"

namespace kevy {

namespace {

// ["message", channel, payload], ["smessage", channel, payload] or
// ["pmessage", pattern, channel, payload] (clients/pubsub.h) as a PubSubMessage.
PubSubMessage message_of(const Reply& pushed) {
  const std::vector<Reply>& e = pushed.elements();
  PubSubMessage m;
  if (e.empty()) return m;
  m.kind = e[0].str();
  size_t i = 1;
  if (e.size() == 4) m.pattern = e[i++].str();
  if (i < e.size()) m.channel = e[i++].str();
  if (i < e.size()) m.payload = e[i].str();
  return m;
}

std::shared_ptr<ClientState> callback_state(std::function<void(const PubSubMessage&)> callback) {
  auto state = std::make_shared<ClientState>();
  state->deliver = [cb = std::move(callback)](const Reply& pushed) { cb(message_of(pushed)); };
  return state;
}

}  // namespace

Subscription Store::subscribe(std::vector<std::string> channels,
                              std::function<void(const PubSubMessage&)> callback) {
  std::shared_ptr<ClientState> state = callback_state(std::move(callback));
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->ks.begin_command();
  for (const std::string& ch : channels) impl_->ks.clients().pubsub.subscribe(state, ch);
  return Subscription(impl_.get(), std::move(state));
}

Subscription Store::psubscribe(std::vector<std::string> patterns,
                               std::function<void(const PubSubMessage&)> callback) {
  std::shared_ptr<ClientState> state = callback_state(std::move(callback));
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->ks.begin_command();
  for (const std::string& p : patterns) impl_->ks.clients().pubsub.psubscribe(state, p);
  return Subscription(impl_.get(), std::move(state));
}

int64_t Store::publish(std::string_view channel, std::string_view message) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->ks.begin_command();
  return impl_->ks.clients().pubsub.publish(channel, message);
}

std::vector<Reply> Store::take_pushed(Session& session) {
  std::vector<Reply> out;
  if (!session.state) return out;
  std::lock_guard<std::mutex> lock(impl_->mu);
  out.swap(session.state->mailbox);
  return out;
}

Subscription::Subscription(Subscription&& other) noexcept
    : impl_(std::exchange(other.impl_, nullptr)), state_(std::move(other.state_)) {}

Subscription& Subscription::operator=(Subscription&& other) noexcept {
  if (this != &other) {
    cancel();
    impl_ = std::exchange(other.impl_, nullptr);
    state_ = std::move(other.state_);
  }
  return *this;
}

Subscription::~Subscription() { cancel(); }

void Subscription::cancel() {
  if (impl_ == nullptr) return;
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->ks.clients().pubsub.unsubscribe_all(*state_);
    state_->deliver = nullptr;
  }
  impl_ = nullptr;
  state_.reset();
}

}  // namespace kevy
