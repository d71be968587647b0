// PubSub: see clients/pubsub.h. Each registry maps a name (channel, pattern, shard channel) to
// its subscribers in subscription order; a client's own sets (ClientState::channels /
// patterns / shard_channels) are changed here only, in step with the registries.
#include "clients/pubsub.h"

#include <algorithm>
#include <utility>

#include "core/glob.h"

namespace kevy {

namespace {

Reply message_of(std::string_view kind, std::string_view channel, std::string_view payload) {
  return Reply::push({Reply::bulk(kind), Reply::bulk(channel), Reply::bulk(payload)});
}

}  // namespace

bool PubSub::add(Registry& reg, std::set<std::string>& own,
                 const std::shared_ptr<ClientState>& c, std::string_view name) {
  if (!own.emplace(name).second) return false;
  auto it = reg.find(name);
  if (it == reg.end()) it = reg.emplace(std::string(name), Subscribers{}).first;
  it->second.push_back(Subscriber{c, next_seq_++});
  return true;
}

bool PubSub::remove(Registry& reg, std::set<std::string>& own, ClientState& c,
                    std::string_view name) {
  auto mine = own.find(std::string(name));
  if (mine == own.end()) return false;
  own.erase(mine);
  auto it = reg.find(name);
  if (it == reg.end()) return true;
  Subscribers& subs = it->second;
  std::erase_if(subs, [&](const Subscriber& s) {
    const std::shared_ptr<ClientState> p = s.client.lock();
    return p == nullptr || p.get() == &c;
  });
  if (subs.empty()) reg.erase(it);
  return true;
}

bool PubSub::subscribe(const std::shared_ptr<ClientState>& c, std::string_view channel) {
  return add(channels_, c->channels, c, channel);
}

bool PubSub::psubscribe(const std::shared_ptr<ClientState>& c, std::string_view pattern) {
  return add(patterns_, c->patterns, c, pattern);
}

bool PubSub::ssubscribe(const std::shared_ptr<ClientState>& c, std::string_view channel) {
  return add(shard_channels_, c->shard_channels, c, channel);
}

bool PubSub::unsubscribe(ClientState& c, std::string_view channel) {
  return remove(channels_, c.channels, c, channel);
}

bool PubSub::punsubscribe(ClientState& c, std::string_view pattern) {
  return remove(patterns_, c.patterns, c, pattern);
}

bool PubSub::sunsubscribe(ClientState& c, std::string_view channel) {
  return remove(shard_channels_, c.shard_channels, c, channel);
}

void PubSub::unsubscribe_all(ClientState& c) {
  // Copies: remove() erases from the sets being walked.
  for (const std::string& ch : std::set<std::string>(c.channels)) unsubscribe(c, ch);
  for (const std::string& p : std::set<std::string>(c.patterns)) punsubscribe(c, p);
  for (const std::string& ch : std::set<std::string>(c.shard_channels)) sunsubscribe(c, ch);
}

int64_t PubSub::deliver(Subscribers& subs, const Reply& message) {
  int64_t receivers = 0;
  bool expired = false;
  for (const Subscriber& s : subs) {
    const std::shared_ptr<ClientState> c = s.client.lock();
    if (c == nullptr) {
      expired = true;
      continue;
    }
    c->push(message);
    ++receivers;
  }
  if (expired) {
    std::erase_if(subs, [](const Subscriber& s) { return s.client.expired(); });
  }
  return receivers;
}

int64_t PubSub::publish(std::string_view channel, std::string_view message) {
  int64_t receivers = 0;
  if (auto it = channels_.find(channel); it != channels_.end()) {
    receivers += deliver(it->second, message_of("message", channel, message));
    if (it->second.empty()) channels_.erase(it);
  }
  for (auto it = patterns_.begin(); it != patterns_.end();) {
    if (glob_match(it->first, channel)) {
      const Reply m = Reply::push({Reply::bulk("pmessage"), Reply::bulk(it->first),
                                   Reply::bulk(channel), Reply::bulk(message)});
      receivers += deliver(it->second, m);
    }
    it = it->second.empty() ? patterns_.erase(it) : std::next(it);
  }
  return receivers;
}

int64_t PubSub::spublish(std::string_view channel, std::string_view message) {
  auto it = shard_channels_.find(channel);
  if (it == shard_channels_.end()) return 0;
  const int64_t receivers = deliver(it->second, message_of("smessage", channel, message));
  if (it->second.empty()) shard_channels_.erase(it);
  return receivers;
}

int64_t PubSub::live_count(const Registry& reg, std::string_view name) {
  auto it = reg.find(name);
  if (it == reg.end()) return 0;
  return std::count_if(it->second.begin(), it->second.end(),
                       [](const Subscriber& s) { return !s.client.expired(); });
}

std::vector<std::string> PubSub::names(const Registry& reg,
                                       std::optional<std::string_view> pattern) {
  std::vector<std::string> out;
  for (const auto& [name, subs] : reg) {
    if (pattern && !glob_match(*pattern, name)) continue;
    if (live_count(reg, name) == 0) continue;
    out.push_back(name);
  }
  return out;
}

std::vector<std::string> PubSub::channels(std::optional<std::string_view> pattern) const {
  return names(channels_, pattern);
}

std::vector<std::string> PubSub::shard_channels(std::optional<std::string_view> pattern) const {
  return names(shard_channels_, pattern);
}

int64_t PubSub::numsub(std::string_view channel) const { return live_count(channels_, channel); }

int64_t PubSub::shard_numsub(std::string_view channel) const {
  return live_count(shard_channels_, channel);
}

int64_t PubSub::numpat() const {
  return static_cast<int64_t>(names(patterns_, std::nullopt).size());
}

std::vector<std::string> PubSub::patterns_of(const ClientState& c) const {
  std::vector<std::pair<uint64_t, std::string>> found;
  for (const std::string& p : c.patterns) {
    auto it = patterns_.find(p);
    if (it == patterns_.end()) continue;
    for (const Subscriber& s : it->second) {
      const std::shared_ptr<ClientState> sub = s.client.lock();
      if (sub.get() == &c) found.emplace_back(s.seq, p);
    }
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  out.reserve(found.size());
  for (auto& [seq, p] : found) out.push_back(std::move(p));
  return out;
}

}  // namespace kevy
