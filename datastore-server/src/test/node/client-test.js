'use strict';
// Runs the Node.js client @google-cloud/datastore against a Megalite server over gRPC.
// Needs DATASTORE_EMULATOR_HOST (host:port) and DATASTORE_PROJECT_ID; run by NodeClientIT.
// Each check asserts exact results; the exit code is 0 only when every check passed.
// Everything is written in a namespace of its own (and a kind of its own in the default
// namespace), so the script can run again against the same server.

// With no credentials the auth library would probe the GCE metadata server (a link-local
// address) for a universe domain; an emulator test talks to loopback only.
process.env.METADATA_SERVER_DETECTION ??= 'none';

const assert = require('node:assert/strict');
const {Datastore, PropertyFilter, and, or, v1} = require('@google-cloud/datastore');

for (const name of ['DATASTORE_EMULATOR_HOST', 'DATASTORE_PROJECT_ID']) {
  if (!process.env[name]) {
    console.error(`client-test: ${name} is not set`);
    process.exit(2);
  }
}

const RUN = `node-${Date.now().toString(36)}-${process.pid}`;
const PROJECT = process.env.DATASTORE_PROJECT_ID;
const ds = new Datastore({namespace: RUN});

/** A key's namespace and path as one comparable string: "ns|Kind/name/Kind/7". */
function keyString(key) {
  return `${key.namespace ?? ''}|${key.path.map(String).join('/')}`;
}

/** Key strings of entities (or keys), in the order given. */
function keysOf(items) {
  return items.map(e => keyString(e[Datastore.KEY] ?? e));
}

/** The value of one property of each entity, in order. */
function pluck(entities, property) {
  return entities.map(e => e[property]);
}

/** Awaits a promise that must fail, and returns its error. */
async function failure(promise) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  assert.fail('the call succeeded; it should have failed');
}

async function saveAll(entities) {
  for (let i = 0; i < entities.length; i += 500) {
    await ds.save(entities.slice(i, i + 500));
  }
}

const checks = [];

function check(name, fn) {
  checks.push({name, fn});
}

// ---------------------------------------------------------------- entities and values

check('save (upsert) keeps every value type and get returns it', async () => {
  const key = ds.key(['Values', 'all']);
  const when = new Date('2024-02-29T12:34:56.789Z');
  const ref = ds.key(['Other', 'target', 'Child', 7]);
  await ds.save({
    key,
    data: {
      text: 'héllo',
      int: 42,
      negative: -7,
      big: ds.int('9007199254740993'),
      double: 3.25,
      wholeDouble: ds.double(2),
      yes: true,
      nothing: null,
      when,
      blob: Buffer.from([0, 1, 2, 255]),
      ref,
      where: ds.geoPoint({latitude: 52.52, longitude: 13.405}),
      list: [1, 'two', 3.5, null],
      empty: [],
      nested: {name: 'inner', n: 5, deeper: {flag: false, tags: ['a', 'b']}},
      long: 'x'.repeat(2000),
    },
    excludeFromIndexes: ['long'],
  });
  const [e] = await ds.get(key, {wrapNumbers: true});
  assert.equal(keyString(e[Datastore.KEY]), `${RUN}|Values/all`);
  assert.equal(e.text, 'héllo');
  assert.ok(Datastore.isInt(e.int), 'int comes back as an integer');
  assert.equal(e.int.value, '42');
  assert.equal(e.negative.value, '-7');
  assert.equal(e.big.value, '9007199254740993');
  assert.equal(e.double, 3.25);
  assert.equal(typeof e.wholeDouble, 'number', '2.0 stays a double, not an integer');
  assert.equal(e.wholeDouble, 2);
  assert.equal(e.yes, true);
  assert.equal(e.nothing, null);
  assert.ok(e.when instanceof Date);
  assert.equal(e.when.toISOString(), '2024-02-29T12:34:56.789Z');
  assert.deepEqual([...e.blob], [0, 1, 2, 255]);
  assert.equal(keyString(e.ref), `${RUN}|Other/target/Child/7`);
  // The client reads a geo point back as the plain message, not as a GeoPoint.
  assert.deepEqual([e.where.latitude, e.where.longitude], [52.52, 13.405]);
  assert.equal(e.list.length, 4);
  assert.equal(e.list[0].value, '1');
  assert.deepEqual(e.list.slice(1), ['two', 3.5, null]);
  // The server keeps App Engine's default: an empty list is stored as null.
  assert.equal(e.empty, null);
  assert.equal(e.nested.name, 'inner');
  assert.equal(e.nested.n.value, '5');
  assert.equal(e.nested.deeper.flag, false);
  assert.deepEqual(e.nested.deeper.tags, ['a', 'b']);
  assert.equal(e.long, 'x'.repeat(2000));
});

