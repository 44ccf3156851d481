#!/usr/bin/python3
"""Offline MongoDB-compatible dev server (mockupdb wire protocol + mongomock engine).

For tests and the "try it" mode on machines where no real mongod can be
installed.  NOT for production: no transactions, no change streams, no
$lookup with let/pipeline, everything in memory.  With --snapshot, every
data-changing command is journaled before it is answered (journal.py) and the
journal is compacted into the snapshot by a forked writer (snapshot.py), so a
crash loses no confirmed write.  With --exit-on-stdin-close (how the service
runs it) SIGINT and SIGTERM are ignored: stdin's EOF is the stop.

    /usr/bin/python3 scripts/devdb/server.py --port 0 \
        [--snapshot data/devdb.bson] [--snapshot-interval-ms 5000] [--exit-on-stdin-close]

Prints exactly one line "READY port=<n>" on stdout once it accepts connections.
Needs Debian's python3-mockupdb and python3-mongomock (run with /usr/bin/python3).
"""

import argparse
import os
import signal
import socket
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mockupdb  # noqa: E402
from mockupdb import Command, MockupDB, OpMsg, OpMsgReply, OpReply  # noqa: E402

import commands  # noqa: E402
import journal  # noqa: E402
import snapshot  # noqa: E402
from engine import Engine  # noqa: E402

_MORE_TO_COME = mockupdb.OP_MSG_FLAGS['moreToCome']


class DevDbServer(MockupDB):
    """MockupDB does the socket accept loop and message parsing; we replace its
    per-connection loop so every request is answered by our command engine
    (instead of being queued for a test to inspect)."""

    def __init__(self, engine, port):
        super().__init__(port=port, request_timeout=int(1e6))
        self._address = ('127.0.0.1', port)  # never listen beyond loopback
        self.engine = engine

    def _server_loop(self, client, client_addr):
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        connection_id = self.engine.new_connection_id()
        try:
            while not self._stopped:
                request = mockupdb.mock_server_receive_request(client, self)
                self._answer(client, request, connection_id)
        except (OSError, EOFError):
            pass  # client went away
        except Exception as exc:  # noqa: BLE001 - undecodable message: drop only this connection
            sys.stderr.write('devdb: closing connection %d: %r\n' % (connection_id, exc))
        finally:
            try:
                client.close()
            except OSError:
                pass

    def _answer(self, client, request, connection_id):
        if isinstance(request, OpMsg):
            reply = commands.dispatch(self.engine, request.namespace, request.doc, connection_id)
            if request.flags & _MORE_TO_COME:
                return  # unacknowledged write (w: 0): the client expects no reply
            client.sendall(OpMsgReply(reply).reply_bytes(request))
        elif isinstance(request, Command):
            # Legacy OP_QUERY command, used by drivers for the first handshake.
            cmd = request.doc
            if '$query' in cmd:
                cmd = cmd['$query']
            reply = commands.dispatch(self.engine, request.namespace, cmd, connection_id)
            client.sendall(OpReply(reply).reply_bytes(request))
        else:
            # Legacy OP_QUERY find / OP_INSERT / OP_GET_MORE ...: gone since MongoDB 5.1.
            client.sendall(OpReply({'$err': 'devdb: legacy opcode not supported', 'code': 5739101},
                                   flags=2).reply_bytes(request))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--port', type=int, default=0, help='0 = pick a free port')
    parser.add_argument('--snapshot', help='BSON snapshot file (omit for pure in-memory)')
    parser.add_argument('--snapshot-interval-ms', type=int, default=5000)
    parser.add_argument('--exit-on-stdin-close', action='store_true',
                        help='exit (after a final snapshot) when stdin reaches EOF, i.e. the parent died')
    args = parser.parse_args()

    engine = Engine(args.snapshot)
    try:
        _restore(engine)
    except Exception as exc:  # noqa: BLE001
        sys.stderr.write('devdb: cannot load snapshot %s: %r\n' % (args.snapshot, exc))
        return 1

    server = DevDbServer(engine, args.port)
    port = server.run()

    stop = threading.Event()
    if args.exit_on_stdin_close:
        # Run by the service: stdin is the lifeline, its EOF (a stop, or the parent's death) is the only way to
        # stop. SIGINT and SIGTERM are ignored because they are meant for the service (Ctrl-C, docker stop,
        # systemd's control-group kill), which still needs this database to finish its work and stops it last.
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        threading.Thread(target=_wait_for_stdin_eof, args=(stop,), daemon=True).start()
    else:
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        signal.signal(signal.SIGINT, lambda *_: stop.set())

    sys.stdout.write('READY port=%d\n' % port)
    sys.stdout.flush()

    interval = max(args.snapshot_interval_ms, 50) / 1000.0
    while not stop.wait(interval):
        if engine.snapshot_path:
            _guarded(snapshot.tick, engine, interval)
    if engine.snapshot_path and engine.version != engine.saved_version:
        _guarded(snapshot.save, engine)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError:
            pass  # the parent (reading our pipes) may be gone
    # os._exit: skip mockupdb's atexit hook, which joins threads for up to 10 s each.
    os._exit(0)


def _restore(engine):
    """Snapshot, then every journal after it, then a fresh journal generation for what comes next."""
    if not engine.snapshot_path:
        return
    loaded, first_gen = snapshot.load(engine)
    engine.journal = journal.Journal(engine.snapshot_path)
    replayed, last_gen = engine.journal.replay(
        first_gen, lambda db, cmd: commands.dispatch(engine, db, cmd, 0))
    # Until the next compaction, the journals replayed here are still needed: keep them, append to a new one.
    engine.journal.switch(max(last_gen, first_gen - 1) + 1)
    engine.saved_version = 0 if replayed else engine.version
    if loaded or replayed:
        sys.stderr.write('devdb: loaded %d documents from %s and replayed %d journaled writes\n'
                         % (loaded, engine.snapshot_path, replayed))


def _guarded(step, *args):
    try:
        step(*args)
    except Exception as exc:  # noqa: BLE001 - keep serving; try again next interval
        sys.stderr.write('devdb: snapshot failed: %r\n' % (exc,))


def _wait_for_stdin_eof(stop):
    try:
        while sys.stdin.buffer.read(4096):
            pass
    except (OSError, ValueError):
        pass
    stop.set()


if __name__ == '__main__':
    sys.exit(main())
