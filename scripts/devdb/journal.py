"""Write-ahead journal: every data-changing command, appended before it is answered.

A crash (kill -9 of the server, or of the whole process group) keeps every
write the server confirmed: the record is in the OS page cache before the
reply is sent, and the kernel writes it out even if this process dies.  A
power loss is NOT covered (no fsync per write: that would cost a disk flush
per command); the snapshot itself is fsynced.

Files: `<snapshot>.journal.<gen>`, each a plain sequence of BSON documents
{db, cmd} (BSON is length-prefixed, so a record cut short by a crash mid-write
is detected and dropped: it was never answered).  The snapshot's header names
the first generation it does not contain; at start the server loads the
snapshot and replays every journal of that generation or later, in order.
Replaying is deterministic because the commands carry their own ids and
times; the only id a server makes, an upsert's new _id, is written into the
journaled command's query first (see `pin_upserts`).
"""

import glob
import os
import sys

import bson
from bson.codec_options import CodecOptions

# Same decoding as requests: naive UTC datetimes; dict keeps the command name first.
_CODEC = CodecOptions(tz_aware=False)


class Journal(object):
    def __init__(self, snapshot_path):
        self.base = snapshot_path + '.journal'
        self.gen = 0
        self.bytes = 0
        self._fd = None

    def path(self, gen):
        return '%s.%d' % (self.base, gen)

    def generations(self):
        gens = []
        for name in glob.glob(glob.escape(self.base) + '.*'):
            suffix = name.rsplit('.', 1)[1]
            if suffix.isdigit():
                gens.append(int(suffix))
        return sorted(gens)

    def switch(self, gen):
        """Start appending to generation `gen` (the caller holds the engine lock)."""
        fd = os.open(self.path(gen), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        old, self._fd, self.gen, self.bytes = self._fd, fd, gen, 0
        if old is not None:
            os.close(old)

    def append(self, db, cmd):
        if self._fd is None:
            return
        data = bson.encode({'db': db, 'cmd': cmd})
        view = memoryview(data)
        while view:
            view = view[os.write(self._fd, view):]
        self.bytes += len(data)

    def remove_before(self, gen):
        for old in self.generations():
            if old < gen:
                try:
                    os.unlink(self.path(old))
                except OSError:
                    pass

    def replay(self, from_gen, run):
        """Run every journaled command of generation >= from_gen, oldest first. Returns (commands, last gen)."""
        count, last = 0, from_gen - 1
        for gen in self.generations():
            if gen < from_gen:
                continue
            last = gen
            for record in _records(self.path(gen)):
                run(record['db'], record['cmd'])
                count += 1
        return count, last


def _records(path):
    """The complete records of one journal file; a torn last record (a crash mid-append) is dropped."""
    with open(path, 'rb') as src:
        data = src.read()
    pos = 0
    while pos + 4 <= len(data):
        size = int.from_bytes(data[pos:pos + 4], 'little')
        if size < 5 or pos + size > len(data):
            break
        try:
            record = bson.decode(data[pos:pos + size], _CODEC)
        except Exception:  # noqa: BLE001 - torn or corrupt tail: nothing after it was answered
            break
        yield record
        pos += size
    if pos != len(data):
        sys.stderr.write('devdb: dropped a torn record at the end of %s (%d bytes)\n' % (path, len(data) - pos))


def pin_upserts(key, cmd, reply):
    """Write the _id an upsert generated into the command's query, so replaying it creates the same document."""
    if key == 'update':
        updates = cmd.get('updates') or []
        for upserted in reply.get('upserted') or []:
            index = upserted.get('index')
            if isinstance(index, int) and 0 <= index < len(updates):
                updates[index]['q'] = dict(updates[index].get('q') or {}, _id=upserted['_id'])
    elif key == 'findandmodify':
        upserted = (reply.get('lastErrorObject') or {}).get('upserted')
        if upserted is not None:
            cmd['query'] = dict(cmd.get('query') or {}, _id=upserted)


def changed_nothing(key, reply):
    """A write that matched nothing (Agenda's idle polls, mostly): no journal record, and no compaction for it.
    Anything unclear (an exception, a write error) counts as a change."""
    if not isinstance(reply, dict) or reply.get('ok') != 1.0 or reply.get('writeErrors'):
        return False
    if key in ('insert', 'update', 'delete'):
        return reply.get('n') == 0 and not reply.get('upserted')
    if key == 'findandmodify':
        return (reply.get('lastErrorObject') or {}).get('n') == 0
    return False


def writes_out(cmd):
    pipeline = cmd.get('pipeline')
    return isinstance(pipeline, list) and any(
        isinstance(stage, dict) and ('$out' in stage or '$merge' in stage) for stage in pipeline)
