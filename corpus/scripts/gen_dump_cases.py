#!/usr/bin/python3
"""Records DUMP/RESTORE facts from redis-server 7.0.15 for kevy's dump_restore_test.cc.

Writes tests/data/dump_restore_cases.txt (read at run time by the test): for each case
(commands that build one key), the DUMP payload redis-server returns, OBJECT ENCODING before
and after a RESTORE of that payload, and the key's contents after the RESTORE; for payloads of
older RDB types crafted here (ziplists, zipmaps, linked lists, text-score zsets), what RESTORE
answers and builds; for lists of many sizes and list-max-listpack-size values, the DUMP
payload's length and CRC64 (its last 8 bytes: enough to prove byte equality without storing
it); and for a sample of payloads, RESTORE's answer to every single-byte corruption and every
truncation of the value (with a valid footer, so the value parser itself is exercised).

Usage: /usr/bin/python3 corpus/scripts/gen_dump_cases.py [OUT]   (needs redis-server and the
`redis` package; OUT defaults to tests/data/dump_restore_cases.txt). Starts its own
redis-server on a unix socket in a temp dir and stops it by PID.
"""
import os
import signal
import struct
import subprocess
import sys
import tempfile
import time

import redis

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tests', 'data',
                   'dump_restore_cases.txt')

# ---- CRC64 (Jones, reflected) -------------------------------------------------------------
_POLY = 0x95ac9329ac4bc9b5
_TABLE = []
for i in range(256):
    c = i
    for _ in range(8):
        c = (c >> 1) ^ _POLY if c & 1 else c >> 1
    _TABLE.append(c)


def crc64(data):
    crc = 0
    for b in data:
        crc = _TABLE[(crc ^ b) & 0xff] ^ (crc >> 8)
    return crc


def with_footer(body, version=10):
    p = body + struct.pack('<H', version)
    return p + struct.pack('<Q', crc64(p))


# ---- RDB pieces for crafted payloads of older types ---------------------------------------
def rdb_len(n):
    if n < 64:
        return bytes([n])
    if n < 16384:
        return bytes([0x40 | (n >> 8), n & 0xff])
    return b'\x80' + struct.pack('>I', n)


def rdb_str(s):
    return rdb_len(len(s)) + s


def ziplist(entries):
    """A ziplist of byte strings (each < 64 bytes) and ints (as Python ints)."""
    body = b''
    prevlen = 0
    offsets = []
    for e in entries:
        prev = bytes([prevlen]) if prevlen < 254 else b'\xfe' + struct.pack('<I', prevlen)
        if isinstance(e, int):
            if -128 <= e <= 127:
                enc = b'\xfe' + struct.pack('<b', e)
            elif -32768 <= e <= 32767:
                enc = b'\xc0' + struct.pack('<h', e)
            else:
                enc = b'\xe0' + struct.pack('<q', e)
        else:
            assert len(e) < 64
            enc = bytes([len(e)]) + e
        entry = prev + enc
        offsets.append(len(body))
        body += entry
        prevlen = len(entry)
    tail = 10 + (offsets[-1] if offsets else 0)
    total = 10 + len(body) + 1
    return struct.pack('<IIH', total, tail, len(entries)) + body + b'\xff'


def zipmap(pairs):
    out = bytes([len(pairs)])
    for f, v in pairs:
        out += bytes([len(f)]) + f + bytes([len(v)]) + b'\x00' + v
    return out + b'\xff'


def text_double(d):
    if d == float('inf'):
        return b'\xfe'
    if d == float('-inf'):
        return b'\xff'
    t = repr(d).encode()
    return bytes([len(t)]) + t


# ---- cases --------------------------------------------------------------------------------
def elems(prefix, n, width=0):
    return [(prefix + str(i)).ljust(width, 'x').encode() if width else (prefix + str(i)).encode()
            for i in range(n)]