check('save with an incomplete key assigns an id', async () => {
  const key = ds.key('AutoId');
  await ds.save({key, data: {n: 1}});
  assert.match(String(key.id), /^[1-9][0-9]*$/);
  const [e] = await ds.get(ds.key(['AutoId', ds.int(key.id)]));
  assert.equal(e.n, 1);
});

check('get: single, batch, and missing keys', async () => {
  await ds.save([
    {key: ds.key(['Get', 'a']), data: {v: 'A'}},
    {key: ds.key(['Get', 'b']), data: {v: 'B'}},
    {key: ds.key(['Get', 'c']), data: {v: 'C'}},
  ]);
  const [one] = await ds.get(ds.key(['Get', 'b']));
  assert.equal(one.v, 'B');
  const [missing] = await ds.get(ds.key(['Get', 'nope']));
  assert.equal(missing, undefined);
  const [batch] = await ds.get([
    ds.key(['Get', 'c']), ds.key(['Get', 'x']), ds.key(['Get', 'a']), ds.key(['Get', 'y']),
  ]);
  assert.deepEqual(keysOf(batch).sort(), [`${RUN}|Get/a`, `${RUN}|Get/c`]);
  assert.deepEqual(pluck(batch, 'v').sort(), ['A', 'C']);
});

check('insert of an existing entity fails with ALREADY_EXISTS (6)', async () => {
  const key = ds.key(['Insert', 'once']);
  await ds.insert({key, data: {v: 1}});
  const err = await failure(ds.insert({key, data: {v: 2}}));
  assert.equal(err.code, 6, `code ${err.code}: ${err.message}`);
  const [e] = await ds.get(key);
  assert.equal(e.v, 1);
});

check('update of a missing entity fails with NOT_FOUND (5); of an existing one succeeds',
  async () => {
    const err = await failure(ds.update({key: ds.key(['Update', 'ghost']), data: {v: 1}}));
    assert.equal(err.code, 5, `code ${err.code}: ${err.message}`);
    const [ghost] = await ds.get(ds.key(['Update', 'ghost']));
    assert.equal(ghost, undefined);
    const key = ds.key(['Update', 'real']);
    await ds.insert({key, data: {v: 1}});
    await ds.update({key, data: {v: 2}});
    const [e] = await ds.get(key);
    assert.equal(e.v, 2);
  });

check('delete removes entities, single and batch', async () => {
  const keys = ['a', 'b', 'c'].map(n => ds.key(['Delete', n]));
  await ds.save(keys.map(key => ({key, data: {n: 1}})));
  await ds.delete(keys[0]);
  await ds.delete([keys[1], keys[2], ds.key(['Delete', 'never-existed'])]);
  const [left] = await ds.get(keys);
  assert.deepEqual(left, []);
});

check('allocateIds returns distinct complete keys under the parent', async () => {
  const parent = ds.key(['Owner', 'o1']);
  const [keys] = await ds.allocateIds(ds.key(['Owner', 'o1', 'Item']), 3);
  assert.equal(keys.length, 3);
  const ids = keys.map(k => String(k.id));
  assert.equal(new Set(ids).size, 3);
  for (const k of keys) {
    assert.equal(k.kind, 'Item');
    assert.equal(k.namespace, RUN);
    assert.equal(keyString(k.parent), keyString(parent));
    assert.match(String(k.id), /^[1-9][0-9]*$/);
  }
  await ds.save(keys.map((key, i) => ({key, data: {i}})));
  const [got] = await ds.get(keys);
  assert.deepEqual(pluck(got, 'i').sort(), [0, 1, 2]);
});

// ---------------------------------------------------------------- queries

const PEOPLE = [
  {name: 'ann', age: 31, city: 'Oslo', tags: ['a', 'x']},
  {name: 'bob', age: 25, city: 'Rome', tags: ['b']},
  {name: 'cid', age: 40, city: 'Oslo', tags: ['c', 'x']},
  {name: 'dee', age: 25, city: 'Lima', tags: []},
  {name: 'eve', age: 52, city: 'Rome', tags: ['x']},
  {name: 'fay', age: 19, city: 'Kiev', tags: ['f']},
];

