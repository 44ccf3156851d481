#!/usr/bin/python3
"""How long a snapshot (compaction) stalls requests, with a realistic data set.

    /usr/bin/python3 scripts/devdb/measure_stall.py [--leads 50000] [--rounds 5]

Starts the dev server on a temporary snapshot file, loads N lead-like
documents (about 1.5 kB of BSON each, with history), then forces `rounds`
compactions while a client pings without pause, and prints JSON: the longest
time a compaction held the engine lock (journal switch + fork: the stall every
request sees) and the ping latencies meanwhile (p50, p99, max, how many over
100 ms), beside the same over 3 s without any compaction (the machine's own
noise: on a shared machine, scheduling delays show up in both).
"""

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

from bson import ObjectId
from pymongo import MongoClient

HERE = os.path.dirname(os.path.abspath(__file__))


def lead(i, org, now):
    return {
        '_id': ObjectId(), 'orgId': org, 'name': '客户%06d' % i, 'phone': '138%08d' % i,
        'email': 'lead%06d@example.com' % i, 'company': '上海示例贸易有限公司第%d分公司' % (i % 500),
        'source': 'api', 'status': 'owned', 'followUpStatus': 'unfollowed', 'ownerId': ObjectId(),
        'teamId': ObjectId(), 'score': i % 100, 'dueStep': 'remind', 'dueAt': now, 'version': 3,
        'createdAt': now, 'updatedAt': now, 'cooldowns': [],
        'history': [{'kind': k, 'at': now, 'by': ObjectId(), 'note': '自动分配 · round robin · %s' % k}
                    for k in ('created', 'assigned', 'reminded')],
        'notes': '来自展会的线索，客户关心价格与交付周期。' * 4,
    }


def summary(latencies):
    ordered = sorted(latencies) or [0.0]
    pick = lambda q: round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)  # noqa: E731
    return {'count': len(latencies), 'p50': pick(0.5), 'p99': pick(0.99), 'max': round(ordered[-1], 1),
            'over100': sum(1 for v in latencies if v > 100)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--leads', type=int, default=50000)
    parser.add_argument('--rounds', type=int, default=5)
    args = parser.parse_args()
    directory = tempfile.mkdtemp(prefix='devdb-stall-')
    server = subprocess.Popen(
        [sys.executable, '-B', os.path.join(HERE, 'server.py'), '--port', '0', '--snapshot',
         os.path.join(directory, 'stall.bson'), '--snapshot-interval-ms', '600000', '--exit-on-stdin-close'],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    port = int(server.stdout.readline().decode().strip().split('=')[1])
    client = MongoClient('127.0.0.1', port)
    coll = client.leadrelay.leads
    org, now = ObjectId(), datetime.datetime.utcnow()
    started = time.monotonic()
    for start in range(0, args.leads, 1000):
        coll.insert_many([lead(i, org, now) for i in range(start, min(start + 1000, args.leads))])
    loaded_s = time.monotonic() - started

    latencies = []
    done = threading.Event()

    def ping():
        pinger = MongoClient('127.0.0.1', port)
        while not done.is_set():
            t = time.monotonic()
            pinger.admin.command('ping')
            latencies.append((time.monotonic() - t) * 1000)

    thread = threading.Thread(target=ping)
    thread.start()
    time.sleep(3)  # the machine's own noise, without any compaction
    baseline = summary(latencies)
    del latencies[:]
    compactions = []
    for _ in range(args.rounds):
        coll.update_one({'phone': '13800000001'}, {'$inc': {'version': 1}})  # something to compact
        t = time.monotonic()
        client.admin.command('devFlush')
        compactions.append((time.monotonic() - t) * 1000)
    done.set()
    thread.join()
    stats = client.admin.command('devStats')
    snapshot_bytes = os.path.getsize(os.path.join(directory, 'stall.bson'))
    server.stdin.close()
    server.wait()
    print(json.dumps({
        'leads': args.leads, 'loadSeconds': round(loaded_s, 1), 'snapshotMB': round(snapshot_bytes / 1e6, 1),
        'maxLockHeldMs': round(stats['maxStallMs'], 1), 'pingDuringCompactionMs': summary(latencies),
        'pingWithoutCompactionMs': baseline,
        'compactionWallMs': [round(c) for c in compactions],
    }))


if __name__ == '__main__':
    main()
