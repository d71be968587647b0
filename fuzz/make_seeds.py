#!/usr/bin/python3
"""Collects fuzz seeds from redis-server 7.0.15 into fuzz/seeds/<target>/.

- seeds/restore/: DUMP payloads of every type and encoding 7.0.15 writes (strings int /
  embstr / raw / LZF, quicklist with listpack and plain nodes, intset 16/32/64 bits, set
  hashtable, zset listpack / skiplist, hash listpack / hashtable, a stream), plus the crafted
  older-type payloads recorded in tests/data/dump_restore_cases.txt (ziplists, zipmaps, linked
  lists, text-score zsets, malformed values). fuzz_restore appends the footer itself, so each
  seed is the payload without its last 10 bytes (version + CRC64).
- seeds/rdb_load/: small dump.rdb files saved by redis-server: empty, one per type family,
  TTLs (future and past), several dbs, IDLE (LRU policy) and FREQ (LFU policy) opcodes, no
  compression, no checksum, a function library (FUNCTION2).
- seeds/aof_load/ (when fuzz/fuzz_aof_load.cc exists): appendonlydir trees written by
  redis-server (RDB preamble and plain RESP base, several increments, MULTI/EXEC), packed as
  fuzz_aof_load reads them (see pack_aof()).
- seeds/listpack/, seeds/intset/, seeds/ziplist_zipmap/: the blobs inside the restore seeds
  (listpack nodes and values, intsets; the crafted ziplists and zipmaps), cut out of the
  payloads (blob_seeds()).
- seeds/resp_request/, seeds/resp_reply/: the commands and the raw replies of the recorded
  corpus (corpus/*.corpus, redis-server 7.0.15's bytes), as pipelines and single replies.
- seeds/command_sequence/: fixed pseudo-random inputs for the props decoder.

Usage: /usr/bin/python3 fuzz/make_seeds.py   (needs redis-server 7.0.15 and the `redis`
package). Starts its own redis-servers on unix sockets in temp dirs and stops them by PID.
File names are the seed's name; running it again rewrites the same files (hashtable orders may
differ from run to run).
"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import redis

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SEEDS = os.path.join(HERE, 'seeds')

# fuzz_aof_load's input: the manifest text, then each file it names, each part preceded by
# this separator line (see fuzz_aof_load.cc).
AOF_PART = b'\n--kevy-fuzz-part--\n'


class Oracle:
    """A redis-server 7.0.15 in its own temp dir; extra args are config options."""

    def __init__(self, *extra):
        self.dir = tempfile.mkdtemp(prefix='kevy-seeds-')
        sock = os.path.join(self.dir, 'r.sock')
        self.proc = subprocess.Popen(
            ['redis-server', '--port', '0', '--unixsocket', sock, '--save', '',
             '--appendonly', 'no', '--dir', self.dir, '--enable-debug-command', 'yes', *extra],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=self.dir)
        for _ in range(200):
            if os.path.exists(sock):
                break
            time.sleep(0.05)
        self.r = redis.Redis(unix_socket_path=sock)
        self.r.response_callbacks.clear()
        version = self.r.execute_command('INFO', 'server').decode()
        if 'redis_version:7.0.15' not in version:
            sys.exit('redis-server is not the oracle 7.0.15')

    def cmd(self, *args):
        return self.r.execute_command(*args)

    def stop(self):
        os.kill(self.proc.pid, signal.SIGTERM)
        self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


def write_seed(target, name, data):
    d = os.path.join(SEEDS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)


# ---- RESTORE payloads ---------------------------------------------------------------------
def values():
    """(name, commands building key 'k', config pairs set before)."""
    big = ''.join('%05d' % i for i in range(2000))
    v = [
        ('str_int8', [['SET', 'k', '12']], []),
        ('str_int16', [['SET', 'k', '-3000']], []),
        ('str_int32', [['SET', 'k', '2000000000']], []),
        ('str_embstr', [['SET', 'k', 'hello']], []),
        ('str_raw', [['SET', 'k', 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMN']], []),
        ('str_lzf', [['SET', 'k', 'abc' * 40]], []),
        ('str_binary', [['SET', 'k', b'\x00\x01\xff\r\n\x00']], []),
        ('list_listpack', [['RPUSH', 'k', 'a', 'b', '1', '-300', '70000', '5000000000', '']],
         []),
        ('list_nodes', [['RPUSH', 'k'] + ['element-%d' % i for i in range(300)]],
         [('list-max-listpack-size', '16')]),
        ('list_plain_node', [['RPUSH', 'k', 'a', 'x' * 9000, 'b']], []),
        ('list_lzf_node', [['RPUSH', 'k'] + ['aaaaaaaaaa%d' % (i % 3) for i in range(100)]], []),
        ('list_uncompressed', [['RPUSH', 'k'] + ['aaaaaaaaaa%d' % (i % 3) for i in range(100)]],
         [('rdbcompression', 'no')]),
        ('set_intset16', [['SADD', 'k', '1', '2', '-300']], []),
        ('set_intset32', [['SADD', 'k', '1', '100000']], []),
        ('set_intset64', [['SADD', 'k', '1', '5000000000', '-5000000000']], []),
        ('set_hashtable', [['SADD', 'k', 'a', 'b', 'c', '1']], []),
        ('set_hashtable_ints', [['SADD', 'k'] + [str(i) for i in range(40)]],
         [('set-max-intset-entries', '16')]),
        ('zset_listpack', [['ZADD', 'k', '1', 'a', '2.5', 'b', '-inf', 'c', 'inf', 'd', '-0',
                            'e', '100', '12', '1e300', 'f']], []),
        ('zset_skiplist', [['ZADD', 'k'] + sum([[str(i * 0.5), 'm%d' % i] for i in range(20)],
                                               [])], [('zset-max-listpack-entries', '8')]),
        ('zset_skiplist_long', [['ZADD', 'k', '1', 'x' * 70, '2', 'y']], []),
        ('hash_listpack', [['HSET', 'k', 'f', 'v', 'n', '12', 'neg', '-5000000000', 'e', '']],
         []),
        ('hash_hashtable', [['HSET', 'k'] + sum([['f%d' % i, 'v%d' % i] for i in range(20)],
                                                [])], [('hash-max-listpack-entries', '8')]),
        ('hash_hashtable_long', [['HSET', 'k', 'f', 'v' * 70]], []),
        ('list_big_string', [['RPUSH', 'k', big]], []),
        ('stream', [['XADD', 'k', '1-1', 'f', 'v'], ['XADD', 'k', '2-1', 'f', 'w', 'g', '1']],
         []),
    ]
    return v


def restore_seeds():
    o = Oracle('--sanitize-dump-payload', 'yes')
    n = 0
    try:
        for name, cmds, config in values():
            o.cmd('FLUSHALL')
            for k, val in config:
                o.cmd('CONFIG', 'SET', k, val)
            for c in cmds:
                o.cmd(*c)
            payload = o.cmd('DUMP', 'k')
            write_seed('restore', name, payload[:-10])
            n += 1
            for k, _ in config:
                default = {'list-max-listpack-size': '-2', 'rdbcompression': 'yes',
                           'set-max-intset-entries': '512', 'zset-max-listpack-entries': '128',
                           'hash-max-listpack-entries': '512'}[k]
                o.cmd('CONFIG', 'SET', k, default)
    finally:
        o.stop()
    # The crafted older-type and malformed payloads of the DUMP/RESTORE unit test.
    with open(os.path.join(ROOT, 'tests', 'data', 'dump_restore_cases.txt')) as f:
        for line in f:
            fields = line.split(' ')
            if fields[0] == 'restore':
                payload = bytes.fromhex(fields[2])
                if len(payload) > 10:
                    write_seed('restore', 'crafted_' + fields[1], payload[:-10])
                    n += 1
    return n


# ---- RDB files ------------------------------------------------------------------------------
def rdb_datasets():
    """(name, config args for redis-server, commands)."""
    mixed = [
        ['SET', 's', 'v'], ['SET', 'n', '123'], ['SET', 'lz', 'abc' * 30],
        ['RPUSH', 'l', 'a', 'b', '1'], ['SADD', 'si', '1', '2'], ['SADD', 'sh', 'a', 'b'],
        ['ZADD', 'z', '1', 'a', '2', 'b'], ['HSET', 'h', 'f', 'v', 'g', '1'],
    ]
    return [
        ('empty', [], []),
        ('strings', [], [['SET', 's', 'v'], ['SET', 'n', '-7'], ['SET', 'big', '5000000000'],
                         ['SET', 'lz', 'xyz' * 30]]),
        ('mixed', [], mixed),
        ('list_nodes', ['--list-max-listpack-size', '8'],
         [['RPUSH', 'l'] + ['e%d' % i for i in range(40)], ['RPUSH', 'p', 'y' * 9000]]),
        ('encodings_big', ['--zset-max-listpack-entries', '4', '--hash-max-listpack-entries', '4',
                           '--set-max-intset-entries', '4'],
         [['ZADD', 'z'] + sum([[str(i), 'm%d' % i] for i in range(8)], []),
          ['HSET', 'h'] + sum([['f%d' % i, str(i)] for i in range(8)], []),
          ['SADD', 's'] + [str(i) for i in range(8)]]),
        ('ttls', [], [['SET', 'a', '1', 'PX', '100000000'], ['SET', 'b', '2'],
                      ['RPUSH', 'l', 'x'], ['PEXPIREAT', 'l', '4000000000000'],
                      ['SET', 'old', 'x'], ['PEXPIREAT', 'old', '1600000000000']]),
        ('dbs', [], [['SET', 'a', '1'], ['SELECT', '3'], ['SET', 'b', '2'], ['SELECT', '15'],
                     ['HSET', 'h', 'f', 'v']]),
        ('lru_idle', ['--maxmemory-policy', 'allkeys-lru'], mixed),
        ('lfu_freq', ['--maxmemory-policy', 'allkeys-lfu'], mixed),
        ('no_compression', ['--rdbcompression', 'no'], mixed),
        ('no_checksum', ['--rdbchecksum', 'no'], mixed),
        ('function', [], [['FUNCTION', 'LOAD',
                           "#!lua name=lib\nredis.register_function('f', function() return 1 end)"],
                          ['SET', 'k', 'v']]),
        ('stream', [], [['XADD', 'x', '1-1', 'f', 'v'], ['SET', 'k', 'v']]),
    ]


def rdb_seeds():
    n = 0
    for name, config, cmds in rdb_datasets():
        o = Oracle(*config)
        try:
            for c in cmds:
                o.cmd(*c)
            o.cmd('SAVE')
            with open(os.path.join(o.dir, 'dump.rdb'), 'rb') as f:
                write_seed('rdb_load', name + '.rdb', f.read())
            n += 1
        finally:
            o.stop()
    return n


# ---- AOF directories -------------------------------------------------------------------------
def pack_aof(appenddir):
    """The manifest, then every file it names (base, history, increments: the order
    fuzz_aof_load assigns parts in), each after AOF_PART."""
    names = [f for f in os.listdir(appenddir) if f.endswith('.manifest')]
    assert len(names) == 1, names
    with open(os.path.join(appenddir, names[0]), 'rb') as f:
        manifest = f.read()
    files = {'b': [], 'h': [], 'i': []}
    for line in manifest.decode().splitlines():
        parts = line.split()
        if len(parts) >= 6 and parts[0] == 'file':
            files[parts[5]].append(parts[1])
    out = manifest
    for name in files['b'] + files['h'] + files['i']:
        with open(os.path.join(appenddir, name), 'rb') as f:
            out += AOF_PART + f.read()
    return out


def aof_datasets():
    """(name, config args, commands, rewrite, block): `commands` run one by one; with rewrite
    a BGREWRITEAOF follows (the base holds them); `block` then runs as one MULTI/EXEC."""
    writes = [['SET', 's', 'v'], ['SET', 'e', 'x', 'EX', '1000'], ['INCR', 'n'],
              ['RPUSH', 'l', 'a', 'b'], ['SADD', 'st', '1', 'x'], ['ZADD', 'z', '1.5', 'a'],
              ['HSET', 'h', 'f', 'v'], ['SELECT', '2'], ['SET', 'other', 'db2']]
    block = [['DEL', 's'], ['LPOP', 'l'], ['SET', 'm', '1'], ['INCR', 'm'],
             ['EXPIRE', 'h', '500'], ['SPOP', 'st', '1']]
    return [
        ('empty', [], [], False, []),
        ('incr_only', [], writes, False, []),
        ('incr_multi', [], writes, False, block),
        ('preamble', ['--aof-use-rdb-preamble', 'yes'], writes, True, block),
        ('resp_base', ['--aof-use-rdb-preamble', 'no'], writes, True, block),
    ]


def aof_seeds():
    n = 0
    for name, config, commands, rewrite, block in aof_datasets():
        o = Oracle('--appendonly', 'yes', '--appendfsync', 'always', *config)
        try:
            for c in commands:
                o.cmd(*c)
            if rewrite:
                o.cmd('BGREWRITEAOF')
                for _ in range(200):
                    time.sleep(0.05)
                    info = o.cmd('INFO', 'persistence').decode()
                    if 'aof_rewrite_in_progress:0' in info and 'aof_rewrite_scheduled:0' in info:
                        break
            if block:
                p = o.r.pipeline(transaction=True)
                for c in block:
                    p.execute_command(*c)
                p.execute()
            write_seed('aof_load', name, pack_aof(os.path.join(o.dir, 'appendonlydir')))
            n += 1
        finally:
            o.stop()
    return n


# ---- blobs inside DUMP payloads: listpack, intset, ziplist, zipmap ----------------------------
def lzf_decompress(data, out_len):
    out = bytearray()
    i = 0
    while i < len(data):
        ctrl = data[i]
        i += 1
        if ctrl < 32:  # a literal run of ctrl + 1 bytes
            out += data[i:i + ctrl + 1]
            i += ctrl + 1
            continue
        length = ctrl >> 5
        ref = len(out) - ((ctrl & 0x1f) << 8) - 1
        if length == 7:
            length += data[i]
            i += 1
        ref -= data[i]
        i += 1
        for _ in range(length + 2):
            out.append(out[ref])
            ref += 1
    if len(out) != out_len:
        raise ValueError('bad LZF data')
    return bytes(out)


def rdb_length(buf, pos):
    """(length or None, special encoding or None, new pos) of an RDB length at pos."""
    b = buf[pos]
    kind = b >> 6
    if kind == 0:
        return b & 0x3f, None, pos + 1
    if kind == 1:
        return ((b & 0x3f) << 8) | buf[pos + 1], None, pos + 2
    if b == 0x80:
        return int.from_bytes(buf[pos + 1:pos + 5], 'big'), None, pos + 5
    if b == 0x81:
        return int.from_bytes(buf[pos + 1:pos + 9], 'big'), None, pos + 9
    return None, b & 0x3f, pos + 1


def rdb_string(buf, pos):
    """(bytes, new pos) of an RDB string at pos (integer and LZF encodings included)."""
    n, special, pos = rdb_length(buf, pos)
    if special is None:
        return buf[pos:pos + n], pos + n
    if special in (0, 1, 2):
        width = 1 << special
        v = int.from_bytes(buf[pos:pos + width], 'little', signed=True)
        return str(v).encode(), pos + width
    clen, _, pos = rdb_length(buf, pos)
    ulen, _, pos = rdb_length(buf, pos)
    return lzf_decompress(buf[pos:pos + clen], ulen), pos + clen


# RDB value type -> (fuzz target of its blobs, how the value holds them).
BLOB_TYPES = {9: ('zipmap', 'one'), 10: ('ziplist', 'one'), 11: ('intset', 'one'),
              12: ('ziplist', 'one'), 13: ('ziplist', 'one'), 14: ('ziplist', 'nodes'),
              16: ('listpack', 'one'), 17: ('listpack', 'one'), 18: ('listpack', 'nodes2')}


def payload_blobs(payload):
    """The encoded blobs a DUMP payload (without footer) carries, as (kind, bytes)."""
    t = payload[0]
    if t not in BLOB_TYPES:
        return []
    kind, layout = BLOB_TYPES[t]
    if layout == 'one':
        return [(kind, rdb_string(payload, 1)[0])]
    count, _, pos = rdb_length(payload, 1)
    out = []
    for _ in range(count):
        if layout == 'nodes2':
            container, _, pos = rdb_length(payload, pos)
            blob, pos = rdb_string(payload, pos)
            if container == 2:  # a packed node (1 is a plain element)
                out.append((kind, blob))
        else:
            blob, pos = rdb_string(payload, pos)
            out.append((kind, blob))
    return out


def blob_seeds():
    """listpack / intset / ziplist+zipmap seeds cut out of the restore seeds (redis-server's
    own DUMP output, and the crafted older-type payloads)."""
    counts = {}
    d = os.path.join(SEEDS, 'restore')
    for name in sorted(os.listdir(d)):
        with open(os.path.join(d, name), 'rb') as f:
            payload = f.read()
        try:
            blobs = payload_blobs(payload)
        except (IndexError, ValueError):
            continue  # a malformed crafted payload
        for i, (kind, blob) in enumerate(blobs[:3]):
            if kind in ('ziplist', 'zipmap'):
                # fuzz_ziplist_zipmap's selector byte: even = ziplist, odd = zipmap.
                target, data = 'ziplist_zipmap', (b'\x00' if kind == 'ziplist' else b'\x01') + blob
            else:
                target, data = kind, blob
            write_seed(target, '%s_%d' % (name, i), data)
            counts[target] = counts.get(target, 0) + 1
    return counts


# ---- RESP: requests and replies from the recorded corpus ------------------------------------
def corpus_lines():
    """(kind, text) of every command ('>') and reply ('<') line of corpus/*.corpus."""
    cdir = os.path.join(ROOT, 'corpus')
    for name in sorted(os.listdir(cdir)):
        if not name.endswith('.corpus'):
            continue
        with open(os.path.join(cdir, name), encoding='utf-8') as f:
            for line in f:
                line = line.rstrip('\n')
                if line.startswith('>'):
                    yield '>', line.split(' ', 1)[1] if ' ' in line else ''
                elif line.startswith('<'):
                    yield '<', line.split(' ', 1)[1] if ' ' in line else ''


def multibulk(args):
    out = b'*%d\r\n' % len(args)
    for a in args:
        a = a if isinstance(a, bytes) else a.encode()
        out += b'$%d\r\n%s\r\n' % (len(a), a)
    return out


def resp_seeds():
    sys.path.insert(0, os.path.join(ROOT, 'corpus'))
    import corpuslib  # pylint: disable=import-outside-toplevel
    requests, replies = [], []
    for kind, text in corpus_lines():
        if kind == '>':
            if text.startswith('@'):
                continue
            try:
                requests.append(corpuslib.split_args(text))
            except ValueError:
                continue
        else:
            replies.append(corpuslib.unescape_bytes(text))
    n_req = 0
    # Pipelines of 8 commands, as multibulk and as inline lines; the first byte seeds the
    # chunking (fuzz_resp_request.cc).
    for i in range(0, min(len(requests), 8 * 300), 24):
        batch = requests[i:i + 8]
        write_seed('resp_request', 'multibulk_%04d' % i,
                   bytes([i % 256]) + b''.join(multibulk(a) for a in batch))
        if all(all(b' ' not in (x if isinstance(x, bytes) else x.encode()) for x in a)
               for a in batch):
            inline = b''.join(b' '.join(x if isinstance(x, bytes) else x.encode() for x in a)
                              + b'\r\n' for a in batch)
            write_seed('resp_request', 'inline_%04d' % i, bytes([i % 256]) + inline)
        n_req += 1
    seen = set()
    n_rep = 0
    for r in replies:
        if r in seen or len(seen) >= 200:
            continue
        seen.add(r)
        write_seed('resp_reply', 'reply_%03d' % n_rep, r)
        n_rep += 1
    return n_req, n_rep


# ---- command sequences ----------------------------------------------------------------------
def sequence_seeds():
    """fuzz_command_sequence's input is a header byte and 4-byte command seeds (props'
    sequence_from_bytes): fixed pseudo-random inputs of several lengths, RESP2 and RESP3."""
    import random  # pylint: disable=import-outside-toplevel
    rng = random.Random(20261127)
    for i in range(24):
        header = bytes([i % 4])
        body = bytes(rng.randrange(256) for _ in range(4 * (4 + 2 * i)))
        write_seed('command_sequence', 'seq_%02d' % i, header + body)
    return 24


def main():
    print('restore: %d seeds' % restore_seeds())
    print('rdb_load: %d seeds' % rdb_seeds())
    if os.path.exists(os.path.join(HERE, 'fuzz_aof_load.cc')):
        print('aof_load: %d seeds' % aof_seeds())
    print('blobs: %s' % blob_seeds())
    print('resp_request, resp_reply: %d, %d seeds' % resp_seeds())
    print('command_sequence: %d seeds' % sequence_seeds())
    return 0


if __name__ == '__main__':
    sys.exit(main())
