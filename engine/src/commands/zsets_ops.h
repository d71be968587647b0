// Sorted-set commands, part B (zsets_ops.cc):
//   ZPOPMIN ZPOPMAX ZMPOP BZPOPMIN BZPOPMAX BZMPOP ZRANDMEMBER ZUNION ZINTER ZDIFF
//   ZUNIONSTORE ZINTERSTORE ZDIFFSTORE ZINTERCARD ZSCAN
//
// Behaviour is redis-server 7.0.15's (t_zset.c), in particular:
// - Pops take from the low (MIN) or high (MAX) end; a zset emptied by a pop deletes its key.
//   The blocking forms publish the events of the non-blocking ones; when no key holds data
//   they ask the Store to block the client (commands/blocking_args.h).
// - The set algebra reads plain sets as zsets whose members all score 1 and missing keys as
//   empty; any other type is WRONGTYPE, reported before any bad option. Results are in zset
//   order (score, then member bytes); a weighted score 0 * inf and a sum inf + -inf are 0.
//   The STORE forms delete the destination when the result is empty and otherwise give it the
//   encoding of a new zset of the result's size and longest member.
// - ZRANDMEMBER with a count >= the size replies the whole zset from the highest score down,
//   as Redis's reverse iterator does; a negative count beyond 2^24 picks is refused with
//   "value is out of range" (as HRANDFIELD and SRANDMEMBER do here).
// - ZSCAN returns a listpack zset whole with cursor 0, scores as the listpack text (integral
//   values as integers); a skiplist is scanned with "%.17g" scores. Scores are bulk strings in
//   RESP3 too.
#pragma once

namespace kevy {

class CommandTable;

void register_zset_ops_commands(CommandTable& t);

}  // namespace kevy
