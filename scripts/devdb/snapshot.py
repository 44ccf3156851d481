"""Snapshot persistence: the whole in-memory data set as one BSON file.

File layout: a sequence of BSON documents
    {devdbSnapshot: 1, savedAt: <date>, journalGen: <n>}      header
    {c: {db, name, indexes: [{name, key: [[field, dir]...], ...options}]}}
    {d: <document>}  ...                                      that collection's documents
    {c: ...} {d: ...} ...
One record per document keeps every record far below the 16 MB BSON limit.
BSON keeps every type exact (ObjectId, dates, int32/int64/double, Decimal128,
binary, ...).  The file is written to a temp file, fsynced and renamed, so a
crash never leaves a half-written snapshot behind.

With a journal (journal.py) a snapshot is a compaction: it holds every
journal generation before `journalGen`, which are then deleted.  It is taken
without stalling requests: under the engine lock the server only switches to a
new journal generation and forks; the child writes its copy-on-write image of
the data while the parent goes on serving.
"""

import ctypes
import datetime
import gc
import glob
import os
import signal
import time

import bson
from bson.codec_options import CodecOptions
from mongomock import helpers

# Same decoding as mockupdb uses for requests: naive UTC datetimes.
_CODEC = CodecOptions(tz_aware=False)

try:  # Linux: lets a snapshot writer die with the server (loaded here, before any fork)
    _LIBC = ctypes.CDLL(None, use_errno=True)
except OSError:
    _LIBC = None
_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent):
    """A writer that outlived a killed server could rename an old image over a newer snapshot, after the restarted
    server deleted the journals that image lacks: so the writer is killed when the server dies."""
    if _LIBC is not None:
        _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the server died before prctl took effect
        os._exit(1)


def _write(engine, path, journal_gen):
    """Encode the data set and write it atomically (temp file, fsync, rename). Caller owns consistency."""
    out_dir = os.path.dirname(os.path.abspath(path))
    os.makedirs(out_dir, exist_ok=True)
    tmp = '%s.tmp-%d' % (path, os.getpid())
    with open(tmp, 'wb') as out:
        out.write(bson.encode({'devdbSnapshot': 1, 'savedAt': datetime.datetime.utcnow(),
                               'journalGen': journal_gen}))
        server = engine.client._store
        for db_name in server.list_created_database_names():
            db_store = server[db_name]
            for coll_name in db_store.list_created_collection_names():
                store = db_store[coll_name]
                index_list = [dict(info, name=name, key=[[k, d] for k, d in info['key']])
                              for name, info in store.indexes.items()]
                out.write(bson.encode({'c': {'db': db_name, 'name': coll_name, 'indexes': index_list}}))
                for doc in list(store.documents):
                    out.write(bson.encode({'d': doc}))
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)


def save(engine):
    """Write the snapshot now, and wait for it. Returns True if written (False without a snapshot path)."""
    if not engine.snapshot_path:
        return False
    with engine.snapshot_lock:
        if engine.journal is None:
            with engine.lock:
                version = engine.version
                _write(engine, engine.snapshot_path, 0)
                engine.saved_version = version
            return True
        # A compaction already running holds an older image: let it end, then take one of the data as it is now.
        finish_compaction(engine, block=True)
        return compact(engine, wait=True)


def tick(engine, min_gap_s):
    """The timer's step: reap a finished writer; start a compaction if data changed and the last one is old enough."""
    with engine.snapshot_lock:
        if not finish_compaction(engine):
            return
        if engine.version != engine.saved_version and time.monotonic() - engine.compacted_at >= min_gap_s:
            compact(engine)


def compact(engine, wait=False):
    """Start a compaction (journal rotation + forked snapshot writer); with wait=True, finish it too."""
    with engine.lock:
        if engine.compacting is None:
            started = time.monotonic()
            version, gen = engine.version, engine.journal.gen + 1
            # Every write from here on goes to the new generation; the child's image holds everything before it.
            engine.journal.switch(gen)
            # Frozen objects are skipped by the collector: otherwise a full collection in the parent would write
            # to every object's header and copy the whole heap page by page (a stall) while the child still shares it.
            gc.freeze()
            parent = os.getpid()
            try:
                pid = os.fork()
            except OSError:
                gc.unfreeze()  # no writer (out of memory?): the journal keeps everything; try again next time
                raise
            if pid == 0:  # child: touch nothing shared (no locks, no stderr), write, leave
                code = 1
                try:
                    _die_with_parent(parent)
                    os.nice(10)  # on a busy machine the server's requests come first; the snapshot can wait
                    _write(engine, engine.snapshot_path, gen)
                    code = 0
                finally:
                    os._exit(code)
            engine.compacting = (pid, gen, version)
            engine.compaction_started = started
            engine.last_stall_ms = (time.monotonic() - started) * 1000
            engine.max_stall_ms = max(engine.max_stall_ms, engine.last_stall_ms)
    if wait:
        return finish_compaction(engine, block=True)
    return True


def finish_compaction(engine, block=False):
    """Reap the snapshot writer if it is done: on success drop the journals it holds. Returns True on success."""
    pending = engine.compacting
    if pending is None:
        return True
    pid, gen, version = pending
    done, status = os.waitpid(pid, 0 if block else os.WNOHANG)
    if done == 0:
        return False
    with engine.lock:
        gc.unfreeze()
        engine.compacting = None
        # Back off in proportion to how long a compaction takes, so a big data set is not rewritten non-stop.
        engine.compacted_at = time.monotonic() + 3 * (time.monotonic() - engine.compaction_started)
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
            engine.saved_version = max(engine.saved_version, version)
            engine.journal.remove_before(gen)
            return True
    # The older snapshot and every journal are kept, so nothing is lost; the next compaction tries again.
    raise RuntimeError('snapshot writer %d failed (status %d)' % (pid, status))


def load(engine):
    """Load the snapshot file into the (empty) engine, if the file exists. Returns (documents, journalGen)."""
    path = engine.snapshot_path
    if not path:
        return 0, 0
    for leftover in glob.glob(glob.escape(path) + '.tmp-*'):
        os.unlink(leftover)  # a writer killed mid-way (with its server): never renamed, never needed
    if not os.path.exists(path):
        return 0, 0
    server = engine.client._store
    store = None
    count = 0
    journal_gen = 0
    with open(path, 'rb') as src:
        for record in bson.decode_file_iter(src, _CODEC):
            if 'devdbSnapshot' in record:
                journal_gen = int(record.get('journalGen') or 0)
            elif 'c' in record:
                meta = record['c']
                store = server[meta['db']][meta['name']]
                store.create()
                for info in meta.get('indexes', []):
                    info = dict(info)
                    name = info.pop('name')
                    info['key'] = [(k, d) for k, d in info['key']]
                    store.create_index(name, info)
            elif 'd' in record:
                if store is None:
                    raise ValueError('corrupt snapshot %s: document before collection' % path)
                doc = record['d']
                _id = doc['_id']
                store[helpers.hashdict(_id) if isinstance(_id, dict) else _id] = doc
                count += 1
    return count, journal_gen
