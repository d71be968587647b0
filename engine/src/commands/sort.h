// SORT and SORT_RO (Redis's "generic" group), as redis-server 7.0.15's sortCommandGeneric:
//
//   SORT key [BY pattern] [LIMIT offset count] [GET pattern ...] [ASC|DESC] [ALPHA]
//        [STORE destination]
//   SORT_RO key ... (the same without STORE: STORE is a syntax error there)
//
// Behaviour worth knowing (all checked against the oracle):
// - Numeric sort reads every score with strtod over the C string (text up to the first NUL):
//   leading blanks, "0x1p3", "inf" and "" (0) are accepted; trailing junk, NaN, overflow and
//   subnormal results (ERANGE) make the whole command fail. Equal scores are ordered by the
//   elements' bytes.
// - ALPHA compares with strcoll (C / C.UTF-8 collation: bytes up to the first NUL), except with
//   STORE, which compares all the bytes. ALPHA with BY does not break ties: equal BY values
//   keep the source order (glibc's qsort is a stable merge sort), and with a LIMIT that does
//   not cover everything Redis runs its partial quicksort (pqsort), whose tie order is
//   reproduced here.
// - BY without '*' (e.g. BY nosort) skips sorting: lists and sorted sets come out in their own
//   order (reversed by DESC, LIMIT taken as a range), sets in their iteration order — except
//   with STORE, where a set is sorted ALPHA so that the stored list is deterministic.
// - A sorted set is converted to the skiplist encoding by SORT and SORT_RO (Redis does it
//   destructively before reading it).
// - STORE writes a list (replacing any value and its TTL), deletes the destination when the
//   result is empty and replies the number of stored elements; GET of a missing key stores "".
#pragma once

namespace kevy {

class CommandTable;

void register_sort_commands(CommandTable& t);

}  // namespace kevy
