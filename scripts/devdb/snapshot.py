"""Snapshot persistence: the whole in-memory data set as one BSON file.

File layout: a sequence of BSON documents
    {devdbSnapshot: 1, savedAt: <date>}                       header
    {c: {db, name, indexes: [{name, key: [[field, dir]...], ...options}]}}
    {d: <document>}  ...                                      that collection's documents
    {c: ...} {d: ...} ...
One record per document keeps every record far below the 16 MB BSON limit.
BSON keeps every type exact (ObjectId, dates, int32/int64/double, Decimal128,
binary, ...).  The file is written to a temp file, fsynced and renamed, so a
crash never leaves a half-written snapshot behind.
"""

import datetime
import os

import bson
from bson.codec_options import CodecOptions
from mongomock import helpers

# Same decoding as mockupdb uses for requests: naive UTC datetimes.
_CODEC = CodecOptions(tz_aware=False)


def save(engine):
    """Write the snapshot if a path is configured. Returns True if written."""
    path = engine.snapshot_path
    if not path:
        return False
    with engine.lock:
        version = engine.version
        chunks = [bson.encode({'devdbSnapshot': 1, 'savedAt': datetime.datetime.utcnow()})]
        server = engine.client._store
        for db_name in server.list_created_database_names():
            db_store = server[db_name]
            for coll_name in db_store.list_created_collection_names():
                store = db_store[coll_name]
                index_list = []
                for name, info in store.indexes.items():
                    entry = dict(info, name=name, key=[[k, d] for k, d in info['key']])
                    index_list.append(entry)
                chunks.append(bson.encode({'c': {'db': db_name, 'name': coll_name,
                                                 'indexes': index_list}}))
                for doc in list(store.documents):
                    chunks.append(bson.encode({'d': doc}))
        tmp = '%s.tmp-%d' % (path, os.getpid())
        directory = os.path.dirname(os.path.abspath(path))
        os.makedirs(directory, exist_ok=True)
        with open(tmp, 'wb') as out:
            out.write(b''.join(chunks))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
        engine.saved_version = version
    return True


def load(engine):
    """Load the snapshot file into the (empty) engine, if the file exists."""
    path = engine.snapshot_path
    if not path or not os.path.exists(path):
        return 0
    server = engine.client._store
    store = None
    count = 0
    with open(path, 'rb') as src:
        for record in bson.decode_file_iter(src, _CODEC):
            if 'devdbSnapshot' in record:
                continue
            if 'c' in record:
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
    return count
