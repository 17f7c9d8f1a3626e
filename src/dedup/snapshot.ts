/**
 * A DedupIndex's slot store as bytes, and back (pure: no I/O). An ingest into a large database
 * used to rebuild its index by re-normalising every stored paper (29 s at 1M papers, for a day's
 * 453 records); it now keeps this snapshot beside the database (see db/dedupSnapshot.ts and
 * ingest/paperIndex.ts), and loading it reads each typed array straight into its own array and
 * rebuilds only a few small maps. The arrays indexed by slot get room for more papers than the
 * snapshot holds: a day's digests into 1M papers then adds its papers without first copying every
 * array into one twice as long (~0.7 s of ~3.8 s).
 *
 * Layout: "PDX" + format byte, a uint32 header length, the JSON header (scalars and the list of
 * sections: name, element type, element count), then each section's bytes, each starting at a
 * multiple of 8. Strings are UTF-16 (as JavaScript holds them), a list of strings one section of
 * their lengths and one of their code units. Only the used part of each array is written.
 */
import { IntMap } from './intmap.js';
import { PagedArray } from './paging.js';
import { PostingLists } from './postings.js';
import { SKETCH_MAX } from './sketch.js';
import { SlotStore } from './slots.js';
import { StringList } from './stringList.js';

/** Bump when SlotStore's layout or meaning changes: an older snapshot is then ignored (rebuilt). */
export const SNAPSHOT_FORMAT = 2;

const MAGIC = 'PDX';

type ElementType = 'u8' | 'u16' | 'i32' | 'u32';
type Typed = Uint8Array | Uint16Array | Int32Array | Uint32Array;

interface TypedConstructor {
  new (n: number): Typed;
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): Typed;
  readonly BYTES_PER_ELEMENT: number;
}

const ARRAYS: Record<ElementType, TypedConstructor> = {
  u8: Uint8Array,
  u16: Uint16Array,
  i32: Int32Array,
  u32: Uint32Array,
};

interface Section {
  name: string;
  type: ElementType;
  length: number;
}

interface Header {
  format: number;
  slots: number;
  tokPoolLen: number;
  words: number;
  ids: number;
  maps: Record<string, number>;
  sections: Section[];
}

/** The per-slot arrays, each `slots` long. */
const SLOT_ARRAYS = [
  'alive',
  'flags',
  'keyLen',
  'hashNext',
  'tokStart',
  'tokCount',
  'arxivOf',
  'prefNext',
  'shortPrefNext',
  'sigLen',
] as const;

const INT_MAPS = ['exact', 'clips', 'prefixes', 'shortPrefixes', 'arxivModern', 'vocab'] as const;

/**
 * The store as bytes (see the layout above), in pieces to write one after the other: the typed
 * arrays are views, not copies (a 1M-paper store is ~250 MB).
 */
