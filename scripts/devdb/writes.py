"""Write commands: insert, update, delete, findAndModify.

Duplicate-key errors are reported the way MongoDB reports them (code 11000,
"E11000 duplicate key error collection: db.coll index: name dup key: {...}",
keyPattern, keyValue) because mongoose and the driver rely on that shape.
"""

import collections

from bson import json_util
from mongomock import helpers
from mongomock.collection import Collection
from mongomock.filtering import filter_applies
from pymongo.errors import DuplicateKeyError, OperationFailure

from engine import CommandError, bad_value, not_implemented, projection_spec, sort_spec


# ---- duplicate key details ---------------------------------------------------

def _format_value(value):
    if isinstance(value, str):
        return '"%s"' % value
    if value is None:
        return 'null'
    return json_util.dumps(value)


def duplicate_key_error(collection, index_name, key_pattern, key_value):
    errmsg = 'E11000 duplicate key error collection: %s.%s index: %s dup key: { %s }' % (
        collection.database.name, collection.name, index_name,
        ', '.join('%s: %s' % (k, _format_value(v)) for k, v in key_value.items()))
    return DuplicateKeyError(errmsg, 11000, {
        'code': 11000, 'errmsg': errmsg, 'keyPattern': key_pattern, 'keyValue': key_value})


def _ensure_uniques_with_details(self, new_data):
    """Replacement for mongomock's Collection._ensure_uniques (same rules:
    `new_data` is already stored; more than one match means a duplicate) that
    also says which index and which key collided."""
    for name, index in self._store.indexes.items():
        if not index.get('unique'):
            continue
        key_value = collections.OrderedDict()
        for key, _ in index['key']:
            try:
                key_value[key] = helpers.get_value_by_dot(new_data, key)
            except KeyError:
                key_value[key] = None
        if index.get('sparse') and set(key_value.values()) == {None}:
            continue
        query = dict(key_value)
        if index.get('partialFilterExpression') is not None:
            if not filter_applies(index['partialFilterExpression'], new_data):
                continue
            query = {'$and': [index['partialFilterExpression'], query]}
        if _count_equal(self, index, key_value, query) > 1:
            key_pattern = collections.OrderedDict((k, d) for k, d in index['key'])
            raise duplicate_key_error(self, name, key_pattern, key_value)


_MISSING = object()


def _dotted(doc, path):
    """The value at a dotted path, None when missing, or _MISSING when the path crosses an array (multikey)."""
    for part in path:
        if isinstance(doc, list):
            return _MISSING
        if not isinstance(doc, dict) or part not in doc:
            return None
        doc = doc[part]
    return _MISSING if isinstance(doc, list) else doc


def _count_equal(coll, index, key_value, query):
    """How many stored documents hold this key (stops at 2).  A unique check runs on every write, so instead of
    mongomock's general matcher (a full query per document) it compares the key fields directly and evaluates the
    partial filter only on documents whose key is equal: the same answer, tens of times faster on big collections.
    Arrays and sub-documents as key values keep the general path (multikey semantics)."""
    values = list(key_value.values())
    if any(isinstance(v, (list, dict)) for v in values):
        return sum(1 for _ in zip(range(2), coll._iter_documents(query)))
    paths = [key.split('.') for key in key_value.keys()]
    partial = index.get('partialFilterExpression')
    matches = 0
    for doc in coll._store.documents:
        found = [_dotted(doc, path) for path in paths]
        if any(f is _MISSING for f in found):
            # An array on the path: let the general matcher apply MongoDB's multikey rules to this document.
            equal = filter_applies(query, doc)
        else:
            equal = found == values and (partial is None or filter_applies(partial, doc))
        if equal:
            matches += 1
            if matches > 1:
                return matches
    return matches


Collection._ensure_uniques = _ensure_uniques_with_details


def _error_details(collection, exc, doc=None):
    """Turn a mongomock/pymongo exception into (code, codeName, errmsg, extra)."""
    if isinstance(exc, DuplicateKeyError):
        details = exc.details or {}
        if not details.get('keyPattern') and doc is not None and '_id' in doc:
            # mongomock's own "_id already exists" error carries no details.
            exc = duplicate_key_error(collection, '_id_', {'_id': 1}, {'_id': doc['_id']})
            details = exc.details
        extra = {k: details[k] for k in ('keyPattern', 'keyValue') if k in details}
        return 11000, 'DuplicateKey', details.get('errmsg', str(exc)), extra
    if isinstance(exc, CommandError):
        return exc.code, exc.code_name, exc.errmsg, exc.extra
    if isinstance(exc, NotImplementedError):
        err = not_implemented(str(exc))
        return err.code, err.code_name, err.errmsg, {}
    if isinstance(exc, (OperationFailure, ValueError, TypeError, KeyError)):
        return 2, 'BadValue', str(exc) or exc.__class__.__name__, {}
    raise exc


def _write_error(index, collection, exc, doc=None):
    code, _, errmsg, extra = _error_details(collection, exc, doc)
    err = {'index': index, 'code': code, 'errmsg': errmsg}
    err.update(extra)
    return err


