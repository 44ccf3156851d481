"""Shared state of the offline dev database server.

One `Engine` owns the in-memory mongomock data, the open cursors, the global
lock and the "something changed" counter used by the snapshot writer.

mongomock is not thread-safe and mockupdb serves every connection in its own
thread, so *every* command runs while holding `Engine.lock`.  This gives each
command (including a findAndModify "claim") the same atomicity a real server
gives a single-document write.
"""

import collections
import os
import threading
import time

import bson
import mongomock
from mongomock.collection import Collection as MongomockCollection
from mongomock.filtering import filter_applies
from bson.int64 import Int64

# Sizes the server advertises and respects when building cursor batches.
MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024
MAX_MESSAGE_SIZE = 48000000
DEFAULT_FIRST_BATCH = 101
CURSOR_IDLE_TIMEOUT_S = 10 * 60


def _iter_documents_fast(self, filter):
    """mongomock scans every document for every query.  Most single-document
    traffic (findById, the second step of findAndModify, updates by _id) names
    one exact _id, so look that document up directly and only test it."""
    _id = filter.get('_id', _MISSING) if isinstance(filter, dict) else _MISSING
    if _id is _MISSING or isinstance(_id, (dict, list)) or hasattr(_id, 'pattern'):
        return _original_iter_documents(self, filter)
    try:
        doc = self._store[_id]
    except (KeyError, TypeError):
        return iter(())
    return iter([doc] if filter_applies(filter, doc) else [])


_MISSING = object()
_original_iter_documents = MongomockCollection._iter_documents
MongomockCollection._iter_documents = _iter_documents_fast


class CommandError(Exception):
    """A command failure, sent to the client as {ok: 0, code, codeName, errmsg}."""

    def __init__(self, code, code_name, errmsg, **extra):
        super().__init__(errmsg)
        self.code = code
        self.code_name = code_name
        self.errmsg = errmsg
        self.extra = extra

    def to_doc(self):
        doc = {'ok': 0.0, 'errmsg': self.errmsg, 'code': self.code, 'codeName': self.code_name}
        doc.update(self.extra)
        return doc


def bad_value(msg):
    return CommandError(2, 'BadValue', msg)


def not_implemented(msg):
    return CommandError(238, 'NotImplemented', 'offline dev server (mongomock) does not support this: ' + msg)


class _Cursor(object):
    __slots__ = ('ns', 'docs', 'pos', 'touched')

    def __init__(self, ns, docs, pos):
        self.ns, self.docs, self.pos, self.touched = ns, docs, pos, time.monotonic()


class Engine(object):
    def __init__(self, snapshot_path=None):
        # tz_aware stays False on purpose: mockupdb decodes requests with naive
        # UTC datetimes and mongomock stores naive UTC datetimes; keeping every
        # value naive avoids "can't compare offset-naive and offset-aware"
        # errors. The BSON encoder treats naive datetimes as UTC, so clients
        # get correct instants back.
        self.client = mongomock.MongoClient()
        self.lock = threading.RLock()
        self.snapshot_path = snapshot_path
        self.version = 0  # bumped by every command that may change data
        self.saved_version = 0
        # Set by server.py when snapshotting: the write-ahead journal (journal.py) and the compaction state.
        self.journal = None
        self.snapshot_lock = threading.Lock()  # one compaction (start or reap) at a time
        self.compacting = None  # (writer pid, journal generation, version) while a forked writer runs
        self.compaction_started = 0.0
        self.compacted_at = 0.0
        self.last_stall_ms = 0.0  # how long the last compaction held the lock (journal switch + fork)
        self.max_stall_ms = 0.0
        self._cursors = {}
        self._next_connection_id = 0

    # ---- data access -----------------------------------------------------
    def collection(self, db, name):
        if not isinstance(name, str) or not name:
            raise CommandError(73, 'InvalidNamespace', 'collection name must be a non-empty string')
        return self.client[db][name]

    def collection_exists(self, db, name):
        return name in self.client._store[db].list_created_collection_names()

    def collection_names(self, db):
        return self.client._store[db].list_created_collection_names()

    def database_names(self):
        return self.client._store.list_created_database_names()

    def drop_database(self, db):
        for name in list(self.collection_names(db)):
            self.client._store[db][name].drop()

    def new_connection_id(self):
        with self.lock:
            self._next_connection_id += 1
            return self._next_connection_id

    def mark_dirty(self):
        self.version += 1

    # ---- cursors ---------------------------------------------------------
    def open_cursor(self, ns, docs, batch_size, single_batch=False):
        """Return the cursor sub-document {id, ns, firstBatch} for a result list.

        Everything is materialised up front (under the lock, so the result is a
        consistent snapshot); later getMore calls just page through the list.
        """
        self._expire_idle_cursors()
        limit = DEFAULT_FIRST_BATCH if batch_size is None else batch_size
        batch, pos = _take_batch(docs, 0, limit)
        cursor_id = 0
        if pos < len(docs) and not single_batch:
            cursor_id = Int64(int.from_bytes(os.urandom(8), 'little') & 0x7FFFFFFFFFFFFFFF or 1)
            self._cursors[cursor_id] = _Cursor(ns, docs, pos)
        return {'id': Int64(cursor_id), 'ns': ns, 'firstBatch': batch}

    def get_more(self, cursor_id, ns, batch_size):
        cursor = self._cursors.get(cursor_id)
        if cursor is None or cursor.ns != ns:
            raise CommandError(43, 'CursorNotFound', 'cursor id %d not found' % cursor_id)
        batch, cursor.pos = _take_batch(cursor.docs, cursor.pos, batch_size or 0)
        cursor.touched = time.monotonic()
        if cursor.pos >= len(cursor.docs):
            del self._cursors[cursor_id]
            cursor_id = 0
        return {'id': Int64(cursor_id), 'ns': ns, 'nextBatch': batch}

    def kill_cursors(self, ids):
        killed, not_found = [], []
        for cid in ids:
            (killed if self._cursors.pop(cid, None) is not None else not_found).append(cid)
        return killed, not_found

    def _expire_idle_cursors(self):
        deadline = time.monotonic() - CURSOR_IDLE_TIMEOUT_S
        for cid in [c for c, cur in self._cursors.items() if cur.touched < deadline]:
            del self._cursors[cid]


def _take_batch(docs, pos, limit):
    """Slice docs[pos:] into one batch: at most `limit` docs (0 = no limit) and
    at most ~16 MB of BSON, but always at least one document."""
    batch = []
    size = 0
    end = len(docs) if not limit else min(len(docs), pos + limit)
    while pos < end:
        doc = docs[pos]
        doc_size = len(bson.encode(doc))
        if batch and size + doc_size > MAX_BSON_OBJECT_SIZE:
            break
        batch.append(doc)
        size += doc_size
        pos += 1
    return batch, pos


def sort_spec(sort):
    """Turn a {field: 1/-1} sort document into mongomock's [(field, dir)] list."""
    if not sort:
        return None
    if not isinstance(sort, collections.abc.Mapping):
        raise bad_value('sort must be a document')
    out = []
    for key, direction in sort.items():
        if isinstance(direction, collections.abc.Mapping):  # {$meta: 'textScore'}
            raise not_implemented('sort by $meta')
        out.append((key, -1 if direction in (-1, -1.0, 'desc', 'descending') else 1))
    return out


def projection_spec(projection):
    """mongomock (with Debian's pymongo 3.x) treats {} as "_id only"; MongoDB
    treats an empty projection as "everything"."""
    if not projection:
        return None
    return dict(projection)