async function people(query) {
  const [entities] = await ds.runQuery(query);
  return pluck(entities, 'name');
}

function personQuery() {
  return ds.createQuery('Person');
}

check('query setup: six people', async () => {
  await ds.save(PEOPLE.map(p => ({key: ds.key(['Person', p.name]), data: p})));
  assert.deepEqual(await people(personQuery()), ['ann', 'bob', 'cid', 'dee', 'eve', 'fay']);
});

check('query: equality filter', async () => {
  assert.deepEqual(
    await people(personQuery().filter(new PropertyFilter('city', '=', 'Oslo'))),
    ['ann', 'cid']);
  // On a list property, equality matches any element.
  assert.deepEqual(
    await people(personQuery().filter(new PropertyFilter('tags', '=', 'x'))),
    ['ann', 'cid', 'eve']);
});

check('query: inequality filter with order', async () => {
  assert.deepEqual(
    await people(personQuery().filter(new PropertyFilter('age', '<', 31)).order('age')
      .order('name', {descending: true})),
    ['fay', 'dee', 'bob']);
  assert.deepEqual(
    await people(personQuery().filter(new PropertyFilter('age', '>=', 40)).order('age')),
    ['cid', 'eve']);
});

check('query: IN, != and NOT_IN', async () => {
  assert.deepEqual(
    await people(personQuery().filter(new PropertyFilter('city', 'IN', ['Lima', 'Kiev']))),
    ['dee', 'fay']);
  assert.deepEqual(
    await people(personQuery().filter(new PropertyFilter('city', '!=', 'Oslo'))
      .order('city').order('name')),
    ['fay', 'dee', 'bob', 'eve']);
  assert.deepEqual(
    await people(personQuery()
      .filter(new PropertyFilter('city', 'NOT_IN', ['Oslo', 'Rome'])).order('city')),
    ['fay', 'dee']);
});

check('query: or([...]) and and([...]) composite filters', async () => {
  assert.deepEqual(
    await people(personQuery().filter(or([
      new PropertyFilter('city', '=', 'Lima'),
      new PropertyFilter('age', '=', 52),
    ]))),
    ['dee', 'eve']);
  assert.deepEqual(
    await people(personQuery().filter(and([
      new PropertyFilter('city', '=', 'Rome'),
      new PropertyFilter('age', '=', 25),
    ]))),
    ['bob']);
  assert.deepEqual(
    await people(personQuery().filter(or([
      and([new PropertyFilter('city', '=', 'Oslo'), new PropertyFilter('age', '=', 40)]),
      new PropertyFilter('name', '=', 'fay'),
    ]))),
    ['cid', 'fay']);
});

check('query: order, limit and offset', async () => {
  assert.deepEqual(
    await people(personQuery().order('age', {descending: true}).order('name')),
    ['eve', 'cid', 'ann', 'bob', 'dee', 'fay']);
  assert.deepEqual(await people(personQuery().order('age').limit(2)), ['fay', 'bob']);
  assert.deepEqual(
    await people(personQuery().order('age').order('name').offset(2).limit(3)),
    ['dee', 'ann', 'cid']);
  assert.deepEqual(await people(personQuery().order('name').offset(5)), ['fay']);
  assert.deepEqual(await people(personQuery().offset(10)), []);
});

check('query: ancestor (hasAncestor)', async () => {
  const root = ds.key(['Family', 'f1']);
  await ds.save([
    {key: root, data: {n: 0}},
    {key: ds.key(['Family', 'f1', 'Member', 'm1']), data: {n: 1}},
    {key: ds.key(['Family', 'f1', 'Member', 'm2', 'Pet', 'p1']), data: {n: 2}},
    {key: ds.key(['Family', 'f2', 'Member', 'm3']), data: {n: 3}},
  ]);
  const [all] = await ds.runQuery(ds.createQuery().hasAncestor(root));
  assert.deepEqual(keysOf(all), [
    `${RUN}|Family/f1`, `${RUN}|Family/f1/Member/m1`, `${RUN}|Family/f1/Member/m2/Pet/p1`,
  ]);
  const [members] = await ds.runQuery(
    ds.createQuery('Member').hasAncestor(root).filter(new PropertyFilter('n', '>', 0)));
  assert.deepEqual(pluck(members, 'n'), [1]);
});