def build_cases():
    """(name, commands, exact): exact when Redis's layout is deterministic."""
    c = []
    add = lambda name, cmds, exact=True: c.append((name, [[a if isinstance(a, bytes) else
                                                           str(a).encode() for a in cmd]
                                                          for cmd in cmds], exact))
    # strings
    add('str_embstr', [['SET', 'k', 'hello']])
    add('str_empty', [['SET', 'k', '']])
    for v in ['0', '12', '-1', '127', '128', '-128', '-129', '32767', '32768', '-32768',
              '-32769', '2147483647', '2147483648', '-2147483648', '-2147483649',
              '9223372036854775807', '-9223372036854775808', '12345678901']:
        add('str_int_' + v.replace('-', 'm'), [['SET', 'k', v]])
    for v in ['007', '-0', '+1', '1.5', ' 1', '99999999999999999999']:
        add('str_text_' + v.strip().replace('-', 'm').replace('+', 'p').replace('.', '_') +
            ('_sp' if v.startswith(' ') else ''), [['SET', 'k', v]])
    add('str_raw_append', [['SET', 'k', 'ab'], ['APPEND', 'k', 'cd']])
    add('str_binary', [['SET', 'k', b'\x00\x01\xff\r\n\x00']])
    add('str_21_lzf', [['SET', 'k', 'a' * 21]])
    add('str_20_plain', [['SET', 'k', 'a' * 20]])
    add('str_100_lzf', [['SET', 'k', 'abc' * 33 + 'd']])
    add('str_50_incompressible', [['SET', 'k', 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMN']])
    add('str_20000_lzf', [['SET', 'k', ''.join('%05d' % i for i in range(4000))]])
    add('str_incrby', [['SET', 'k', '10'], ['INCRBY', 'k', '1000000000000']])
    add('str_setrange', [['SETRANGE', 'k', '100', 'x']])
    # lists
    add('list_small', [['RPUSH', 'l', 'a', 'b', 'c', '1', '2', '-3', '300', '70000', '-5000000',
                        '9999999999', '', '-4096', '4095', '-4097', '8388607', '-8388608',
                        '8388608', '2147483648']])
    add('list_lpush', [['LPUSH', 'l', 'a', 'b', 'c']])
    add('list_600', [['RPUSH', 'l'] + elems('element-', 600)])
    add('list_600_ints', [['RPUSH', 'l'] + [str(i * 1000 - 300000) for i in range(600)]])
    add('list_mixed_sizes', [['RPUSH', 'l'] + [('v%d' % i).ljust(i % 300, '.') for i in range(400)]])
    add('list_big_elements', [['RPUSH', 'l', 'x' * 5000, 'y' * 5000, 'z' * 3000, 'w']])
    add('list_one_huge', [['RPUSH', 'l', 'a', ''.join('%06d' % i for i in range(3000)), 'b']])
    add('list_64_and_4096', [['RPUSH', 'l', 'q' * 63, 'q' * 64, 'r' * 4095, 'r' * 4096]])
    add('list_fill_5', [['CONFIG', 'SET', 'list-max-listpack-size', '5'],
                        ['RPUSH', 'l'] + [str(i) for i in range(23)]])
    add('list_fill_m1', [['CONFIG', 'SET', 'list-max-listpack-size', '-1'],
                         ['RPUSH', 'l'] + elems('element-', 600)])
    add('str_100_no_compression', [['CONFIG', 'SET', 'rdbcompression', 'no'],
                                   ['SET', 'k', 'abc' * 33 + 'd']])
    add('list_600_no_compression', [['CONFIG', 'SET', 'rdbcompression', 'no'],
                                    ['RPUSH', 'l'] + elems('element-', 600)])
    # sets
    add('set_intset_small', [['SADD', 's', '1', '2', '3', '-5']])
    add('set_intset_32', [['SADD', 's', '1', '100000']])
    add('set_intset_64', [['SADD', 's', '1', '5000000000', '-5000000000']])
    add('set_intset_500', [['SADD', 's'] + [str(i * 7 - 1000) for i in range(500)]])
    add('set_ht_one', [['SADD', 's', 'member']])
    add('set_ht_small', [['SADD', 's', 'a', 'b', 'c', '1']], False)
    add('set_ht_600_ints', [['SADD', 's'] + [str(i) for i in range(600)]], False)
    add('set_ht_strings', [['SADD', 's'] + elems('m', 300)], False)
    # zsets
    add('zset_lp', [['ZADD', 'z', '1', 'a', '2', 'b', '1.5', 'c', '-3', 'd', 'inf', 'e', '-inf',
                     'f', '0.1', 'g', '-0', 'h', '1e300', 'i', '3.0e-5', 'j', '-2.5', 'k',
                     '4503599627370495', 'l', '4503599627370496', 'm', '-4503599627370495', 'n',
                     '123456789012345', 'o']])
    add('zset_lp_int_members', [['ZADD', 'z', '1', '100', '2', '-5', '3', '70000']])
    add('zset_lp_long_member', [['ZADD', 'z', '1', 'x' * 64]])
    add('zset_skiplist_200', [['ZADD', 'z'] + sum([[str(i * 0.5), 'm%d' % i]
                                                   for i in range(200)], [])])
    add('zset_skiplist_long', [['ZADD', 'z', '1', 'x' * 65, '-0', 'h', 'inf', 'p', '-inf', 'n',
                                '1e-300', 't', '0.1', 'u']])
    add('zset_skiplist_ties', [['ZADD', 'z'] + sum([['7', 'm%03d' % i] for i in range(150)], [])])
    # hashes
    add('hash_lp', [['HSET', 'h', 'f1', 'v1', 'f2', '2', 'f3', '-300', 'num', '123456789012',
                     'empty', '', '12', 'twelve']])
    add('hash_lp_64', [['HSET', 'h', 'f', 'v' * 64, 'g' * 64, 'w']])
    add('hash_lp_500', [['HSET', 'h'] + sum([['field:%d' % i, 'value:%d' % i]
                                              for i in range(500)], [])])
    add('hash_ht_one_long', [['HSET', 'h', 'f', 'v' * 65]])
    add('hash_ht_small', [['HSET', 'h', 'a', '1', 'b', 'x' * 100]], False)
    add('hash_ht_1000', [['HSET', 'h'] + sum([['f%d' % i, 'v%d' % i] for i in range(1000)], [])],
        False)
    return c


DEFAULT_CONFIG = [('rdbcompression', 'yes'), ('list-max-listpack-size', '-2'),
                  ('hash-max-listpack-entries', '512'), ('hash-max-listpack-value', '64'),
                  ('set-max-intset-entries', '512'), ('zset-max-listpack-entries', '128'),
                  ('zset-max-listpack-value', '64')]


def crafted_with_config():
    """(name, config pairs, payload): RESTORE's conversions under other limits."""
    s = rdb_str
    hash_pairs = b'\x04' + rdb_len(3) + s(b'f') + s(b'1') + s(b'g') + s(b'2') + s(b'h') + s(b'x' * 10)
    set_ints = b'\x02' + rdb_len(3) + s(b'3') + s(b'1') + s(b'2')
    zset2 = (b'\x05' + rdb_len(3) + s(b'c') + struct.pack('<d', 3.0) + s(b'b') +
             struct.pack('<d', 2.0) + s(b'a') + struct.pack('<d', 1.0))
    return [
        ('cfg_hash_pairs_entries_2', [('hash-max-listpack-entries', '2')], with_footer(hash_pairs)),
        ('cfg_hash_pairs_value_5', [('hash-max-listpack-value', '5')], with_footer(hash_pairs)),
        ('cfg_hash_pairs_entries_0', [('hash-max-listpack-entries', '0')], with_footer(hash_pairs)),
        ('cfg_set_ints_max_2', [('set-max-intset-entries', '2')], with_footer(set_ints)),
        ('cfg_set_ints_max_3', [('set-max-intset-entries', '3')], with_footer(set_ints)),
        ('cfg_zset2_entries_2', [('zset-max-listpack-entries', '2')], with_footer(zset2)),
        ('cfg_zset2_value_0', [('zset-max-listpack-value', '0')], with_footer(zset2)),
        ('cfg_zset2_entries_0', [('zset-max-listpack-entries', '0')], with_footer(zset2)),
    ]


def node_element(i, size):
    """Element i of a list_nodes case: i in decimal, padded with 'x' on the left to `size`
    bytes, or its last `size` digits."""
    return str(i).rjust(size, 'x')[-size:].encode()


def node_cases():
    """(fill, size, n): RPUSH n elements of `size` bytes under list-max-listpack-size fill,
    enough for several nodes, with sizes around the listpack/ziplist length thresholds."""
    out = []
    for fill in [-2, -1, -3, -5, -6, 0, 1, 7, 100]:
        for size in [1, 2, 9, 40, 62, 63, 64, 126, 127, 128, 252, 253, 254, 500, 4000, 9000]:
            if fill < 0:
                limit = 4096 << min(-fill - 1, 4)
                n = limit * 3 // (size + 2) + 1
            else:
                n = 3 * max(fill, 1) + 1
                if size * n > 30000:
                    n = max(3, 30000 // size)
            out.append((fill, size, min(n, 3000)))
    return out


def crafted_old():
    """(name, payload): values of older RDB types, and malformed variants."""
    out = []
    s = rdb_str
    out.append(('old_list_linked', with_footer(b'\x01' + rdb_len(3) + s(b'a') + s(b'bb') + b'\xc0\x05')))
    out.append(('old_list_linked_empty', with_footer(b'\x01' + rdb_len(0))))
    out.append(('old_list_ziplist', with_footer(b'\x0a' + s(ziplist([b'a', 5, b'ccc', -300, 70000])))))
    out.append(('old_list_ziplist_empty', with_footer(b'\x0a' + s(ziplist([])))))
    out.append(('old_list_quicklist', with_footer(
        b'\x0e' + rdb_len(3) + s(ziplist([b'a', b'b'])) + s(ziplist([])) + s(ziplist([1, 2])))))
    out.append(('old_list_quicklist_all_empty', with_footer(b'\x0e' + rdb_len(1) + s(ziplist([])))))
    out.append(('old_zset_text', with_footer(
        b'\x03' + rdb_len(4) + s(b'a') + text_double(1.5) + s(b'b') + text_double(float('inf')) +
        s(b'c') + text_double(float('-inf')) + s(b'd') + text_double(-2.0))))
    out.append(('old_zset_text_nan', with_footer(b'\x03' + rdb_len(1) + s(b'a') + b'\xfd')))
    out.append(('old_zset_ziplist', with_footer(
        b'\x0c' + s(ziplist([b'c', -7, b'a', 1, b'b', b'2.5'])))))
    out.append(('old_zset_ziplist_dup', with_footer(b'\x0c' + s(ziplist([b'a', 1, b'a', 2])))))
    out.append(('old_zset_ziplist_odd', with_footer(b'\x0c' + s(ziplist([b'a', 1, b'b'])))))
    out.append(('old_hash_ziplist', with_footer(b'\x0d' + s(ziplist([b'f', b'v', b'n', 12])))))
    out.append(('old_hash_ziplist_dup', with_footer(b'\x0d' + s(ziplist([b'f', b'v', b'f', b'w'])))))
    out.append(('old_hash_ziplist_empty', with_footer(b'\x0d' + s(ziplist([])))))
    out.append(('old_hash_zipmap', with_footer(b'\x09' + s(zipmap([(b'f', b'v'), (b'name', b'kevy')])))))
    out.append(('old_hash_zipmap_dup', with_footer(b'\x09' + s(zipmap([(b'f', b'v'), (b'f', b'w')])))))
    out.append(('old_hash_zipmap_long', with_footer(b'\x09' + s(zipmap([(b'f', b'v' * 65)])))))
    # current types, hand-shaped
    out.append(('set_dup_members', with_footer(b'\x02' + rdb_len(2) + s(b'a') + s(b'a'))))
    out.append(('set_dup_ints', with_footer(b'\x02' + rdb_len(2) + s(b'1') + s(b'1'))))
    out.append(('set_empty', with_footer(b'\x02' + rdb_len(0))))
    out.append(('set_ints_as_strings', with_footer(b'\x02' + rdb_len(3) + s(b'3') + s(b'1') + s(b'2'))))
    out.append(('set_ints_then_text', with_footer(b'\x02' + rdb_len(3) + s(b'3') + s(b'x') + s(b'2'))))
    out.append(('hash_dup_fields', with_footer(b'\x04' + rdb_len(2) + s(b'f') + s(b'1') + s(b'f') + s(b'2'))))
    out.append(('hash_pairs_small', with_footer(b'\x04' + rdb_len(2) + s(b'f') + s(b'1') + s(b'g') + s(b'2'))))
    out.append(('hash_pairs_long_value', with_footer(
        b'\x04' + rdb_len(2) + s(b'f') + s(b'1') + s(b'g') + s(b'x' * 70))))
    out.append(('zset2_small', with_footer(
        b'\x05' + rdb_len(2) + s(b'b') + struct.pack('<d', 2.0) + s(b'a') + struct.pack('<d', -0.0))))
    out.append(('zset2_dup', with_footer(
        b'\x05' + rdb_len(2) + s(b'a') + struct.pack('<d', 2.0) + s(b'a') + struct.pack('<d', 1.0))))
    out.append(('zset2_nan', with_footer(b'\x05' + rdb_len(1) + s(b'a') + struct.pack('<d', float('nan')))))
    out.append(('zset2_empty', with_footer(b'\x05' + rdb_len(0))))
    out.append(('quicklist2_bad_container', with_footer(b'\x12' + rdb_len(1) + rdb_len(3) + s(b'x'))))
    out.append(('quicklist2_plain', with_footer(b'\x12' + rdb_len(1) + rdb_len(1) + s(b'plainvalue'))))
    out.append(('quicklist2_empty_blob', with_footer(b'\x12' + rdb_len(1) + rdb_len(2) + s(b''))))
    out.append(('quicklist2_no_nodes', with_footer(b'\x12' + rdb_len(0))))
    out.append(('module_type', with_footer(b'\x07' + rdb_len(12345) + b'\x00')))
    out.append(('stream_type', with_footer(b'\x13' + rdb_len(0))))
    out.append(('unknown_type', with_footer(b'\x08' + rdb_len(0))))
    out.append(('type_20', with_footer(b'\x14' + rdb_len(0))))
    out.append(('string_old_version', with_footer(b'\x00' + s(b'v9'), version=9)))
    out.append(('string_new_version', with_footer(b'\x00' + s(b'v11'), version=11)))
    out.append(('trailing_bytes', with_footer(b'\x00' + s(b'abc') + b'junk')))
    out.append(('value_into_footer', with_footer(b'\x00' + rdb_len(5) + b'abc')))
    out.append(('only_footer', with_footer(b'')))
    out.append(('short_9_bytes', b'\x00' * 9))
    out.append(('bad_crc', b'\x00\x01a\x0a\x00' + b'\x00' * 8))
    return out


# ---- oracle ---------------------------------------------------------------------------------
class Oracle:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix='kevy-dump-')
        sock = os.path.join(self.dir, 'r.sock')
        self.proc = subprocess.Popen(
            ['redis-server', '--port', '0', '--unixsocket', sock, '--save', '',
             '--appendonly', 'no', '--sanitize-dump-payload', 'yes'],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=self.dir)
        for _ in range(100):
            if os.path.exists(sock):
                break
            time.sleep(0.05)
        self.r = redis.Redis(unix_socket_path=sock)
        self.r.response_callbacks.clear()
        self.r.ping()

    def stop(self):
        os.kill(self.proc.pid, signal.SIGTERM)
        self.proc.wait()

    def cmd(self, *args):
        try:
            return self.r.execute_command(*args)
        except redis.ResponseError as e:
            return ('error', str(e))

    def contents(self, key):
        t = self.cmd('TYPE', key)
        t = t.decode() if isinstance(t, bytes) else t
        if t == 'string':
            return t, [self.cmd('GET', key)]
        if t == 'list':
            return t, self.cmd('LRANGE', key, 0, -1)
        if t == 'set':
            return t, sorted(self.cmd('SMEMBERS', key))
        if t == 'zset':
            return t, self.cmd('ZRANGE', key, 0, -1, 'WITHSCORES')
        if t == 'hash':
            flat = self.cmd('HGETALL', key)
            pairs = sorted(zip(flat[0::2], flat[1::2]))
            return t, [x for p in pairs for x in p]
        return t, []

    def restore(self, payload):
        """RESTORE into key 'r' (REPLACE): ('OK'|error text, encoding, type, contents)."""
        self.cmd('DEL', 'r')
        got = self.cmd('RESTORE', 'r', 0, payload, 'REPLACE')
        if isinstance(got, tuple):
            return got[1], '', '', []
        enc = self.cmd('OBJECT', 'ENCODING', 'r')
        t, items = self.contents('r')
        return 'OK', enc.decode() if enc else '', t, items


def status_letter(reply):
    if reply == 'OK':
        return 'O'
    if reply == 'Bad data format':
        return 'B'
    if reply == 'DUMP payload version or checksum are wrong':
        return 'V'
    raise RuntimeError('unexpected RESTORE reply: %r' % reply)


def corruption_profile(o, payload):
    """One letter per corruption of the value bytes (payload minus footer): byte i xor 0xff
    for every i, then every truncation to n bytes, each with a recomputed footer."""
    body = payload[:-10]
    flips, cuts = '', ''
    for i in range(len(body)):
        b = bytearray(body)
        b[i] ^= 0xff
        flips += status_letter(o.restore(with_footer(bytes(b)))[0])
    for n in range(len(body)):
        cuts += status_letter(o.restore(with_footer(body[:n]))[0])
    return flips, cuts


# ---- output ---------------------------------------------------------------------------------
def escape_field(b):
    """One field of a tests/data file (engine/src/test_support/case_file.h): bytes 0x21..0x7e
    other than backslash as themselves, any other byte as \\xHH, the empty field as \\e."""
    if isinstance(b, str):
        b = b.encode()
    if not b:
        return '\\e'
    return ''.join(chr(x) if 0x21 <= x <= 0x7e and x != 0x5c else '\\x%02x' % x for x in b)


def record(*fields):
    return ' '.join(escape_field(f) for f in fields)


HEADER = """\
# Generated by corpus/scripts/gen_dump_cases.py from redis-server 7.0.15 (sanitize-dump-payload
# yes). Do not edit. Read by engine/src/commands/dump_restore_test.cc; fields are escaped as
# engine/src/test_support/case_file.h says. Records:
#   dump NAME ENCODING RESTORED_ENCODING EXACT(0|1) PAYLOAD_HEX, then one `cmd ARG...` per
#     command that builds the key (the last command's first argument is the key)
#   node FILL SIZE N PAYLOAD_LEN CRC_HEX
#   restore NAME PAYLOAD_HEX REPLY ENCODING TYPE, then `config [NAME VALUE]...` and
#     `contents [ITEM]...`
#   corrupt NAME PAYLOAD_HEX FLIPS CUTS
"""


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else OUT
    o = Oracle()
    try:
        lines = [HEADER.rstrip('\n')]
        sample = {'str_embstr', 'str_int_32768', 'str_100_lzf', 'list_small', 'set_intset_small',
                  'set_ht_small', 'zset_lp', 'zset_skiplist_long', 'hash_lp', 'hash_ht_one_long'}
        corrupt = []
        blobs = {}
        for name, cmds, exact in build_cases():
            o.cmd('FLUSHALL')
            for cmd in cmds:
                got = o.cmd(*cmd)
                assert not isinstance(got, tuple), (name, got)
            key = cmds[-1][1]
            payload = o.cmd('DUMP', key)
            enc = o.cmd('OBJECT', 'ENCODING', key).decode()
            status, renc, rtype, items = o.restore(payload)
            assert status == 'OK', (name, status)
            want_type, want_items = o.contents(key)
            assert (rtype, items) == (want_type, want_items), name
            lines.append(record('dump', name, enc, renc, '1' if exact else '0', payload.hex()))
            for cmd in cmds:
                lines.append(record('cmd', *cmd))
            if name in sample:
                corrupt.append((name, payload))
            blobs[name] = payload
            for k, v in DEFAULT_CONFIG:
                o.cmd('CONFIG', 'SET', k, v)
        for fill, size, n in node_cases():
            o.cmd('FLUSHALL')
            o.cmd('CONFIG', 'SET', 'list-max-listpack-size', fill)
            o.cmd('RPUSH', 'l', *[node_element(i, size) for i in range(n)])
            payload = o.cmd('DUMP', 'l')
            status, _, _, items = o.restore(payload)
            assert status == 'OK' and items == o.contents('l')[1]
            o.cmd('CONFIG', 'SET', 'list-max-listpack-size', -2)
            lines.append(record('node', str(fill), str(size), str(n), str(len(payload)),
                                payload[-8:].hex()))
        restores = [(name, [], payload) for name, payload in crafted_old()]
        restores += crafted_with_config()
        # Listpack / intset blobs written by Redis, loaded under smaller limits.
        restores += [
            ('cfg_hash_lp_entries_2', [('hash-max-listpack-entries', '2')], blobs['hash_lp']),
            ('cfg_hash_lp_value_1', [('hash-max-listpack-value', '1')], blobs['hash_lp']),
            ('cfg_zset_lp_entries_3', [('zset-max-listpack-entries', '3')], blobs['zset_lp']),
            ('cfg_zset_lp_value_0', [('zset-max-listpack-value', '0')], blobs['zset_lp']),
            ('cfg_intset_max_2', [('set-max-intset-entries', '2')], blobs['set_intset_small']),
            ('cfg_hash_ht_entries_2000', [('hash-max-listpack-entries', '2000')],
             blobs['hash_ht_1000']),
            ('cfg_zset_sl_entries_300', [('zset-max-listpack-entries', '300')],
             blobs['zset_skiplist_200']),
            ('cfg_set_ht_max_1000', [('set-max-intset-entries', '1000')],
             blobs['set_ht_600_ints']),
        ]
        for name, config, payload in restores:
            for k, v in config:
                o.cmd('CONFIG', 'SET', k, v)
            status, renc, rtype, items = o.restore(payload)
            for k, v in DEFAULT_CONFIG:
                o.cmd('CONFIG', 'SET', k, v)
            lines.append(record('restore', name, payload.hex(), status, renc, rtype))
            lines.append(record('config', *[x for kv in config for x in kv]))
            lines.append(record('contents', *items))
        for name, payload in corrupt:
            flips, cuts = corruption_profile(o, payload)
            lines.append(record('corrupt', name, payload.hex(), flips, cuts))
        with open(out, 'w') as f:
            f.write('\n'.join(lines) + '\n')
        print('wrote', os.path.normpath(out))
    finally:
        o.stop()


if __name__ == '__main__':
    sys.exit(main())