export function encodeSlotParts(store: SlotStore): Uint8Array[] {
  store.pageInAll();
  const n = store.slots;
  const parts: { section: Section; bytes: Uint8Array }[] = [];
  const add = (name: string, a: Typed, length = a.length) => {
    const type: ElementType =
      a instanceof Uint8Array ? 'u8' : a instanceof Uint16Array ? 'u16' : a instanceof Int32Array ? 'i32' : 'u32';
    parts.push({ section: { name, type, length }, bytes: new Uint8Array(a.buffer, a.byteOffset, length * a.BYTES_PER_ELEMENT) });
  };
  const addStringList = (name: string, list: StringList) => {
    const { bytes, ends } = list.toParts();
    add(`${name}.ends`, ends);
    parts.push({ section: { name: `${name}.chars`, type: 'u8', length: bytes.length }, bytes });
  };
  const addStrings = (name: string, list: readonly string[]) => {
    const strings = new StringList();
    for (const x of list) strings.push(x);
    addStringList(name, strings);
  };

  for (const name of SLOT_ARRAYS) add(name, store[name], n);
  add('sigPool', store.sigPool, n * SKETCH_MAX);
  add('tokPool', store.tokPool, store.tokPoolLen);
  add('isStop', store.isStop, store.words.length);
  addStringList('ids', store.ids.ids);
  add('ids.next', store.ids.next, n);
  const heads = store.ids.heads.toParts();
  add('ids.heads.table', heads.table);
  addStringList('words', store.words);

  // Posting lists: one flat array and each word's end offset in it.
  const { ends, flat } = store.post.toParts();
  add('post.end', ends);
  add('post.slots', flat);

  const maps: Record<string, number> = {};
  for (const name of INT_MAPS) {
    const t = store[name].toParts();
    add(`${name}.table`, t.table);
    maps[name] = t.count;
  }
  const pairs = (name: string, m: ReadonlyMap<string, number>) => {
    addStrings(`${name}.keys`, [...m.keys()]);
    add(`${name}.vals`, Int32Array.from(m.values()));
  };
  pairs('arxivOtherMap', store.arxivOtherMap);
  pairs('vocabSpill', store.vocabSpill);
  add('arxivOther.slots', Int32Array.from(store.arxivOther.keys()));
  addStrings('arxivOther.ids', [...store.arxivOther.values()]);
  add('clipNext.slots', Int32Array.from(store.clipNext.keys()));
  add('clipNext.next', Int32Array.from(store.clipNext.values()));

  const header: Header = {
    format: SNAPSHOT_FORMAT,
    slots: n,
    tokPoolLen: store.tokPoolLen,
    words: store.words.length,
    ids: store.ids.size,
    maps: { ...maps, 'ids.heads': heads.count },
    sections: parts.map((p) => p.section),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const lead = Buffer.alloc(8);
  lead.write(MAGIC, 0, 'latin1');
  lead[3] = SNAPSHOT_FORMAT;
  lead.writeUInt32LE(json.length, 4);
  const out: Uint8Array[] = [lead, json];
  const padding = (k: number) => (k % 8 === 0 ? null : new Uint8Array(8 - (k % 8)));
  const first = padding(8 + json.length);
  if (first) out.push(first);
  for (const p of parts) {
    out.push(p.bytes);
    const pad = padding(p.bytes.length);
    if (pad) out.push(pad);
  }
  return out;
}

/** Where a snapshot's bytes are read from: a file (db/dedupSnapshot.ts) or bytes in memory. */
export interface SnapshotSource {
  readonly size: number;
  /** Fills `into` with the bytes from `position` on (within size). */
  read(position: number, into: Uint8Array): void;
}

/** A snapshot held in memory as a source. */
export function bytesSource(bytes: Uint8Array): SnapshotSource {
  return { size: bytes.length, read: (position, into) => into.set(bytes.subarray(position, position + into.length)) };
}

/** Slots a loaded store can take before its slot arrays must grow: a day's digests, and ~3% more. */
export function slotHeadroom(slots: number): number {
  return 8192 + (slots >> 5);
}

/**
 * Room in the token pool per slot of headroom (it grows by half when full): twice the words a title
 * has on average (8.5 in the 1M-paper bench snapshot: 8.5M tokens for 1M slots).
 */
const TOKENS_PER_SLOT = 16;

/**
 * The arrays a lookup reads a little of (a slot's words or signature, a word's postings, a table's
 * probes): with `paged`, each is read from the source a page at a time as lookups need it.
 */
const PAGED_SECTIONS = new Set([
  'tokPool',
  'sigPool',
  'post.slots',
  'ids.chars',
  'ids.ends',
  'words.chars',
  'words.ends',
  'post.end',
  'ids.heads.table',
  ...INT_MAPS.map((m) => `${m}.table`),
]);

/**
 * The store `encodeSlots` wrote; throws on bytes of another format or a damaged snapshot. Each
 * array is read into one of its own, with room to grow for those indexed by slot and the token pool.
 * With `paged` (for a source that stays open while the store is used: see ./paging.ts), the
 * largest arrays are read as lookups need them instead; SlotStore.pageInAll reads the rest.
 */
export function decodeSlots(from: Uint8Array | SnapshotSource, { paged = false } = {}): SlotStore {
  const src = from instanceof Uint8Array ? bytesSource(from) : from;
  const lead = Buffer.alloc(8);
  if (src.size >= 8) src.read(0, lead);
  if (src.size < 8 || lead.toString('latin1', 0, 3) !== MAGIC || lead[3] !== SNAPSHOT_FORMAT) {
    throw new Error('not a dedup snapshot of this format');
  }
  const jsonLength = lead.readUInt32LE(4);
  if (8 + jsonLength > src.size) throw new Error('dedup snapshot is truncated');
  const json = Buffer.alloc(jsonLength);
  src.read(8, json);
  const header = JSON.parse(json.toString('utf8')) as Header;
  const room = slotHeadroom(header.slots);
  const capacity = (s: Section): number => {
    if ((SLOT_ARRAYS as readonly string[]).includes(s.name) || s.name === 'ids.next') return s.length + room;
    if (s.name === 'sigPool') return s.length + room * SKETCH_MAX;
    if (s.name === 'tokPool') return s.length + room * TOKENS_PER_SLOT;
    return s.length;
  };
  // Each section's used part, and for those given room to grow the whole array.
  const sections = new Map<string, Typed>();
  const roomy = new Map<string, Typed>();
  const pages = new Map<string, PagedArray>();
  const pagesOf = (name: string) => pages.get(name);
  let off = 8 + jsonLength;
  off += (8 - (off % 8)) % 8;
  for (const s of header.sections) {
    const Type = ARRAYS[s.type];
    const byteLength = s.length * Type.BYTES_PER_ELEMENT;
    if (off + byteLength > src.size) throw new Error('dedup snapshot is truncated');
    const a = new Type(capacity(s));
    const bytes = new Uint8Array(a.buffer, 0, byteLength);
    if (paged && PAGED_SECTIONS.has(s.name)) pages.set(s.name, new PagedArray(bytes, src, off));
    else src.read(off, bytes);
    sections.set(s.name, a.length === s.length ? a : (a.subarray(0, s.length) as Typed));
    roomy.set(s.name, a);
    off += byteLength + ((8 - (byteLength % 8)) % 8);
  }
  const get = <T extends Typed>(name: string): T => {
    const a = sections.get(name);
    if (a === undefined) throw new Error(`dedup snapshot lacks ${name}`);
    return a as T;
  };
  // The store is given the whole array where it counts its own length (slots, tokens).
  const whole = <T extends Typed>(name: string): T => {
    const a = roomy.get(name);
    if (a === undefined) throw new Error(`dedup snapshot lacks ${name}`);
    return a as T;
  };
  const stringList = (name: string): StringList => {
    return StringList.fromParts(get<Uint8Array>(`${name}.chars`), get<Uint32Array>(`${name}.ends`), {
      bytes: pagesOf(`${name}.chars`),
      ends: pagesOf(`${name}.ends`),
    });
  };
  const strings = (name: string): string[] => {
    const list = stringList(name);
    return Array.from({ length: list.length }, (_, i) => list.get(i)!);
  };

  const store = new SlotStore();
  const n = header.slots;
  store.slots = n;
  if (get('alive').length !== n) throw new Error('dedup snapshot is inconsistent');
  // With their room to grow (the store counts its slots and tokens itself).
  for (const name of SLOT_ARRAYS) Object.assign(store, { [name]: whole(name) });
  store.sigPool = whole('sigPool');
  store.tokPool = whole('tokPool');
  store.sigPaged = pagesOf('sigPool') ?? null;
  store.tokPaged = pagesOf('tokPool') ?? null;
  store.tokPoolLen = header.tokPoolLen;
  store.isStop = get('isStop');
  store.words = stringList('words');
  if (store.words.length !== header.words) throw new Error('dedup snapshot is inconsistent');

  store.ids.ids = stringList('ids'); // a removed slot's id reads '' (never asked for: see SlotIds)
  store.ids.next = whole('ids.next');
  store.ids.heads = IntMap.fromParts(get('ids.heads.table'), header.maps['ids.heads'] ?? 0, pagesOf('ids.heads.table'));
  store.ids.size = header.ids;

  store.post = PostingLists.fromParts(get<Int32Array>('post.end'), get<Int32Array>('post.slots'), {
    flat: pagesOf('post.slots'),
    ends: pagesOf('post.end'),
  });

  for (const name of INT_MAPS) {
    store[name] = IntMap.fromParts(get(`${name}.table`), header.maps[name] ?? 0, pagesOf(`${name}.table`));
  }
  const pairs = (name: string, m: Map<string, number>) => {
    const keys = strings(`${name}.keys`);
    const vals = get<Int32Array>(`${name}.vals`);
    for (let i = 0; i < keys.length; i++) m.set(keys[i]!, vals[i]!);
  };
  pairs('arxivOtherMap', store.arxivOtherMap);
  pairs('vocabSpill', store.vocabSpill);
  const otherSlots = get<Int32Array>('arxivOther.slots');
  const otherIds = strings('arxivOther.ids');
  for (let i = 0; i < otherSlots.length; i++) store.arxivOther.set(otherSlots[i]!, otherIds[i]!);
  const clipSlots = get<Int32Array>('clipNext.slots');
  const clipNext = get<Int32Array>('clipNext.next');
  for (let i = 0; i < clipSlots.length; i++) store.clipNext.set(clipSlots[i]!, clipNext[i]!);
  return store;
}