check('query: projection (select)', async () => {
  const [rows] = await ds.runQuery(
    personQuery().select(['age', 'city']).filter(new PropertyFilter('age', '>', 30))
      .order('age'));
  assert.deepEqual(rows.map(r => Object.keys(r).sort()), [
    ['age', 'city'], ['age', 'city'], ['age', 'city'],
  ]);
  assert.deepEqual(rows.map(r => [r.age, r.city]), [[31, 'Oslo'], [40, 'Oslo'], [52, 'Rome']]);
  assert.deepEqual(keysOf(rows), [`${RUN}|Person/ann`, `${RUN}|Person/cid`, `${RUN}|Person/eve`]);
});

check('query: distinct on (groupBy)', async () => {
  const [rows] = await ds.runQuery(
    personQuery().select(['city']).groupBy(['city']).order('city'));
  assert.deepEqual(pluck(rows, 'city'), ['Kiev', 'Lima', 'Oslo', 'Rome']);
});

check('query: keys only', async () => {
  const [rows] = await ds.runQuery(
    personQuery().select('__key__').filter(new PropertyFilter('city', '=', 'Rome')));
  assert.deepEqual(keysOf(rows), [`${RUN}|Person/bob`, `${RUN}|Person/eve`]);
  assert.deepEqual(rows.map(r => Object.keys(r)), [[], []]);
});

check('query: __key__ filter', async () => {
  assert.deepEqual(
    await people(personQuery()
      .filter(new PropertyFilter('__key__', '>', ds.key(['Person', 'cid'])))),
    ['dee', 'eve', 'fay']);
});

check('query: cursors page through results (endCursor, start)', async () => {
  for (const [size, expectedPages, expectedStates] of [
    [4, [['ann', 'bob', 'cid', 'dee'], ['eve', 'fay']],
      [Datastore.MORE_RESULTS_AFTER_LIMIT, Datastore.NO_MORE_RESULTS]],
    // A page that reaches the limit says MORE_RESULTS_AFTER_LIMIT even when nothing follows.
    [3, [['ann', 'bob', 'cid'], ['dee', 'eve', 'fay'], []],
      [Datastore.MORE_RESULTS_AFTER_LIMIT, Datastore.MORE_RESULTS_AFTER_LIMIT,
        Datastore.NO_MORE_RESULTS]],
  ]) {
    const pages = [];
    const states = [];
    let cursor;
    while (pages.length < 5) {
      let q = personQuery().order('name').limit(size);
      if (cursor) {
        q = q.start(cursor);
      }
      const [rows, info] = await ds.runQuery(q);
      pages.push(pluck(rows, 'name'));
      states.push(info.moreResults);
      assert.equal(typeof info.endCursor, 'string');
      if (info.moreResults === Datastore.NO_MORE_RESULTS) {
        break;
      }
      cursor = info.endCursor;
    }
    assert.deepEqual(pages, expectedPages, `pages of ${size}`);
    assert.deepEqual(states, expectedStates, `states of pages of ${size}`);
  }

  // A cursor also ends a query, and a query resumes from one with the same filters.
  const [first, info] = await ds.runQuery(personQuery().order('name').limit(2));
  assert.deepEqual(pluck(first, 'name'), ['ann', 'bob']);
  assert.deepEqual(await people(personQuery().order('name').end(info.endCursor)), ['ann', 'bob']);
  assert.deepEqual(
    await people(personQuery().order('name').start(info.endCursor).limit(1)), ['cid']);
});

const BULK = 2_500;