def _check_update_doc(update):
    if isinstance(update, list):
        raise not_implemented('pipeline-style updates (update with an array of stages)')
    if not isinstance(update, collections.abc.Mapping):
        raise bad_value('update must be a document')


# ---- commands ----------------------------------------------------------------

def cmd_insert(engine, db, cmd):
    coll = engine.collection(db, cmd['insert'])
    ordered = cmd.get('ordered', True)
    n, errors = 0, []
    for i, doc in enumerate(cmd.get('documents', [])):
        try:
            coll._insert(doc)
            n += 1
        except Exception as exc:  # noqa: BLE001 - every failure becomes a writeError
            errors.append(_write_error(i, coll, exc, doc))
            if ordered:
                break
    return _write_reply(n, errors)


def cmd_update(engine, db, cmd):
    coll = engine.collection(db, cmd['update'])
    ordered = cmd.get('ordered', True)
    n = n_modified = 0
    upserted, errors = [], []
    for i, stmt in enumerate(cmd.get('updates', [])):
        try:
            if stmt.get('arrayFilters'):
                raise not_implemented('arrayFilters')
            _check_update_doc(stmt.get('u'))
            res = coll._update(stmt.get('q') or {}, stmt['u'], upsert=bool(stmt.get('upsert')),
                               multi=bool(stmt.get('multi')))
            if res.get('upserted') is not None:
                upserted.append({'index': i, '_id': res['upserted']})
                n += 1
            else:
                n += res['n']
                n_modified += res['nModified']
        except Exception as exc:  # noqa: BLE001
            errors.append(_write_error(i, coll, exc))
            if ordered:
                break
    reply = _write_reply(n, errors)
    reply['nModified'] = n_modified
    if upserted:
        reply['upserted'] = upserted
    return reply


def cmd_delete(engine, db, cmd):
    coll = engine.collection(db, cmd['delete'])
    ordered = cmd.get('ordered', True)
    n, errors = 0, []
    for i, stmt in enumerate(cmd.get('deletes', [])):
        try:
            query = stmt.get('q') or {}
            if stmt.get('limit', 0):
                n += coll.delete_one(query).deleted_count
            else:
                n += coll.delete_many(query).deleted_count
        except Exception as exc:  # noqa: BLE001
            errors.append(_write_error(i, coll, exc))
            if ordered:
                break
    return _write_reply(n, errors)


def _write_reply(n, errors):
    reply = {'n': n, 'ok': 1.0}
    if errors:
        reply['writeErrors'] = errors
    return reply


def _project(coll, doc, fields):
    if doc is None or not fields:
        return doc
    return coll._copy_only_fields(doc, dict(fields), dict)


def cmd_find_and_modify(engine, db, cmd):
    name = cmd.get('findAndModify', cmd.get('findandmodify'))
    coll = engine.collection(db, name)
    query = cmd.get('query') or {}
    remove, update = bool(cmd.get('remove')), cmd.get('update')
    upsert, return_new = bool(cmd.get('upsert')), bool(cmd.get('new'))
    fields = projection_spec(cmd.get('fields'))
    if remove == (update is not None):
        raise CommandError(9, 'FailedToParse', 'Either an update or remove=true must be specified')
    if cmd.get('arrayFilters'):
        raise not_implemented('arrayFilters')
    if update is not None:
        _check_update_doc(update)
    try:
        found = next(iter(coll.find(query, sort=sort_spec(cmd.get('sort')), limit=1)), None)
        if found is not None:
            _id = found['_id']
            if remove:
                coll.delete_one({'_id': _id})
                return {'lastErrorObject': {'n': 1}, 'value': _project(coll, found, fields), 'ok': 1.0}
            # Keep the caller's query (the positional "$" operator needs it) but
            # pin it to the document we picked, which matters when sort is used.
            if '_id' not in query:
                spec = dict(query, _id=_id)
            elif isinstance(query['_id'], collections.abc.Mapping):
                spec = {'$and': [{'_id': _id}, query]}
            else:
                spec = query
            coll._update(spec, update, upsert=False, multi=False)
            value = coll.find_one({'_id': _id}) if return_new else found
            return {'lastErrorObject': {'n': 1, 'updatedExisting': True},
                    'value': _project(coll, value, fields), 'ok': 1.0}
        if upsert and not remove:
            res = coll._update(query, update, upsert=True, multi=False)
            _id = res['upserted']
            value = coll.find_one({'_id': _id}) if return_new else None
            return {'lastErrorObject': {'n': 1, 'updatedExisting': False, 'upserted': _id},
                    'value': _project(coll, value, fields), 'ok': 1.0}
        return {'lastErrorObject': {'n': 0, 'updatedExisting': False}, 'value': None, 'ok': 1.0}
    except CommandError:
        raise
    except Exception as exc:  # noqa: BLE001
        code, code_name, errmsg, extra = _error_details(coll, exc)
        raise CommandError(code, code_name, errmsg, **extra)


COMMANDS = {
    'insert': cmd_insert,
    'update': cmd_update,
    'delete': cmd_delete,
    'findandmodify': cmd_find_and_modify,
}
