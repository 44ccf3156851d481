// Run by compose's mongo-init service with mongosh: initiates the replica set rs0 once (a rerun finds it initiated)
// and waits until a primary is elected, so Leadrelay starts against a writable set.
const members = ['mongo1:27017', 'mongo2:27017', 'mongo3:27017'];
try {
  rs.status();
  print('replica set rs0 already initiated');
} catch (error) {
  if (error.codeName !== 'NotYetInitialized') throw error;
  rs.initiate({ _id: 'rs0', members: members.map((host, i) => ({ _id: i, host })) });
  print('replica set rs0 initiated');
}
for (let i = 0; i < 60; i += 1) {
  if (db.hello().isWritablePrimary || rs.status().members.some((m) => m.stateStr === 'PRIMARY')) {
    print('replica set rs0 has a primary');
    quit(0);
  }
  sleep(1000);
}
print('no primary after 60 s');
quit(1);