check(`query: ${BULK} entities come back in batches of 1,000 (NOT_FINISHED)`, async () => {
  const entities = [];
  for (let i = 0; i < BULK; i++) {
    entities.push({key: ds.key(['Bulk', i + 1]), data: {i, even: i % 2 === 0}});
  }
  await saveAll(entities);

  // The client follows NOT_FINISHED batches by itself.
  const [all, info] = await ds.runQuery(ds.createQuery('Bulk').order('i'));
  assert.equal(all.length, BULK);
  assert.ok(all.every((e, i) => e.i === i), 'every entity, in order');
  assert.equal(info.moreResults, Datastore.NO_MORE_RESULTS);
  const [evens] = await ds.runQuery(
    ds.createQuery('Bulk').filter(new PropertyFilter('even', '=', true)).select('__key__'));
  assert.equal(evens.length, BULK / 2);

  // The generated gRPC client shows the batches the server sent.
  const raw = new v1.DatastoreClient(ds.options);
  try {
    const sizes = [];
    const states = [];
    let startCursor;
    for (;;) {
      const [resp] = await raw.runQuery({
        projectId: PROJECT,
        partitionId: {namespaceId: RUN},
        query: {kind: [{name: 'Bulk'}], order: [{property: {name: 'i'}}], startCursor},
      });
      sizes.push(resp.batch.entityResults.length);
      states.push(resp.batch.moreResults);
      if (resp.batch.moreResults !== 'NOT_FINISHED') {
        break;
      }
      startCursor = resp.batch.endCursor;
    }
    assert.deepEqual(sizes, [1000, 1000, 500]);
    assert.deepEqual(states, ['NOT_FINISHED', 'NOT_FINISHED', 'NO_MORE_RESULTS']);
  } finally {
    await raw.close();
  }
});

// ---------------------------------------------------------------- aggregations

check('aggregation: count, sum and avg', async () => {
  const [[all]] = await ds.runAggregationQuery(
    ds.createAggregationQuery(personQuery()).count('total'));
  assert.deepEqual(all, {total: 6});
  const [[oslo]] = await ds.runAggregationQuery(
    ds.createAggregationQuery(personQuery().filter(new PropertyFilter('city', '=', 'Oslo')))
      .count('n')
      .sum('age', 'ages')
      .average('age', 'mean'));
  assert.deepEqual(oslo, {n: 2, ages: 71, mean: 35.5});
  const [[bulk]] = await ds.runAggregationQuery(
    ds.createAggregationQuery(ds.createQuery('Bulk')).count('total'));
  assert.deepEqual(bulk, {total: BULK});
  const [[none]] = await ds.runAggregationQuery(
    ds.createAggregationQuery(personQuery().filter(new PropertyFilter('age', '>', 100)))
      .count('n').sum('age', 's').average('age', 'a'));
  assert.deepEqual(none, {n: 0, s: 0, a: null});
});

// ---------------------------------------------------------------- transactions

check('transaction: run, get, save, commit', async () => {
  const key = ds.key(['Account', 'alice']);
  await ds.save({key, data: {balance: 100}});
  const tx = ds.transaction();
  await tx.run();
  const [before] = await tx.get(key);
  assert.equal(before.balance, 100);
  tx.save({key, data: {balance: before.balance - 30}});
  tx.save({key: ds.key(['Account', 'alice', 'Entry', 'e1']), data: {amount: -30}});
  await tx.commit();
  const [after] = await ds.get(key);
  assert.equal(after.balance, 70);
  const [entries] = await ds.runQuery(ds.createQuery('Entry').hasAncestor(key));
  assert.deepEqual(pluck(entries, 'amount'), [-30]);
});

check('transaction: a read without run() starts the transaction (new_transaction)',
  async () => {
    const key = ds.key(['Account', 'bob']);
    await ds.save({key, data: {balance: 5}});
    const tx = ds.transaction();
    const [e] = await tx.get(key);
    assert.equal(e.balance, 5);
    tx.save({key, data: {balance: 6}});
    await tx.commit();
    const [after] = await ds.get(key);
    assert.equal(after.balance, 6);
  });

check('transaction: rollback discards its writes', async () => {
  const key = ds.key(['Account', 'carol']);
  await ds.save({key, data: {balance: 1}});
  const tx = ds.transaction();
  await tx.run();
  tx.save({key, data: {balance: 999}});
  await tx.rollback();
  const [e] = await ds.get(key);
  assert.equal(e.balance, 1);
});

check('transaction: a query inside a transaction sees the snapshot', async () => {
  const root = ds.key(['Ledger', 'l1']);
  await ds.save({key: ds.key(['Ledger', 'l1', 'Line', 1]), data: {v: 1}});
  const tx = ds.transaction();
  await tx.run();
  const [lines] = await tx.runQuery(ds.createQuery('Line').hasAncestor(root));
  assert.deepEqual(pluck(lines, 'v'), [1]);
  const [[count]] = await tx.runAggregationQuery(
    ds.createAggregationQuery(ds.createQuery('Line').hasAncestor(root)).count('n'));
  assert.deepEqual(count, {n: 1});
  tx.save({key: ds.key(['Ledger', 'l1', 'Line', 2]), data: {v: 2}});
  await tx.commit();
  assert.deepEqual(await ds.runQuery(ds.createQuery('Line').hasAncestor(root).order('v'))
    .then(([rows]) => pluck(rows, 'v')), [1, 2]);
});

