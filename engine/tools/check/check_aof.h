// kevy-check aof: checks an append-only file the way redis-check-aof (7.0.15) does, and reports
// its structure.
//
//   kevy-check aof [--fix] DIR | FILE.manifest | FILE.aof
//
// A directory is checked through the one *.manifest it holds; a manifest through the base and
// increments it lists (history files are listed, not read); any other file as a single AOF
// (an old-style AOF, or one file of an appendonlydir). A file beginning with "REDIS" is an RDB
// image (checked as kevy-check rdb does) followed by an optional command tail.
//
// Per file it prints "AOF analyzed: filename=F, size=S, ok_up_to=O, diff=D" as redis-check-aof
// does, then the commands read (per name), the MULTI/EXEC blocks and the dbs SELECTed. Errors,
// with the offset in redis-check-aof's "0x%16llx: " form:
//   - bytes that are not RESP commands, a cut last command, a MULTI without EXEC at the end,
//     a nested MULTI or an EXEC without MULTI (redis-check-aof's checks);
//   - kevy's own: a command kevy's command table does not know or refuses for its argument
//     count (the loader would stop there). These make the check fail but --fix leaves them.
// ok_up_to is the end of the last whole command outside a MULTI block before the first error.
//
// --fix truncates the damaged file to ok_up_to, as redis-check-aof --fix does, when it is the
// last file of the AOF (or the single file); unlike redis-check-aof it does not ask for
// confirmation. Exit status: 0 when every file is valid (or was fixed), 1 otherwise.
#pragma once

#include <string>

namespace kevy::check {

int check_aof(const std::string& path, bool fix);

}  // namespace kevy::check
