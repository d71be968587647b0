#include "commands/client_info.h"

#include "clients/client_state.h"

namespace kevy {

bool valid_client_name(std::string_view name) {
  for (char c : name) {
    if (c < '!' || c > '~') return false;
  }
  return true;
}

std::string format_client_info(const ClientInfo& c) {
  std::string out;
  out.reserve(320);
  auto field = [&](std::string_view key, std::string_view value) {
    if (!out.empty()) out += ' ';
    out.append(key).append("=").append(value);
  };
  auto num = [&](std::string_view key, int64_t v) { field(key, std::to_string(v)); };
  auto unum = [&](std::string_view key, uint64_t v) { field(key, std::to_string(v)); };
  num("id", c.id);
  field("addr", c.addr);
  field("laddr", c.laddr);
  num("fd", c.fd);
  field("name", c.name);
  num("age", c.age_s);
  num("idle", c.idle_s);
  field("flags", c.flags);
  num("db", c.db);
  num("sub", c.sub);
  num("psub", c.psub);
  num("ssub", c.ssub);
  num("multi", c.multi);
  unum("qbuf", c.qbuf);
  unum("qbuf-free", c.qbuf_free);
  unum("argv-mem", c.argv_mem);
  unum("multi-mem", c.multi_mem);
  unum("rbs", c.rbs);
  unum("rbp", c.rbp);
  unum("obl", c.obl);
  unum("oll", c.oll);
  unum("omem", c.omem);
  unum("tot-mem", c.tot_mem);
  field("events", c.events);
  field("cmd", c.cmd);
  field("user", c.user);
  num("redir", c.redir);
  num("resp", c.resp);
  return out;
}

ClientInfo embedded_client_info(const Session& s) {
  ClientInfo c;
  c.id = s.client_id;
  c.name = s.name;
  c.db = s.db;
  c.resp = s.protocol;
  if (s.last_command != nullptr) c.cmd = *s.last_command;
  if (s.state) {
    // Subscriptions (a network server rebuilds `flags` from the connection, 'P' included).
    c.sub = static_cast<int64_t>(s.state->channels.size());
    c.psub = static_cast<int64_t>(s.state->patterns.size());
    c.ssub = static_cast<int64_t>(s.state->shard_channels.size());
    if (s.state->subscribed()) c.flags = "P";
  }
  if (s.state) {
    // MULTI: the commands queued so far; flags 'x' (in MULTI) and 'd' (a WATCHed key was
    // touched), after 'P' as Redis orders them.
    if (s.state->in_multi) c.multi = static_cast<int64_t>(s.state->queued.size());
    std::string flags = c.flags == "N" ? "" : c.flags;
    if (s.state->in_multi) flags += 'x';
    if (s.state->dirty_cas) flags += 'd';
    if (!flags.empty()) c.flags = flags;
  }
  return c;
}

}  // namespace kevy