// A second writer commits between the transaction's read and its commit: the commit fails.
const SECOND_WRITERS = {
  'another transaction': async key => {
    const other = ds.transaction();
    await other.run();
    const [theirs] = await other.get(key);
    other.save({key, data: {n: theirs.n + 10}});
    await other.commit();
  },
  'a plain save': key => ds.save({key, data: {n: 10}}),
};

for (const [writer, write] of Object.entries(SECOND_WRITERS)) {
  check(`transaction: commit fails with ABORTED (10) when ${writer} committed in between`,
    async () => {
      const key = ds.key(['Counter', writer]);
      await ds.save({key, data: {n: 0}});
      const tx = ds.transaction();
      await tx.run();
      const [seen] = await tx.get(key);
      assert.equal(seen.n, 0);
      await write(key);
      tx.save({key, data: {n: seen.n + 1}});
      const err = await failure(tx.commit());
      assert.equal(err.code, 10, `code ${err.code}: ${err.message}`);
      const [e] = await ds.get(key);
      assert.equal(e.n, 10);
    });
}

// ---------------------------------------------------------------- namespaces

check('namespaces keep the same key apart', async () => {
  const other = `${RUN}-other`;
  const kind = `Shared_${RUN.replace(/-/g, '_')}`;
  await ds.save([
    {key: ds.key({namespace: '', path: [kind, 'k']}), data: {where: 'default'}},
    {key: ds.key([kind, 'k']), data: {where: 'run'}},
    {key: ds.key({namespace: other, path: [kind, 'k']}), data: {where: 'other'}},
    {key: ds.key({namespace: other, path: [kind, 'k2']}), data: {where: 'other'}},
  ]);
  const [got] = await ds.get([
    ds.key({namespace: '', path: [kind, 'k']}),
    ds.key({namespace: other, path: [kind, 'k']}),
    ds.key([kind, 'k']),
  ]);
  assert.deepEqual(got.map(e => `${keyString(e[Datastore.KEY])}=${e.where}`).sort(), [
    `${other}|${kind}/k=other`, `${RUN}|${kind}/k=run`, `|${kind}/k=default`,
  ].sort());

  const [inOther] = await ds.runQuery(ds.createQuery(other, kind));
  assert.deepEqual(keysOf(inOther), [`${other}|${kind}/k`, `${other}|${kind}/k2`]);
  const [inDefault] = await ds.runQuery(ds.createQuery('', kind));
  assert.deepEqual(keysOf(inDefault), [`|${kind}/k`]);
  const [[count]] = await ds.runAggregationQuery(
    ds.createAggregationQuery(ds.createQuery(other, kind)).count('n'));
  assert.deepEqual(count, {n: 2});

  const otherClient = new Datastore({namespace: other});
  const [viaClient] = await otherClient.get(otherClient.key([kind, 'k2']));
  assert.equal(viaClient.where, 'other');
  assert.equal(viaClient[Datastore.KEY].namespace, other);
});

// ---------------------------------------------------------------- run

async function main() {
  console.log(`client-test: @google-cloud/datastore ${require(
    '@google-cloud/datastore/package.json').version} on node ${process.version}, ` +
    `server ${process.env.DATASTORE_EMULATOR_HOST}, project ${PROJECT}, namespace ${RUN}`);
  let failed = 0;
  for (const {name, fn} of checks) {
    const start = Date.now();
    try {
      await fn();
      console.log(`ok    ${name} (${Date.now() - start} ms)`);
    } catch (err) {
      failed++;
      console.log(`FAIL  ${name}`);
      console.log(String(err && err.stack ? err.stack : err).replace(/^/gm, '      '));
    }
  }
  console.log(`client-test: ${checks.length - failed} of ${checks.length} checks passed`);
  return failed === 0 ? 0 : 1;
}

main().then(code => process.exit(code), err => {
  console.error(err);
  process.exit(1);
});
