#include "commands/client_info.h"

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
  return c;
}

}  // namespace kevy
