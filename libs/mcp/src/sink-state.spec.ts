import { makeEntry } from './snapshot';
import { decodeResponse, type SinkCollection, type SinkCollectionState } from './sink-state';
import { encodeEntry, encodeResources } from './wire';
import { decodeResources } from './wire-decode';

const spec: SinkCollection<{ hosts: string[] }> = {
  collection: 'c',
  decode: (body) => ({ hosts: (body.hosts as string[]) ?? [] }),
};
const received = (entries: ReturnType<typeof makeEntry>[], removed: string[], incremental: boolean) =>
  decodeResources(
    encodeResources({
      systemVersionInfo: 'v2',
      collection: 'c',
      resources: entries.map(encodeEntry),
      removedResources: removed,
      nonce: 'n',
      incremental,
    }),
  );

function heldState(): SinkCollectionState<{ hosts: string[] }> {
  const first = decodeResponse(
    spec,
    undefined,
    received(
      [makeEntry({ name: 'a', body: { hosts: ['a'] } }), makeEntry({ name: 'b', body: { hosts: ['b'] } })],
      [],
      false,
    ),
  );
  if (!first.ok) throw new Error(first.error);
  return first.update;
}

describe('decodeResponse', () => {
  it('applies an incremental update in place and can undo it (NACK keeps the previous state)', () => {
    const held = heldState();
    const outcome = decodeResponse(
      spec,
      held,
      received(
        [makeEntry({ name: 'a', body: { hosts: ['a2'] } }), makeEntry({ name: 'c', body: { hosts: ['c'] } })],
        ['b'],
        true,
      ),
    );
    if (!outcome.ok) throw new Error(outcome.error);
    expect([...outcome.update.resources.keys()].sort()).toEqual(['a', 'c']);
    expect(outcome.update).toMatchObject({ changed: ['a', 'c'], removed: ['b'] });
    outcome.undo();
    expect([...held.resources.keys()].sort()).toEqual(['a', 'b']);
    expect(held.resources.get('a')?.value.hosts).toEqual(['a']);
  });

  it('rejects an undecodable body naming the resource, leaving the held state untouched', () => {
    const held = heldState();
    const failing: SinkCollection<unknown> = {
      collection: 'c',
      decode: () => {
        throw new Error('bad spec');
      },
    };
    const outcome = decodeResponse(failing, held, received([makeEntry({ name: 'x', body: {} })], ['a'], true));
    expect(outcome).toEqual({ ok: false, error: 'c x: bad spec' });
    expect([...held.resources.keys()].sort()).toEqual(['a', 'b']);
  });

  it('state of the world: keeps held values of unchanged versions and reports removals', () => {
    const held = heldState();
    const outcome = decodeResponse(spec, held, received([makeEntry({ name: 'a', body: { hosts: ['a'] } })], [], false));
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.update.resources.get('a')).toBe(held.resources.get('a'));
    expect(outcome.update).toMatchObject({ changed: [], removed: ['b'] });
  });
});
