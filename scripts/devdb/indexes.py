"""Index commands: createIndexes, listIndexes, dropIndexes.

Index definitions live in mongomock's CollectionStore.indexes as
    name -> {'key': [(field, direction), ...], 'unique': True, 'sparse': True,
             'partialFilterExpression': {...}, 'expireAfterSeconds': n, ...}
mongomock enforces unique (incl. sparse/partial) indexes on writes and expires
TTL documents lazily when a collection is read.  We build the dict ourselves
instead of calling mongomock's create_index because its duplicate check ignores
partialFilterExpression and it does not detect "same keys, other name".
"""

import collections

import bson
from mongomock import helpers
from mongomock.filtering import filter_applies

from engine import CommandError, bad_value
from writes import duplicate_key_error

# Options that only matter for how an index is built, not what it is.
_IGNORED_OPTIONS = ('key', 'name', 'v', 'ns', 'background')
_IDENTITY_OPTIONS = ('unique', 'sparse', 'partialFilterExpression', 'expireAfterSeconds')


def _index_dict(spec):
    key = spec.get('key')
    if not isinstance(key, collections.abc.Mapping) or not key:
        raise bad_value('index specification must have a non-empty "key" document')
    index = {'key': [(k, v) for k, v in key.items()]}
    for option, value in spec.items():
        if option in _IGNORED_OPTIONS:
            continue
        if option in ('unique', 'sparse'):
            if value:
                index[option] = True
        elif value is not None:
            index[option] = value
    return index


def _default_name(key):
    return '_'.join('%s_%s' % (k, v) for k, v in key)


def _same_identity(a, b):
    return all(a.get(o) == b.get(o) for o in _IDENTITY_OPTIONS)


def _check_existing_unique(coll, name, index):
    """Refuse to build a unique index over data that already violates it."""
    seen = set()
    partial = index.get('partialFilterExpression')
    for doc in list(coll._store.documents):
        if partial is not None and not filter_applies(partial, doc):
            continue
        values = collections.OrderedDict()
        for field, _ in index['key']:
            try:
                values[field] = helpers.get_value_by_dot(doc, field)
            except KeyError:
                values[field] = None
        if index.get('sparse') and set(values.values()) == {None}:
            continue
        fingerprint = bson.encode({'v': list(values.values())})
        if fingerprint in seen:
            pattern = collections.OrderedDict(index['key'])
            err = duplicate_key_error(coll, name, pattern, values)
            raise CommandError(11000, 'DuplicateKey', err.details['errmsg'],
                               keyPattern=pattern, keyValue=values)
        seen.add(fingerprint)


def cmd_create_indexes(engine, db, cmd):
    name = cmd['createIndexes']
    coll = engine.collection(db, name)
    existed = engine.collection_exists(db, name)
    indexes = coll._store.indexes
    before = len(indexes) + 1  # + the implicit _id_ index
    for spec in cmd.get('indexes') or []:
        index = _index_dict(spec)
        index_name = spec.get('name') or _default_name(index['key'])
        if index['key'] == [('_id', 1)] and index_name == '_id_':
            continue
        current = indexes.get(index_name)
        if current is not None:
            if current['key'] != index['key']:
                raise CommandError(86, 'IndexKeySpecsConflict',
                                   'An existing index has the same name as the requested index. '
                                   'Requested index: %s, existing index: %s' % (spec, current))
            if not _same_identity(current, index):
                raise CommandError(85, 'IndexOptionsConflict',
                                   'An equivalent index already exists with the same name '
                                   'but different options. Requested index: %s' % (spec,))
            continue
        clash = [n for n, i in indexes.items() if i['key'] == index['key'] and _same_identity(i, index)]
        if clash:
            raise CommandError(85, 'IndexOptionsConflict',
                               'Index already exists with a different name: %s' % clash[0])
        if index.get('unique'):
            _check_existing_unique(coll, index_name, index)
        coll._store.create_index(index_name, index)
    engine.client._store[db][name].create()
    return {'createdCollectionAutomatically': not existed, 'numIndexesBefore': before,
            'numIndexesAfter': len(indexes) + 1, 'ok': 1.0}


def index_docs(coll):
    docs = [{'v': 2, 'key': {'_id': 1}, 'name': '_id_'}]
    for name, info in coll._store.indexes.items():
        doc = collections.OrderedDict([('v', 2), ('key', collections.OrderedDict(info['key'])),
                                       ('name', name)])
        for option, value in info.items():
            if option != 'key':
                doc[option] = value
        docs.append(doc)
    return docs


def cmd_list_indexes(engine, db, cmd):
    name = cmd['listIndexes']
    if not engine.collection_exists(db, name):
        raise CommandError(26, 'NamespaceNotFound', 'ns does not exist: %s.%s' % (db, name))
    batch_size = (cmd.get('cursor') or {}).get('batchSize')
    return {'cursor': engine.open_cursor('%s.%s' % (db, name), index_docs(engine.collection(db, name)),
                                         batch_size), 'ok': 1.0}


def cmd_drop_indexes(engine, db, cmd):
    name = cmd.get('dropIndexes', cmd.get('deleteIndexes'))
    if not engine.collection_exists(db, name):
        raise CommandError(26, 'NamespaceNotFound', 'ns not found %s.%s' % (db, name))
    indexes = engine.collection(db, name)._store.indexes
    before = len(indexes) + 1
    target = cmd.get('index')
    if target == '*':
        names = list(indexes)
    elif isinstance(target, str):
        names = [target]
    elif isinstance(target, list):
        names = list(target)
    elif isinstance(target, collections.abc.Mapping):
        wanted = list(target.items())
        if wanted == [('_id', 1)]:
            raise CommandError(72, 'InvalidOptions', 'cannot drop _id index')
        names = [n for n, i in indexes.items() if i['key'] == wanted]
        if not names:
            raise CommandError(27, 'IndexNotFound', "can't find index with key: %s" % dict(target))
    else:
        raise bad_value('dropIndexes needs "index": a name, a key pattern, a list of names or "*"')
    for index_name in names:
        if index_name == '_id_':
            raise CommandError(72, 'InvalidOptions', 'cannot drop _id index')
        if index_name not in indexes:
            raise CommandError(27, 'IndexNotFound', 'index not found with name [%s]' % index_name)
    for index_name in names:
        engine.collection(db, name)._store.drop_index(index_name)
    return {'nIndexesWas': before, 'ok': 1.0}


COMMANDS = {
    'createindexes': cmd_create_indexes,
    'listindexes': cmd_list_indexes,
    'dropindexes': cmd_drop_indexes,
    'deleteindexes': cmd_drop_indexes,
}
